"""`make bench`: the province-wide results import against django-import-export (a bench-only
dependency, requirements-bench.lock) on the same workbook, in the same run: a province of the
national data (98 communes × 40 indicators = 3,920 rows) and a bench province of 500
communes (20,000 rows). Each run imports into an empty period (the period is emptied before,
untimed), so both write every row; the time runs from the file's bytes to the committed rows,
the best of the same number of runs on both sides (one at 20,000 rows: the other side takes
minutes there).
tongket also checks every row with the grid's rules and writes one audit row per result;
the ModelResource does neither. One JSON line per size with both timings and the ratio."""

from __future__ import annotations

import io
import json
import random
import time
from decimal import Decimal

from django.db import connection, transaction

from tongket.lib.text import fold
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.choices import Role, UnitKind
from tongket.units.models import AuditEntry, RoleGrant, Unit, User

from . import national, services
from .choices import ValueKind
from .models import Indicator, IndicatorVersion, Result

YEAR = 2025
PERIOD = "q3"  # the national data holds whole years only: this period starts empty
LARGE_CODE = "BENCH-NHAP"
LARGE_COMMUNES = 500  # × 40 national indicators = 20,000 rows


def _workbook(province: Unit) -> tuple[bytes, int]:
    """Every commune × national indicator of the province with figures of the right kind."""
    versions = list(
        IndicatorVersion.objects.filter(year=YEAR, indicator__owner__isnull=True)
        .select_related("indicator")
        .order_by("indicator__code")
    )
    rows = []
    for commune in Unit.objects.filter(parent=province).order_by("code"):
        rng = random.Random(commune.code)
        for version in versions:
            value = numerator = denominator = None
            if version.value_kind == ValueKind.RATIO:
                denominator = rng.randint(10, 40)
                numerator = rng.randint(0, denominator)
            elif version.value_kind == ValueKind.PERCENT:
                value = Decimal(rng.randint(500, 1000)) / 10
            else:
                value = Decimal(rng.randint(50, 5000)) / (10 if version.decimals else 1)
            estimate = "ước tính" if rng.random() < 0.5 else "chính thức"
            rows.append(
                [commune.code, version.indicator.code, value, numerator, denominator, estimate, ""]
            )
    headers = [column.header for column in services.RESULT_IMPORT_COLUMNS]
    return write_xlsx([Sheet("Kết quả", headers, rows)]), len(rows)


def _resource_class():
    """A plain django-import-export ModelResource for the same columns."""
    from import_export import fields, resources, widgets

    class EstimateWidget(widgets.Widget):
        def clean(self, value, row=None, **kwargs):
            return fold(value or "") == "uoc tinh"

    def column(attribute, header, widget=None):
        return fields.Field(attribute=attribute, column_name=header, widget=widget)

    class ResultResource(resources.ModelResource):
        unit = column("unit", "Mã đơn vị", widgets.ForeignKeyWidget(Unit, "code"))
        indicator = column("indicator", "Mã chỉ tiêu", widgets.ForeignKeyWidget(Indicator, "code"))
        value = column("value", "Thực hiện", widgets.DecimalWidget())
        numerator = column("numerator", "Tử số", widgets.DecimalWidget())
        denominator = column("denominator", "Mẫu số", widgets.DecimalWidget())
        is_estimate = column("is_estimate", "Ước tính hay chính thức", EstimateWidget())
        note = column("note", "Ghi chú", widgets.CharWidget(allow_blank=True))
        year = column("year", "year", widgets.IntegerWidget())
        period = column("period", "period")

        class Meta:
            model = Result
            import_id_fields = ("unit", "indicator", "year", "period")
            fields = (
                "unit",
                "indicator",
                "value",
                "numerator",
                "denominator",
                "is_estimate",
                "note",
                "year",
                "period",
            )

    return ResultResource


def _import_export(data: bytes, resource_class) -> int:
    import tablib

    dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
    dataset.append_col([YEAR] * len(dataset), header="year")
    dataset.append_col([PERIOD] * len(dataset), header="period")
    result = resource_class().import_data(dataset, raise_errors=True)
    return result.totals["new"] + result.totals["update"]


def _tongket(data: bytes, province: Unit, officer) -> int:
    return services.results_import_xlsx(
        scope=province, year=YEAR, period=PERIOD, data=data, by=officer
    )


def _empty_period(province: Unit) -> None:
    with transaction.atomic():
        Result.objects.filter(unit__parent=province, year=YEAR, period=PERIOD).delete()
        AuditEntry.objects.filter(model="targets.result", verb="import").delete()


def _timed(call, repeat: int, province: Unit) -> tuple[float, int]:
    """The best of `repeat` runs (seconds), each into an empty period, and the rows written."""
    best, written = float("inf"), 0
    for _ in range(repeat):
        _empty_period(province)
        started = time.perf_counter()
        written = call()
        best = min(best, time.perf_counter() - started)
    _empty_period(province)
    return best, written


def _measure(province: Unit, officer, repeat: int, stdout) -> None:
    data, rows = _workbook(province)
    resource_class = _resource_class()
    tongket_s, tongket_rows = _timed(lambda: _tongket(data, province, officer), repeat, province)
    other_s, other_rows = _timed(lambda: _import_export(data, resource_class), repeat, province)
    if tongket_rows != rows or other_rows != rows:
        raise RuntimeError(f"rows written: tongket {tongket_rows}, import-export {other_rows}")
    line = {
        "bench": "targets_results_import",
        "db": connection.vendor,
        "n": rows,
        "bytes": len(data),
        "tongket_s": round(tongket_s, 3),
        "import_export_s": round(other_s, 3),
        "ratio": round(other_s / tongket_s, 1),
        "tongket_rows_per_s": round(rows / tongket_s),
    }
    stdout.write(json.dumps(line, ensure_ascii=False))


def _large_province() -> Unit:
    """A province of LARGE_COMMUNES communes with no figures, made for this bench and removed
    after it, so the other benches' national figures never include it."""
    _remove_large_province()  # left over by an interrupted run
    name = "Tỉnh Đo Nhập Liệu"
    province = Unit.objects.create(
        code=LARGE_CODE, name=name, name_folded=fold(name), kind=UnitKind.PROVINCE, path="?"
    )
    province.path = f"/{province.pk}/"
    province.save(update_fields=["path"])
    communes = [
        Unit(
            code=f"{LARGE_CODE}-X{number:03d}",
            name=f"Xã Đo Số {number}",
            name_folded=fold(f"Xã Đo Số {number}"),
            kind=UnitKind.XA,
            parent=province,
            depth=1,
            path="?",
        )
        for number in range(1, LARGE_COMMUNES + 1)
    ]
    Unit.objects.bulk_create(communes, batch_size=national.BATCH)
    saved = list(Unit.objects.filter(parent=province))
    for commune in saved:
        commune.path = f"{province.path}{commune.pk}/"
    Unit.objects.bulk_update(saved, ["path"], batch_size=national.BATCH)
    return province


def _remove_large_province() -> None:
    with transaction.atomic():
        units = Unit.objects.filter(code__startswith=LARGE_CODE)
        Result.objects.filter(unit__in=units).delete()
        RoleGrant.objects.filter(unit__in=units).delete()
        User.objects.filter(unit__in=units).delete()
        units.filter(parent__isnull=False).delete()
        units.delete()


def run(scale: national.Scale, repeat: int, stdout) -> None:
    """Both sizes: the first province of `scale` (3,920 rows at national scale) and a bench
    province of 500 communes (20,000 rows), each imported by an officer of the province."""
    first = Unit.objects.get(code=f"{scale.prefix}-T01")
    officer = national.ensure_user(f"{scale.prefix.lower()}_tinh", first, Role.OFFICER)
    _measure(first, officer, repeat, stdout)
    large = _large_province()
    try:
        officer = national.ensure_user("bench_nhap", large, Role.OFFICER)
        _measure(large, officer, 1, stdout)
    finally:
        _remove_large_province()
