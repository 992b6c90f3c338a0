"""Shared test personas, built through the real services.

world: a province with two phường (A and B); A has two tổ dân phố; the personas are a leader
of A, an officer of A, an administrator of A, a reporter of one tổ dân phố in A, an officer
of B and a province officer.
"""

from __future__ import annotations

import datetime
import os
from types import SimpleNamespace

import pytest

os.environ.setdefault("TONGKET_TESTING", "true")

PASSWORD = "Kiem-thu-2026!"


@pytest.fixture
def root_user(db):
    from tongket.units.models import User

    return User.objects.create_superuser("root", "root@example.vn", PASSWORD)


def make_user(*, username: str, unit, role: str, by, full_name: str | None = None):
    from tongket.units import services

    person = services.person_create(full_name=full_name or username, unit=unit, by=by)
    user = services.user_create(
        username=username, password=PASSWORD, unit=unit, person=person, by=by
    )
    services.role_grant(user=user, unit=unit, role=role, by=by)
    return user


@pytest.fixture
def world(root_user):
    from tongket.units import services
    from tongket.units.choices import Role, UnitKind

    by = root_user
    province = services.unit_create(
        code="T01", name="Tỉnh Thử Nghiệm", kind=UnitKind.PROVINCE, parent=None, by=by
    )
    a = services.unit_create(
        code="P-A", name="Phường Hòa Bình", kind=UnitKind.PHUONG, parent=province, by=by
    )
    b = services.unit_create(
        code="P-B", name="Phường Đậu Liêu", kind=UnitKind.PHUONG, parent=province, by=by
    )
    group_a1 = services.unit_create(
        code="P-A-T1", name="Tổ dân phố số 1", kind=UnitKind.RESIDENTIAL_GROUP, parent=a, by=by
    )
    group_a2 = services.unit_create(
        code="P-A-T2", name="Tổ dân phố số 2", kind=UnitKind.RESIDENTIAL_GROUP, parent=a, by=by
    )
    group_b1 = services.unit_create(
        code="P-B-T1", name="Tổ dân phố Đông", kind=UnitKind.RESIDENTIAL_GROUP, parent=b, by=by
    )
    w = SimpleNamespace(
        root=root_user,
        province=province,
        a=a,
        b=b,
        group_a1=group_a1,
        group_a2=group_a2,
        group_b1=group_b1,
        password=PASSWORD,
        today=datetime.date.today(),
    )
    w.leader_a = make_user(
        username="lanhdao_a", unit=a, role=Role.LEADER, by=by, full_name="Nguyễn Văn Lãnh"
    )
    w.officer_a = make_user(
        username="canbo_a", unit=a, role=Role.OFFICER, by=by, full_name="Trần Thị Cán"
    )
    w.admin_a = make_user(
        username="quantri_a", unit=a, role=Role.ADMIN, by=by, full_name="Lê Văn Quản"
    )
    w.reporter_a1 = make_user(
        username="baocao_a1", unit=group_a1, role=Role.REPORTER, by=by, full_name="Phạm Thị Báo"
    )
    w.officer_b = make_user(
        username="canbo_b", unit=b, role=Role.OFFICER, by=by, full_name="Hoàng Văn Bê"
    )
    w.province_officer = make_user(
        username="canbo_tinh", unit=province, role=Role.OFFICER, by=by, full_name="Đỗ Thị Tỉnh"
    )
    return w


@pytest.fixture
def party_world(world):
    """world with the party side: chi bộ in A (Tổ dân phố số 1, Cơ quan phường) and in B, the
    Đảng ủy office of A (party officer), a party leader of A, the secretary of A's first
    chi bộ (a party-side reporter on it) and B's Đảng ủy office. The state-side personas are
    unchanged: they reach none of it."""
    from tongket.party.rulebook_seed import seed_rulebook
    from tongket.units import services
    from tongket.units.choices import Role, Side, UnitKind

    seed_rulebook()  # a transactional test run earlier may have flushed the migration's rows
    by = world.root
    cell = UnitKind.PARTY_CELL
    world.cell_a1 = services.unit_create(
        code="P-A-CB1", name="Chi bộ Tổ dân phố số 1", kind=cell, parent=world.a, by=by
    )
    world.cell_a2 = services.unit_create(
        code="P-A-CB2", name="Chi bộ Cơ quan phường", kind=cell, parent=world.a, by=by
    )
    world.cell_b1 = services.unit_create(
        code="P-B-CB1", name="Chi bộ Tổ dân phố Đông", kind=cell, parent=world.b, by=by
    )
    for name, unit, role, full_name in (
        ("party_officer_a", world.a, Role.OFFICER, "Văn Thị Đảng"),
        ("party_leader_a", world.a, Role.LEADER, "Bùi Văn Thư"),
        ("cell_secretary_a", world.cell_a1, Role.REPORTER, "Chu Văn Chi"),
        ("party_officer_b", world.b, Role.OFFICER, "Đàm Thị Bờ"),
    ):
        person = services.person_create(full_name=full_name, unit=unit, by=by)
        user = services.user_create(
            username=name, password=PASSWORD, unit=unit, person=person, by=by
        )
        services.role_grant(user=user, unit=unit, role=role, side=Side.PARTY, by=by)
        setattr(world, name, user)
    return world


@pytest.fixture
def login(client):
    """login(user) logs the Django test client in as that persona and returns it."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (the locmem cache outlives a test's database)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# Browser tests: Playwright driving Debian's chromium (never a downloaded browser) ----------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Không thấy {CHROMIUM}. Cài bằng: sudo apt-get install -y chromium")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def browser_login(page):
    """browser_login(user) signs the browser in through the login form."""

    def _login(user, password: str = PASSWORD):
        page.goto("/dang-nhap/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("#login-form button[type=submit]")
        page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        return page

    return _login


# Every article any test generates is read for office status text ---------------------------


@pytest.fixture(autouse=True)
def article_guard(monkeypatch):
    """Wraps the article writer for every test: each draft it composes (through the
    services, the API, the screens, the demo or the bench) is recorded, and at teardown none
    may hold data-entry status text ("chưa giao kế hoạch", "chưa có số liệu", "None", …).
    Yields the list of drafts, for tests that want to read them."""
    from tongket.documents import article

    drafts = []
    compose = article.compose

    def recording(*args, **kwargs):
        draft = compose(*args, **kwargs)
        drafts.append(draft)
        return draft

    monkeypatch.setattr(article, "compose", recording)
    yield drafts
    problems = {
        draft.headline: found
        for draft in drafts
        for found in [article.forbidden_phrases(draft.text)]
        if found
    }
    assert not problems, f"Tin bài có chữ không được đăng: {problems}"
