"""Demo: what citizens sent from the portal; one accepted, resolved and published (name
hidden), one accepted, one rejected with a reason, one waiting."""

from __future__ import annotations

import datetime

from .. import services
from ..choices import Competence, Priority
from . import data


def load(ctx, officer, leader, offices: dict) -> None:
    sent = [
        services.submission_create(
            commune=ctx.hoa_binh,
            address="demo",
            limit=100,
            name=name,
            phone=phone,
            email="" if phone else "thutrang@example.vn",
            home=home,
            text=text,
        )
        for name, phone, home, text in data.rows(data.CITIZENS)
    ]
    item = services.submission_accept(
        submission=sent[0],
        by=officer,
        unit=ctx.subunits["TDP3"],
        field="urban",
        competence=Competence.COMMUNE,
    )
    services.recommendation_assign(
        item=item,
        by=officer,
        deadline=item.received_on + datetime.timedelta(days=7),
        priority=Priority.URGENT,
        assignee_unit=offices["KTHTDT"],
    )
    services.recommendation_resolve(
        item=item,
        by=officer,
        answer=data.CITIZEN_ANSWER,
        resolved_on=item.received_on,
    )
    services.answer_publish(item=item, by=leader)
    services.submission_accept(
        submission=sent[1],
        by=officer,
        unit=ctx.subunits["TDP5"],
        field="environment",
        competence=Competence.COMMUNE,
    )
    services.submission_reject(
        submission=sent[2],
        by=officer,
        reason="Đây là câu hỏi về thủ tục; đã hướng dẫn qua thư điện tử.",
    )
