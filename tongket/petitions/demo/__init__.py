"""Demo: Phường Hòa Bình's 2025 round of working sessions (Kế hoạch số 12-KH/ĐU ngày
15/8/2025 of the Ban Thường vụ Đảng ủy): the delegation, fourteen sessions held, about forty
items in every state, conclusion notices, a report that sent items up to Tỉnh An Hòa, whose
departments answered (the answers passed back and the items closed), citizens' submissions
and one answer published on the portal. Idempotent: nothing is added once the plan exists."""

from __future__ import annotations

import datetime

from tongket.units import services as unit_services
from tongket.units.choices import UnitKind
from tongket.units.models import Unit

from .. import services
from ..choices import Competence
from ..models import CitizenSubmission, Plan, Recommendation
from . import citizens, data, working_round


def _unit(code: str, name: str, parent: Unit, by) -> Unit:
    found = Unit.objects.filter(code=code).first()
    return found or unit_services.unit_create(
        code=code, name=name, kind=UnitKind.AGENCY, parent=parent, by=by
    )


def load(ctx, stdout) -> None:
    hoa_binh = getattr(ctx, "hoa_binh", None)
    if hoa_binh is None:
        return
    existing = Plan.objects.filter(unit=hoa_binh, subject=data.SUBJECT).first()
    if existing is not None:
        ctx.petition_plan = existing
        return
    officer = ctx.users["canbo"]
    departments = {
        code: _unit(code, name, ctx.province, ctx.root) for code, name in data.DEPARTMENTS.items()
    }
    offices = {
        code: _unit(f"AH-HB-P-{code}", name, hoa_binh, ctx.root)
        for code, name in data.OFFICES.items()
    }
    plan = working_round.plan(ctx, officer)
    held = working_round.sessions(ctx, plan, officer)
    sent_up = working_round.items(ctx, held, officer, offices, departments)
    working_round.notices(ctx, plan, held, officer)
    working_round.forward(ctx, sent_up, officer, ctx.users["tinh"], departments)
    for field, text in data.REPORTER_ITEMS:
        services.recommendation_create(
            by=ctx.users["baocao"],
            unit=ctx.tdp1,
            text=text,
            field=field,
            competence=Competence.COMMUNE,
            person_name="Hoàng Văn Tư",
            received_on=datetime.date(2025, 11, 20),
        )
    citizens.load(ctx, officer, ctx.users["lanhdao"], offices)
    ctx.petition_plan = plan
    stdout.write(
        f"Kiến nghị: kế hoạch {plan.number_label} (/kien-nghi/ke-hoach/{plan.pk}/), "
        f"{Recommendation.objects.filter(commune=hoa_binh).count()} kiến nghị, "
        f"{CitizenSubmission.objects.filter(commune=hoa_binh).count()} ý kiến người dân."
    )
