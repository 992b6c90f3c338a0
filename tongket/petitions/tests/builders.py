"""Builders for petitions tests, through the real services: the leaders of phường A with
their positions, a province department, a round (plan, delegation, sessions held)."""

from __future__ import annotations

import datetime
import io
from types import SimpleNamespace

from PIL import Image

from tongket.petitions import services
from tongket.petitions.choices import Competence, Field
from tongket.units import services as unit_services
from tongket.units.choices import Body, UnitKind

PLAN_DAY = datetime.date(2025, 8, 15)
START = datetime.date(2025, 8, 20)
END = datetime.date(2025, 9, 30)
SESSION_DAY = datetime.date(2025, 8, 25)
POSITION_START = datetime.date(2025, 7, 1)


def official(world, name: str, title: str, unit=None, start=POSITION_START):
    unit = unit or world.a
    person = unit_services.person_create(full_name=name, unit=unit, by=world.root)
    position = unit_services.position_create(
        person=person, unit=unit, title=title, start_date=start, by=world.root
    )
    return person, position


def leaders(world) -> SimpleNamespace:
    """The Bí thư, a Phó Bí thư, the Chủ tịch UBND, a Phó Chủ tịch, the Chủ tịch HĐND, the
    Front's chair and a Women's Union chair of phường A, and a department of the province."""
    front = unit_services.unit_create(
        code="P-A-MT",
        name="Ủy ban MTTQ phường",
        kind=UnitKind.MASS_ORGANIZATION,
        parent=world.a,
        by=world.root,
    )
    women = unit_services.unit_create(
        code="P-A-PN",
        name="Hội Phụ nữ phường",
        kind=UnitKind.MASS_ORGANIZATION,
        parent=world.a,
        by=world.root,
    )
    office = unit_services.unit_create(
        code="P-A-KT",
        name="Phòng Kinh tế, Hạ tầng và Đô thị",
        kind=UnitKind.AGENCY,
        parent=world.a,
        by=world.root,
    )
    department = unit_services.unit_create(
        code="T01-SXD",
        name="Sở Xây dựng",
        kind=UnitKind.AGENCY,
        parent=world.province,
        by=world.root,
    )
    other_department = unit_services.unit_create(
        code="T01-SYT", name="Sở Y tế", kind=UnitKind.AGENCY, parent=world.province, by=world.root
    )
    people = SimpleNamespace(front_unit=front, women_unit=women, office=office)
    people.department, people.other_department = department, other_department
    people.secretary, people.secretary_position = official(
        world, "Nguyễn Văn Bí", "Bí thư Đảng ủy phường"
    )
    people.deputy, people.deputy_position = official(
        world, "Hồ Thị Phó", "Phó Bí thư Thường trực Đảng ủy phường"
    )
    people.chair, people.chair_position = official(world, "Lê Thị Chủ", "Chủ tịch UBND phường")
    people.vice, people.vice_position = official(world, "Phạm Quốc Phó", "Phó Chủ tịch UBND phường")
    people.council, people.council_position = official(world, "Vũ Đức Hội", "Chủ tịch HĐND phường")
    people.front, people.front_position = official(
        world, "Đinh Thị Mặt", "Chủ tịch Ủy ban MTTQ phường", unit=front
    )
    people.women, people.women_position = official(
        world, "Lương Thị Nữ", "Chủ tịch Hội Liên hiệp Phụ nữ phường", unit=women
    )
    people.clerk, people.clerk_position = official(world, "Trịnh Thị Văn", "Công chức Văn phòng")
    return people


def make_plan(world, people, *, by=None, body=Body.PARTY_COMMITTEE, issue=True, number=12, **extra):
    fields = {
        "body": body,
        "issued_on": PLAN_DAY,
        "subject": "về làm việc với các chi bộ, tổ dân phố, cơ quan trên địa bàn",
        "purpose": "Nắm tình hình thực hiện nhiệm vụ năm 2025\nTiếp nhận kiến nghị của cơ sở",
        "legal_bases": "Quy chế làm việc của Đảng ủy phường khóa I, nhiệm kỳ 2025–2030",
        "content": "Nghe đơn vị báo cáo kết quả\nTiếp nhận khó khăn, kiến nghị",
        "period_start": START,
        "period_end": END,
        "signer": people.secretary if body == Body.PARTY_COMMITTEE else people.chair,
    }
    fields.update(extra)
    plan = services.plan_create(unit=world.a, by=by or world.officer_a, **fields)
    if issue:
        plan = services.plan_issue(plan=plan, by=by or world.officer_a, number=number)
    return plan


def make_session(world, plan, unit, *, day=SESSION_DAY, held=True, by=None):
    by = by or world.officer_a
    session = services.session_create(
        plan=plan,
        by=by,
        unit=unit,
        date=day,
        start_time=datetime.time(8, 0),
        place=f"Nhà văn hóa {unit.name}",
        unit_attendees="Chi ủy, Ban điều hành tổ dân phố\nĐại diện các hộ gia đình",
    )
    if held:
        session = services.session_record(
            session=session,
            by=by,
            report_summary="Hoàn thành các chỉ tiêu được giao; 96% hộ đạt gia đình văn hóa.",
            difficulties="Đường ngõ xuống cấp; thiếu điện chiếu sáng.",
        )
    return session


def raise_item(
    world,
    session,
    *,
    text="Đề nghị nâng cấp đường ngõ 5",
    field=Field.URBAN,
    competence=Competence.COMMUNE,
    by=None,
    **extra,
):
    return services.recommendation_create(
        by=by or world.officer_a,
        session=session,
        text=text,
        field=field,
        competence=competence,
        **extra,
    )


def png_bytes(size=(64, 48), image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format=image_format)
    return buffer.getvalue()
