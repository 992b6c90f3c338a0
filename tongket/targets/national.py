"""A national-scale data set for the benchmark: 34 provinces, 3,321 communes, 40 national
indicators, five years of plans and results. Rows go in with bulk_create in batches (the
services' one-row-at-a-time audit would take hours at this size; this is generated data, not
user input). Deterministic and idempotent: a province already generated is skipped, so a
second run reuses the data and an interrupted run resumes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from tongket.lib.text import fold
from tongket.units.benchmark import served_password_hash
from tongket.units.choices import Role, UnitKind
from tongket.units.models import RoleGrant, Unit, User

from .choices import Direction, IndicatorGroup, Period, PlanSource, Rollup, ValueKind
from .models import Indicator, IndicatorVersion, Plan, Result

YEARS = range(2021, 2026)
BATCH = 5000
PASSWORD = "Bench-Tongket-2026"
GROUPS = list(IndicatorGroup.values)


@dataclass(frozen=True)
class Scale:
    prefix: str
    provinces: int
    communes: int
    indicators: int = 40


SCALES = {
    "national": Scale("QGN", 34, 3321),
    "small": Scale("QGS", 3, 90),
}


def _indicator_specs(count: int) -> list[dict]:
    """Forty indicators across the four groups: sums, counts, a population indicator used
    as a weight, weighted percentages, lower-is-better ones and ratios."""
    specs = []
    for index in range(count):
        code = f"QG{index + 1:02d}"
        kind = [ValueKind.NUMBER, ValueKind.COUNT, ValueKind.PERCENT, ValueKind.RATIO][index % 4]
        spec = {
            "code": code,
            "name": f"Chỉ tiêu quốc gia số {index + 1}",
            "group": GROUPS[index * len(GROUPS) // count],
            "unit_of_measure": {"number": "tỷ đồng", "count": "người", "percent": "%"}.get(
                kind, "tổ dân phố"
            ),
            "value_kind": kind,
            "direction": Direction.LOWER if index % 7 == 6 else Direction.HIGHER,
            "rollup": Rollup.WEIGHTED_MEAN if kind == ValueKind.PERCENT else Rollup.SUM,
            "weight": "QG02" if kind == ValueKind.PERCENT else None,
            "decimals": 1 if kind in (ValueKind.NUMBER, ValueKind.PERCENT) else 0,
            "order": index + 1,
        }
        specs.append(spec)
    specs[1]["name"] = "Dân số trung bình"
    return specs


def ensure_indicators(count: int = 40) -> dict[str, Indicator]:
    """The national indicators (no owner) with a version for every year."""
    specs = _indicator_specs(count)
    existing = {i.code: i for i in Indicator.objects.filter(code__in=[s["code"] for s in specs])}
    missing = [Indicator(code=s["code"]) for s in specs if s["code"] not in existing]
    Indicator.objects.bulk_create(missing)
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[s["code"] for s in specs])}
    have = set(
        IndicatorVersion.objects.filter(indicator__in=indicators.values()).values_list(
            "indicator_id", "year"
        )
    )
    versions = [
        IndicatorVersion(
            indicator=indicators[s["code"]],
            year=year,
            name=s["name"],
            group=s["group"],
            unit_of_measure=s["unit_of_measure"],
            value_kind=s["value_kind"],
            direction=s["direction"],
            rollup=s["rollup"],
            weight_indicator=indicators[s["weight"]] if s["weight"] else None,
            decimals=s["decimals"],
            order=s["order"],
        )
        for s in specs
        for year in YEARS
        if (indicators[s["code"]].pk, year) not in have
    ]
    IndicatorVersion.objects.bulk_create(versions, batch_size=BATCH)
    return indicators


def _communes_in(scale: Scale, index: int) -> int:
    base, extra = divmod(scale.communes, scale.provinces)
    return base + (1 if index < extra else 0)


def _set_paths(units: list[Unit], parent: Unit | None) -> None:
    prefix = parent.path if parent else "/"
    Unit.objects.filter(pk__in=[u.pk for u in units]).update(
        path=Concat(Value(prefix), Cast("id", CharField()), Value("/")),
    )
    for unit in units:
        unit.path = f"{prefix}{unit.pk}/"


def _figures(spec: dict, rng: random.Random, size: float):
    """A plan and a result (value, numerator, denominator, estimate) or None for missing."""
    kind = spec["value_kind"]
    if kind == ValueKind.RATIO:
        denominator = max(1, int(20 * size))
        numerator = min(denominator, int(denominator * rng.uniform(0.8, 1.05)))
        return Decimal(95), (None, Decimal(numerator), Decimal(denominator))
    if kind == ValueKind.PERCENT:
        plan = Decimal(str(round(rng.uniform(60, 95), 1)))
        result = min(
            Decimal(100), (plan * Decimal(str(rng.uniform(0.9, 1.1)))).quantize(Decimal("0.1"))
        )
        return plan, (result, None, None)
    places = Decimal("0.1") if spec["decimals"] else Decimal(1)
    plan = Decimal(str(rng.uniform(50, 500) * size)).quantize(places)
    if spec["code"] == "QG02":
        plan = Decimal(int(rng.uniform(8000, 40000)))
    result = (plan * Decimal(str(rng.uniform(0.85, 1.15)))).quantize(places)
    return plan, (result, None, None)


def handle_one_province(scale: Scale, index: int, indicators: dict[str, Indicator]) -> bool:
    """Generate province number `index` with its communes, plans and results. Returns False
    when it already exists (the data is reused)."""
    code = f"{scale.prefix}-T{index + 1:02d}"
    if Unit.objects.filter(code=code).exists():
        return False
    specs = _indicator_specs(len(indicators))
    with transaction.atomic():
        name = f"Tỉnh Thử Nghiệm {index + 1:02d}"
        province = Unit.objects.create(
            code=code, name=name, name_folded=fold(name), kind=UnitKind.PROVINCE, path="?"
        )
        _set_paths([province], None)
        communes = []
        for number in range(_communes_in(scale, index)):
            kind = UnitKind.PHUONG if number % 4 == 0 else UnitKind.XA
            commune_name = f"{'Phường' if kind == UnitKind.PHUONG else 'Xã'} Số {number + 1} {code}"
            communes.append(
                Unit(
                    code=f"{code}-X{number + 1:03d}",
                    name=commune_name,
                    name_folded=fold(commune_name),
                    kind=kind,
                    parent=province,
                    depth=1,
                    path="?",
                )
            )
        Unit.objects.bulk_create(communes, batch_size=BATCH)
        communes = list(Unit.objects.filter(parent=province).order_by("pk"))
        _set_paths(communes, province)
        plans, results = [], []
        for commune in communes:
            rng = random.Random(commune.code)
            size = rng.uniform(0.3, 2.5)
            for spec in specs:
                indicator = indicators[spec["code"]]
                for year in YEARS:
                    plan, (value, numerator, denominator) = _figures(spec, rng, size)
                    plans.append(
                        Plan(
                            unit=commune,
                            indicator=indicator,
                            year=year,
                            value=plan,
                            source=PlanSource.ASSIGNED,
                            assigned_by=province,
                            document=f"Quyết định số {index + 1}/QĐ-UBND năm {year}",
                        )
                    )
                    if rng.random() < 0.03:
                        continue
                    results.append(
                        Result(
                            unit=commune,
                            indicator=indicator,
                            year=year,
                            period=Period.YEAR,
                            value=value
                            if numerator is None
                            else (numerator * 100 / denominator).quantize(Decimal("0.0001")),
                            numerator=numerator,
                            denominator=denominator,
                            is_estimate=year == YEARS[-1],
                        )
                    )
        Plan.objects.bulk_create(plans, batch_size=BATCH)
        Result.objects.bulk_create(results, batch_size=BATCH)
    return True


def ensure_user(username: str, unit: Unit | None, role: str | None, superuser: bool = False):
    """A bench account with PASSWORD under production's hasher, so that it signs in over HTTP
    when the data is served (an account made before with the tests' MD5 hash is rehashed)."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, unit=unit, is_staff=superuser, is_superuser=superuser)
    if user.pk is None or not user.password.startswith("pbkdf2_sha256$"):
        user.password = served_password_hash(PASSWORD)
        user.save()
    if role and not RoleGrant.objects.filter(user=user, unit=unit, role=role).exists():
        RoleGrant.objects.create(user=user, unit=unit, role=role)
    return user


def generate(scale_name: str = "national", stdout=None) -> Scale:
    """Build (or reuse) the data set; ANALYZE so the planner knows the tables' sizes."""
    scale = SCALES[scale_name]
    indicators = ensure_indicators(scale.indicators)
    created = 0
    for index in range(scale.provinces):
        if handle_one_province(scale, index, indicators):
            created += 1
            if stdout is not None and created % 5 == 0:
                stdout.write(f"  … {index + 1}/{scale.provinces} tỉnh")
    first = Unit.objects.get(code=f"{scale.prefix}-T01")
    ensure_user(f"{scale.prefix.lower()}_tinh", first, Role.OFFICER)
    ensure_user(f"{scale.prefix.lower()}_admin", None, None, superuser=True)
    if created:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if stdout is not None:
        stdout.write(
            f"Dữ liệu {scale_name}: {scale.provinces} tỉnh, {scale.communes} xã "
            f"({'mới tạo ' + str(created) + ' tỉnh' if created else 'dùng lại dữ liệu có sẵn'})."
        )
    return scale
