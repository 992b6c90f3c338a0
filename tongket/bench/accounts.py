"""The accounts, API tokens and conferences that the HTTP benches use, on top of the national
data set of `make bench` (generated here when missing). Passwords carry production's hash
(computed once per process), so every account signs in over HTTP."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tongket.api.models import ApiToken
from tongket.api.services import token_create
from tongket.conferences import services as conferences
from tongket.conferences.models import Conference
from tongket.targets import national
from tongket.targets.models import Indicator, Result
from tongket.units.benchmark import served_password_hash
from tongket.units.choices import Role
from tongket.units.models import RoleGrant, Unit, User

YEAR = 2025
PASSWORD = national.PASSWORD
SCALE = national.SCALES["national"]
ROLLUP_INDICATOR = "QG03"  # a percentage weighted by population
GRID_INDICATOR = "QG01"


@dataclass(frozen=True)
class HttpTargets:
    province: Unit
    communes: list[Unit]
    officer: User
    admin: User
    token: str


def province(number: int) -> Unit:
    return Unit.objects.get(code=f"{SCALE.prefix}-T{number:02d}")


def communes_of(unit: Unit) -> list[Unit]:
    return list(Unit.objects.filter(parent=unit).order_by("pk"))


def fresh_token(user: User, name: str) -> str:
    """A new API token for `user` (the raw key is shown only once, so the bench's previous
    tokens of that name are dropped first: bench data)."""
    ApiToken.objects.filter(user=user, name=name).delete()
    return token_create(user=user, name=name, days=1)[1]


def http_targets(stdout) -> HttpTargets:
    """The national data set, the province officer and the administrator of `make bench`,
    and an API token for the officer."""
    national.generate("national", stdout)
    first = province(1)
    officer = national.ensure_user(f"{SCALE.prefix.lower()}_tinh", first, Role.OFFICER)
    admin = national.ensure_user(f"{SCALE.prefix.lower()}_admin", None, None, superuser=True)
    return HttpTargets(
        first, communes_of(first), officer, admin, fresh_token(officer, "bench-http")
    )


def _account(username: str, unit: Unit) -> User:
    """An officer of `unit` with the bench password (rehashed if made by the tests' hasher)."""
    user, _created = User.objects.get_or_create(username=username, defaults={"unit": unit})
    if not user.password.startswith("pbkdf2_sha256$") or user.unit_id != unit.pk:
        user.password = served_password_hash(PASSWORD)
        user.unit = unit
        user.save(update_fields=["password", "unit"])
    RoleGrant.objects.get_or_create(user=user, unit=unit, role=Role.OFFICER)
    return user


def _conference(commune: Unit, by: User) -> Conference:
    existing = Conference.objects.filter(unit=commune, year=YEAR).order_by("pk").first()
    if existing is not None:
        return existing
    return conferences.conference_create(
        unit=commune,
        by=by,
        year=YEAR,
        date=datetime.date(YEAR + 1, 1, 9),
        venue="Hội trường ủy ban",
    )


def _cell_version(commune: Unit, indicator: Indicator) -> int:
    result = Result.objects.filter(unit=commune, indicator=indicator, year=YEAR, period="year")
    return result.values_list("version", flat=True).first() or 0


def loadtest_accounts(commune_users: int, province_users: int, stdout) -> dict:
    """`commune_users` officers, one per commune of the first province (each with its
    conference, its grid cell's version and an API token), and `province_users` officers,
    one per province from the first: what the locust file reads."""
    targets = http_targets(stdout)
    if commune_users > len(targets.communes) or province_users > SCALE.provinces:
        raise ValueError("Dữ liệu toàn quốc không đủ xã hoặc tỉnh cho số người dùng này.")
    grid = Indicator.objects.get(code=GRID_INDICATOR)
    communes = []
    for number, commune in enumerate(targets.communes[:commune_users], start=1):
        user = _account(f"lt_xa_{number:03d}", commune)
        communes.append(
            {
                "username": user.username,
                "unit": commune.pk,
                "code": commune.code,
                "conference": _conference(commune, targets.admin).pk,
                "indicator": grid.pk,
                "version": _cell_version(commune, grid),
                "token": fresh_token(user, "loadtest"),
            }
        )
    provinces = []
    for number in range(1, province_users + 1):
        unit = province(number)
        user = _account(f"lt_tinh_{number:02d}", unit)
        sample = communes_of(unit)[:10]
        provinces.append(
            {
                "username": user.username,
                "unit": unit.pk,
                "communes": [c.pk for c in sample],
                "codes": [c.code for c in sample],
                "token": fresh_token(user, "loadtest"),
            }
        )
    return {"password": PASSWORD, "year": YEAR, "communes": communes, "provinces": provinces}
