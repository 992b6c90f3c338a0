"""The locust users of `make loadtest` (run by `manage.py loadtest`, never imported by Django).

Commune officers (one per commune, each its own account) and province officers sign in through
the login form, then browse with 1–3 s of thought between requests. The measured window opens
when the last user has signed in (statistics are reset then, so sign-ins are reported apart)
and lasts TONGKET_LOADTEST_SECONDS; the raw figures go to TONGKET_LOADTEST_REPORT as JSON and
`tongket.bench.report` turns them into the printed lines."""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task

ACCOUNTS = json.loads(Path(os.environ["TONGKET_LOADTEST_ACCOUNTS"]).read_text(encoding="utf-8"))
SECONDS = int(os.environ.get("TONGKET_LOADTEST_SECONDS", "60"))
REPORT = os.environ["TONGKET_LOADTEST_REPORT"]
YEAR = ACCOUNTS["year"]
LOGIN = "/dang-nhap/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

state = {
    "signed_in": 0,
    "login_failures": 0,
    "window_started": None,
    "window_ended": None,
    "login_ms": [],
    "statuses": Counter(),
}
pools = {"communes": list(ACCOUNTS["communes"]), "provinces": list(ACCOUNTS["provinces"])}


def _users_expected(environment) -> int:
    return environment.parsed_options.num_users if environment.parsed_options else 0


def _open_window(environment) -> None:
    """Every user is signed in: measure from now for SECONDS, then stop."""
    environment.stats.reset_all()
    state["statuses"].clear()
    state["window_started"] = time.time()
    gevent.spawn_later(SECONDS, _close_window, environment)


def _close_window(environment) -> None:
    state["window_ended"] = time.time()
    environment.runner.quit()


@events.request.add_listener
def _count_status(response=None, exception=None, **_kwargs) -> None:
    if exception is None or state["window_started"] is None:
        return
    status = getattr(response, "status_code", 0) or 0
    if status == 200 and getattr(response, "history", None):
        status = response.history[0].status_code  # redirected away (to the login page)
    state["statuses"][str(status)] += 1


def _window_seconds() -> float:
    if state["window_started"] is None:
        return 0.0
    return (state["window_ended"] or time.time()) - state["window_started"]


@events.quitting.add_listener
def _write_report(environment, **_kwargs) -> None:
    stats = environment.stats
    entries = {
        name: {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "response_times": {str(k): v for k, v in entry.response_times.items()},
        }
        for (name, _method), entry in stats.entries.items()
    }
    report = {
        "users": _users_expected(environment),
        "signed_in": state["signed_in"],
        "window_seconds": _window_seconds(),
        "entries": entries,
        "errors_by_status": dict(state["statuses"]),
        "login_ms": state["login_ms"],
        "login_failures": state["login_failures"],
    }
    with open(REPORT, "w", encoding="utf-8") as out:
        json.dump(report, out)


class Officer(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    pool = ""

    def on_start(self) -> None:
        self.account = pools[self.pool].pop(0)
        started = time.perf_counter()
        try:
            if not self.sign_in():
                state["login_failures"] += 1
        except Exception:
            state["login_failures"] += 1
            raise
        finally:
            state["login_ms"].append((time.perf_counter() - started) * 1000)
            state["signed_in"] += 1  # signed in or given up: the window waits for no more
            if state["signed_in"] == _users_expected(self.environment):
                _open_window(self.environment)

    def sign_in(self) -> bool:
        """The login form as a browser sends it (its CSRF token included)."""
        page = self.client.get(LOGIN, name="login").text
        form = {
            "csrfmiddlewaretoken": CSRF_FIELD.search(page).group(1),
            "username": self.account["username"],
            "password": ACCOUNTS["password"],
        }
        with self.client.post(LOGIN, data=form, name="login", catch_response=True) as answer:
            if answer.url.endswith(LOGIN) or "sessionid" not in self.client.cookies:
                answer.failure(f"đăng nhập {self.account['username']} thất bại")
                return False
        return True

    def page(self, name: str, path: str, **kwargs) -> None:
        """GET a page that must answer 200 itself, not a redirect to the login page."""
        with self.client.get(path, name=name, catch_response=True, **kwargs) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")
            elif answer.history:
                answer.failure("chuyển hướng (mất phiên đăng nhập?)")

    def api(self, unit: int) -> None:
        headers = {"Authorization": f"Bearer {self.account['token']}"}
        self.page(
            "api_achievement",
            f"/api/v1/targets/achievement?unit={unit}&year={YEAR}",
            headers=headers,
        )


class CommuneOfficer(Officer):
    """A commune's officer: its dashboard, its grid, its nominations and conference."""

    pool = "communes"
    fixed_count = int(os.environ.get("TONGKET_LOADTEST_COMMUNE_USERS", "90"))

    @task(2)
    def home(self) -> None:
        self.page("home", "/")

    @task(3)
    def dashboard(self) -> None:
        self.page("commune_dashboard", f"/chi-tieu/don-vi/{self.account['unit']}/?year={YEAR}")

    @task(2)
    def grid_save(self) -> None:
        account = self.account
        form = {
            "year": YEAR,
            "period": "year",
            "indicator": account["indicator"],
            "version": account["version"],
            "value": f"{random.randint(100, 999)},5",
            "note": "",
        }
        headers = {"Accept": "application/json", "X-CSRFToken": self.client.cookies["csrftoken"]}
        path = f"/chi-tieu/don-vi/{account['unit']}/nhap/o/"
        with self.client.post(
            path, data=form, headers=headers, name="grid_save", catch_response=True
        ) as answer:
            if answer.status_code != 200 or not answer.json().get("ok"):
                answer.failure(f"{answer.status_code}")
                return
            account["version"] = answer.json()["version"]

    @task(1)
    def nominations(self) -> None:
        self.page("nominations", "/thi-dua/de-nghi/")

    @task(1)
    def conference(self) -> None:
        self.page("conference", f"/hoi-nghi/{self.account['conference']}/")

    @task(1)
    def portal(self) -> None:
        self.page("portal", f"/cong/{self.account['code']}/?year={YEAR}")

    @task(1)
    def achievement_api(self) -> None:
        self.api(self.account["unit"])


class ProvinceOfficer(Officer):
    """A province's officer: the province dashboard and its communes."""

    pool = "provinces"
    fixed_count = int(os.environ.get("TONGKET_LOADTEST_PROVINCE_USERS", "10"))

    @task(1)
    def home(self) -> None:
        self.page("home", "/")

    @task(3)
    def dashboard(self) -> None:
        self.page("province_dashboard", f"/chi-tieu/tinh/{self.account['unit']}/?year={YEAR}")

    @task(2)
    def commune(self) -> None:
        unit = random.choice(self.account["communes"])
        self.page("commune_dashboard", f"/chi-tieu/don-vi/{unit}/?year={YEAR}")

    @task(1)
    def portal(self) -> None:
        self.page("portal", f"/cong/{random.choice(self.account['codes'])}/?year={YEAR}")

    @task(1)
    def achievement_api(self) -> None:
        self.api(random.choice(self.account["communes"]))
