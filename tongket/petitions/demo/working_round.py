"""The demo round, step by step through the services: plan and delegation, sessions held,
items raised and followed, notices, the report to the province and its answers."""

from __future__ import annotations

import datetime

from tongket.units.choices import Body, UnitKind
from tongket.units.models import Position

from .. import services
from ..choices import COMPETENCE_LEVELS, Competence, Priority
from ..models import Forwarding, Plan, Recommendation
from ..services import ForwardItem
from . import data


def plan(ctx, officer) -> Plan:
    people = ctx.people
    made = services.plan_create(
        unit=ctx.hoa_binh,
        by=officer,
        body=Body.PARTY_COMMITTEE,
        issued_on=data.PLAN_DAY,
        subject=data.SUBJECT,
        purpose="Nắm tình hình thực hiện nghị quyết, nhiệm vụ năm 2025 ở cơ sở\n"
        "Lắng nghe, tiếp nhận khó khăn, vướng mắc, kiến nghị, đề xuất của các đơn vị\n"
        "Kịp thời chỉ đạo giải quyết những việc thuộc thẩm quyền của phường",
        legal_bases="Quy chế làm việc của Ban Chấp hành Đảng bộ phường Hòa Bình khóa I, "
        "nhiệm kỳ 2025–2030\nChương trình công tác năm 2025 của Ban Thường vụ Đảng ủy phường",
        content="Nghe đơn vị báo cáo kết quả thực hiện nhiệm vụ năm 2025\n"
        "Trao đổi khó khăn, vướng mắc; tiếp nhận kiến nghị, đề xuất\n"
        "Kết luận, giao nhiệm vụ",
        period_start=data.START,
        period_end=data.END,
        signer=people["Nguyễn Văn Hùng"],
    )
    made = services.plan_issue(plan=made, by=officer, number=12)
    for index, name in enumerate(data.DELEGATION):
        person = people[name]
        position = Position.objects.filter(person=person, unit=person.unit).first()
        services.delegation_add(plan=made, position=position, by=officer, leads=index == 0)
    return made


def sessions(ctx, made: Plan, officer) -> list:
    members = list(made.delegation.all())
    held = []
    for code, day, hour, place in data.rows(data.SESSIONS):
        unit = ctx.subunits[code]
        session = services.session_create(
            plan=made,
            by=officer,
            unit=unit,
            date=datetime.date.fromisoformat(day),
            start_time=datetime.time(int(hour), 0),
            place=place,
            unit_attendees="Cấp ủy chi bộ\nĐại diện các đoàn thể, đảng viên tiêu biểu"
            if unit.kind == UnitKind.PARTY_CELL
            else "Lãnh đạo đơn vị\nĐại diện các đoàn thể và Nhân dân",
        )
        held.append(
            services.session_record(
                session=session,
                by=officer,
                report_summary=f"{unit.name} hoàn thành các chỉ tiêu chủ yếu năm 2025; công tác "
                "xây dựng Đảng, an ninh trật tự được giữ vững.",
                difficulties="Kinh phí cho hoạt động ở cơ sở còn hạn chế; một số công trình hạ "
                "tầng xuống cấp.",
                delegation_present=members[:4],
            )
        )
    return held


def _office(item: Recommendation, offices: dict):
    if item.field in ("personnel", "defence_security"):
        return offices["VP"]
    if item.field in ("urban", "environment", "land", "economy"):
        return offices["KTHTDT"]
    return offices["VHXH"]


def _assign(ctx, item, outcome: str, index: int, officer, offices) -> None:
    # Deadlines fall within the plan; one that runs past its end carries its reason.
    deadline = min(item.received_on + datetime.timedelta(days=10 + index % 3 * 7), data.END)
    reason = ""
    if outcome == "assigned_later":
        deadline, reason = datetime.date(2026, 12, 31), "Cần bố trí quỹ đất và vốn năm 2026."
    priorities = (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.NORMAL)
    services.recommendation_assign(
        item=item,
        by=officer,
        deadline=deadline,
        priority=priorities[index % 4],
        assignee_unit=_office(item, offices),
        assignee_person=ctx.people["Đỗ Thị Mai"] if index % 2 == 0 else None,
        reason=reason,
    )


def _follow(item, outcome: str, officer) -> None:
    if outcome in ("progress", "resolved", "late"):
        services.recommendation_start(item=item, by=officer)
    if outcome in ("resolved", "late"):
        item.refresh_from_db()
        shift = 12 if outcome == "late" else -3
        services.recommendation_resolve(
            item=item,
            by=officer,
            answer=data.ANSWERS[outcome],
            resolved_on=item.deadline + datetime.timedelta(days=shift),
        )


def items(ctx, held: list, officer, offices: dict, departments: dict) -> list:
    """Raise every item of the table and follow it; return those to send up."""
    sent_up = []
    for index, (where, field, competence, outcome, text) in enumerate(data.rows(data.ITEMS)):
        department = None
        if competence.startswith("department:"):
            competence, department = Competence.DEPARTMENT, departments[competence[11:]]
        item = services.recommendation_create(
            by=officer,
            session=held[int(where)],
            text=text,
            field=field,
            competence=competence,
            department=department,
        )
        if outcome.startswith("forward"):
            sent_up.append((item, outcome))
            continue
        _assign(ctx, item, outcome, index, officer, offices)
        _follow(item, outcome, officer)
    where, field, text = data.DUPLICATE
    duplicate = services.recommendation_create(
        by=officer, session=held[where], text=text, field=field, competence=Competence.COMMUNE
    )
    target = Recommendation.objects.get(text=data.MERGE_INTO, commune=ctx.hoa_binh)
    services.recommendation_merge(target=target, others=[duplicate], by=officer)
    return sent_up


def notices(ctx, made: Plan, held: list, officer) -> None:
    signer = ctx.people["Nguyễn Văn Hùng"]
    for session in held[:3]:
        services.notice_create(
            plan=made,
            session=session,
            by=officer,
            issued_on=session.date + datetime.timedelta(days=3),
            acknowledged=f"{session.unit.name} đã lãnh đạo hoàn thành tốt nhiệm vụ năm 2025\n"
            "Nội bộ đoàn kết, thống nhất; phát huy tốt vai trò của các đoàn thể",
            conclusions="Tiếp tục nâng cao chất lượng sinh hoạt\n"
            "Vận động Nhân dân giữ gìn vệ sinh môi trường, trật tự đô thị",
            signer=signer,
        )
    services.notice_create(
        plan=made,
        by=officer,
        issued_on=datetime.date(2025, 10, 3),
        acknowledged="Các đơn vị đã chuẩn bị chu đáo nội dung làm việc\n"
        "Phần lớn các đơn vị hoàn thành và vượt các chỉ tiêu năm 2025",
        conclusions="Giải quyết dứt điểm, đúng hạn các kiến nghị thuộc thẩm quyền của phường\n"
        "Thường xuyên đối thoại, nắm bắt tâm tư, nguyện vọng của Nhân dân\n"
        "Đẩy mạnh chỉnh trang đô thị, bảo vệ môi trường",
        signer=signer,
    )


def forward(ctx, sent_up: list, officer, province_officer, departments: dict) -> None:
    """Send the items up in one report; the province gives them to its departments and
    answers most; the commune closes those it has the answer for."""
    services.report_create(
        commune=ctx.hoa_binh,
        by=officer,
        items=[
            ForwardItem(item, COMPETENCE_LEVELS[item.competence], item.department)
            for item, _ in sent_up
        ],
        issued_on=data.REPORT_DAY,
        body=Body.PEOPLES_COMMITTEE,
        number=45,
        signer=ctx.people["Lê Thị Thu Hà"],
    )
    for item, outcome in sent_up:
        if outcome == "forward_new":
            continue
        forwarding = Forwarding.objects.select_related("report__province", "recommendation").get(
            recommendation=item
        )
        department = item.department or departments["AH-SNNMT"]
        services.forwarding_assign(
            forwarding=forwarding, department=department, by=province_officer
        )
        if outcome == "forward_department":
            continue
        key = item.department.code if item.department else item.competence
        services.forwarding_answer(
            forwarding=forwarding,
            answer=data.PROVINCE_ANSWERS[key],
            answered_on=data.ANSWER_DAY,
            by=province_officer,
        )
        if outcome == "forward_closed":
            item = Recommendation.objects.select_related("forwarding").get(pk=item.pk)
            services.recommendation_close(item=item, by=officer, closed_on=data.CLOSE_DAY)
