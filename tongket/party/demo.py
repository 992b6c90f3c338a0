"""Demo data for the Đảng bộ of Phường Hòa Bình: 12 chi bộ of several types, the Đảng ủy's
terms 2020–2025 and 2025–2030 with their seats, about 800 members over 2021–2025 (written in
bulk, exactly as the services write them), the 2025 admissions walked through the real
pipeline, ratings for 2023–2025, Huy hiệu Đảng, files still open, and the party-side accounts
(Đảng ủy office, Bí thư, a chi bộ secretary). Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tongket.units import services as unit_services
from tongket.units.choices import Role, Side, UnitKind
from tongket.units.demo import DEMO_PASSWORD
from tongket.units.models import BodyTerm, Person, Position, RoleGrant, Unit, User

from . import services
from .bulk import Bulk
from .choices import MemberStatus
from .demo_members import KNOWN, Planner
from .demo_ratings import rate
from .models import Admission, CellProfile, PartyMember, cell_type_from_name
from .rulebook_seed import seed_rulebook

D = datetime.date
NEW_CELLS = [
    ("CB-TDP5", "Chi bộ Tổ dân phố Liên Kết"),
    ("CB-TDP6", "Chi bộ Tổ dân phố Quyết Thắng"),
    ("CB-CA", "Chi bộ Công an phường"),
    ("CB-QS", "Chi bộ Quân sự phường"),
    ("CB-TH", "Chi bộ Trường Tiểu học Hòa Bình"),
    ("CB-YT", "Chi bộ Trạm Y tế phường"),
    ("CB-DN", "Chi bộ Công ty Cổ phần May Hòa Bình"),
]
CELL_CODES = ["CB-TDP1", "CB-TDP2", "CB-TDP3", "CB-TDP4", "CB-CQ"] + [code for code, _ in NEW_CELLS]
OLD_TERM = (D(2020, 8, 22), D(2025, 6, 30))
NEW_TERM_FROM = D(2025, 7, 1)
SEATS = [
    # (person, title, start, end)
    ("Nguyễn Văn Hùng", "Bí thư Đảng ủy phường", *OLD_TERM),
    ("Hồ Thị Minh Nguyệt", "Phó Bí thư Thường trực Đảng ủy phường", *OLD_TERM),
    ("Vũ Đức Thắng", "Ủy viên Ban Thường vụ Đảng ủy phường", *OLD_TERM),
    ("Đinh Thị Hồng", "Đảng ủy viên", *OLD_TERM),
    ("Lâm Văn Cường", "Đảng ủy viên", *OLD_TERM),
    ("Lê Thị Thu Hà", "Phó Bí thư Đảng ủy phường", NEW_TERM_FROM, None),
    ("Vũ Đức Thắng", "Ủy viên Ban Thường vụ Đảng ủy phường", NEW_TERM_FROM, None),
    ("Đinh Thị Hồng", "Đảng ủy viên", NEW_TERM_FROM, None),
    ("Lâm Văn Cường", "Đảng ủy viên", NEW_TERM_FROM, None),
    ("Phạm Quốc Bảo", "Đảng ủy viên", NEW_TERM_FROM, None),
]
OFFICE_STAFF = ("Phùng Thị Thanh Tâm", "Chánh Văn phòng Đảng ủy phường")
ACCOUNTS = [
    # username, role (party side), unit key, person
    ("vanphongdu", Role.OFFICER, "commune", OFFICE_STAFF[0]),
    ("bithu", Role.LEADER, "commune", "Nguyễn Văn Hùng"),
    ("bithuchibo", Role.REPORTER, "CB-TDP1", "Trương Văn Đức"),
]
# 2025 admissions through the pipeline: (chi bộ, name, born, gender, ceremony)
ADMITTED_2025 = [
    ("CB-TDP1", "Nguyễn Thị Ánh Dương", D(1998, 4, 2), "female", D(2025, 3, 12)),
    ("CB-CQ", "Trần Quốc Khánh", D(1995, 9, 9), "male", D(2025, 4, 22)),
    ("CB-TH", "Lê Thị Mỹ Duyên", D(1997, 1, 17), "female", D(2025, 6, 5)),
    ("CB-CA", "Phạm Minh Hiếu", D(2000, 6, 30), "male", D(2025, 7, 18)),
    ("CB-TDP3", "Hoàng Văn Nhật", D(1993, 11, 3), "male", D(2025, 9, 10)),
    ("CB-YT", "Đỗ Thị Thanh Hoa", D(1999, 2, 14), "female", D(2025, 11, 4)),
]


def _cells(ctx, by) -> dict[str, Unit]:
    cells = {code: ctx.subunits[code] for code in CELL_CODES[:5]}
    for code, name in NEW_CELLS:
        unit = Unit.objects.filter(code=f"AH-HB-P-{code}").first()
        if unit is None:
            unit = unit_services.unit_create(
                code=f"AH-HB-P-{code}",
                name=name,
                kind=UnitKind.PARTY_CELL,
                parent=ctx.hoa_binh,
                by=by,
            )
        cells[code] = unit
    return cells


def _person(ctx, name: str, by, unit=None, gender: str = "") -> Person:
    person = ctx.people.get(name) or Person.objects.filter(full_name=name).first()
    if person is None:
        person = unit_services.person_create(
            full_name=name, unit=unit or ctx.hoa_binh, gender=gender, by=by
        )
    ctx.people[name] = person
    return person


def _seats(ctx, by) -> None:
    office = _person(ctx, OFFICE_STAFF[0], by, gender="female")
    if not Position.objects.filter(person=office, title=OFFICE_STAFF[1]).exists():
        unit_services.position_create(
            person=office, unit=ctx.hoa_binh, title=OFFICE_STAFF[1], start_date=NEW_TERM_FROM, by=by
        )
    for name, title, start, end in SEATS:
        person = _person(ctx, name, by)
        if not Position.objects.filter(person=person, title=title, start_date=start).exists():
            unit_services.position_create(
                person=person, unit=ctx.hoa_binh, title=title, start_date=start, end_date=end, by=by
            )


def _organisation(ctx, cells, by) -> None:
    for cell in cells.values():
        if not CellProfile.objects.filter(cell=cell).exists():
            services.cell_type_set(cell=cell, cell_type=cell_type_from_name(cell.name), by=by)
    if not BodyTerm.objects.filter(unit=ctx.hoa_binh, body="party_committee").exists():
        services.term_record(
            commune=ctx.hoa_binh,
            name="2020–2025",
            congress_date=D(2020, 8, 20),
            start_date=OLD_TERM[0],
            committee_size=5,
            standing_size=3,
            by=by,
        )
        services.term_record(
            commune=ctx.hoa_binh,
            name="2025–2030",
            congress_ordinal=1,
            congress_date=D(2025, 9, 24),
            start_date=D(2025, 9, 26),
            committee_size=7,
            standing_size=4,
            by=by,
        )


def _accounts(ctx, cells, by) -> None:
    units = {"commune": ctx.hoa_binh, **cells}
    lines = ctx.login_lines
    for username, role, key, person_name in ACCOUNTS:
        unit = units[key]
        user = User.objects.filter(username=username).first()
        if user is None:
            user = unit_services.user_create(
                username=username,
                password=DEMO_PASSWORD,
                unit=unit,
                person=_person(ctx, person_name, by),
                by=by,
            )
        if not RoleGrant.objects.filter(user=user, unit=unit, role=role, side=Side.PARTY).exists():
            unit_services.role_grant(user=user, unit=unit, role=role, side=Side.PARTY, by=by)
        ctx.users[username] = user
        lines.append(f"  {username:<14} {Role(role).label.lower()} khối Đảng – {unit.name}")


def _introducers(planner: Planner, cell: Unit, on: datetime.date) -> list:
    """Two full members of the chi bộ on the day, full since before 2023."""
    since = D(2023, 1, 1)
    found = [
        (plan.record, since)
        for plan in planner.plans
        if plan.cell_on(on) == cell
        and plan.state_on(on).status == MemberStatus.FULL
        and plan.record.full_on
        and plan.record.full_on < since
    ]
    if len(found) < 2:
        raise AssertionError(f"no introducers in {cell}")
    return found[:2]


def _pipeline(
    planner: Planner, cells, by, ceremony: datetime.date, code: str, name: str, born, gender
):
    """One admission walked through every step, the ceremony on the given day."""
    day = datetime.timedelta(days=1)
    cell = cells[code]
    admission = services.admission_create(
        cell=cell,
        candidate_on=ceremony - 300 * day,
        education=3,
        full_name=name,
        birth_date=born,
        gender=gender,
        by=by,
    )
    admission = services.admission_course(
        admission=admission,
        course_on=ceremony - 200 * day,
        certificate_no=f"{ceremony:%m}-GCN",
        by=by,
    )
    admission = services.admission_introduce(
        admission=admission,
        introduced_on=ceremony - 120 * day,
        introducers=_introducers(planner, cell, ceremony - 120 * day),
        by=by,
    )
    vote_on = ceremony - 60 * day
    total = services.full_members_on(cell, vote_on)
    admission = services.admission_cell_vote(
        admission=admission, vote_on=vote_on, votes_for=total, by=by
    )
    vote_on = ceremony - 40 * day
    members = services.committee_size_on(cell.parent, vote_on)
    admission = services.admission_committee_vote(
        admission=admission, vote_on=vote_on, votes_for=members, by=by
    )
    admission = services.admission_decide(
        admission=admission, decision_on=ceremony - 30 * day, by=by
    )
    return services.admission_ceremony(admission=admission, ceremony_on=ceremony, by=by)


def _make_full(admission: Admission, by, today: datetime.date) -> None:
    ends = services.probation_end(admission)
    vote_on, decided_on = ends + datetime.timedelta(days=5), ends + datetime.timedelta(days=12)
    if decided_on > today:
        return
    total = services.full_members_on(admission.cell, vote_on)
    admission = services.admission_full_vote(
        admission=admission, vote_on=vote_on, votes_for=total, by=by
    )
    services.admission_make_full(admission=admission, decision_on=decided_on, by=by)


def _open_files(planner: Planner, cells, by, today: datetime.date) -> None:
    """Files still open today: a candidate with a certificate, one the chi bộ proposed, one
    decided 45 days ago whose ceremony is overdue; a transfer waiting for Xã Đậu Liêu."""
    day = datetime.timedelta(days=1)
    first = services.admission_create(
        cell=cells["CB-TDP2"],
        candidate_on=today - 60 * day,
        education=3,
        full_name="Vũ Thị Bảo Ngọc",
        birth_date=D(2001, 8, 19),
        gender="female",
        by=by,
    )
    services.admission_course(
        admission=first, course_on=today - 20 * day, certificate_no="GCN-26", by=by
    )
    second = services.admission_create(
        cell=cells["CB-DN"],
        candidate_on=today - 200 * day,
        education=4,
        full_name="Ngô Văn Toàn",
        birth_date=D(1994, 3, 8),
        gender="male",
        by=by,
    )
    second = services.admission_course(
        admission=second, course_on=today - 150 * day, certificate_no="GCN-25", by=by
    )
    second = services.admission_introduce(
        admission=second,
        introduced_on=today - 90 * day,
        introducers=_introducers(planner, cells["CB-DN"], today - 90 * day),
        by=by,
    )
    services.admission_cell_vote(
        admission=second,
        vote_on=today - 30 * day,
        votes_for=services.full_members_on(cells["CB-DN"], today - 30 * day),
        by=by,
    )
    third = _pipeline_until_decision(planner, cells, by, today - 45 * day)
    assert third.state == "decided"
    mover = next(
        p
        for p in planner.plans
        if not p.known
        and p.record.status == MemberStatus.FULL
        and p.cell_on(today).pk == cells["CB-TDP4"].pk
    )
    target = Unit.objects.filter(code="AH-DL-CB1").first()
    if target is not None:
        services.transfer_out(
            record=mover.record, kind="official", on=today - 3 * day, to_cell=target, by=by
        )


def _pipeline_until_decision(planner, cells, by, decided_on):
    day = datetime.timedelta(days=1)
    cell = cells["CB-TDP6"]
    admission = services.admission_create(
        cell=cell,
        candidate_on=decided_on - 260 * day,
        education=3,
        full_name="Mai Xuân Trường",
        birth_date=D(1996, 12, 1),
        gender="male",
        by=by,
    )
    admission = services.admission_course(
        admission=admission, course_on=decided_on - 170 * day, certificate_no="GCN-31", by=by
    )
    admission = services.admission_introduce(
        admission=admission,
        introduced_on=decided_on - 90 * day,
        introducers=_introducers(planner, cell, decided_on - 90 * day),
        by=by,
    )
    admission = services.admission_cell_vote(
        admission=admission,
        vote_on=decided_on - 30 * day,
        votes_for=services.full_members_on(cell, decided_on - 30 * day),
        by=by,
    )
    admission = services.admission_committee_vote(
        admission=admission,
        vote_on=decided_on - 10 * day,
        votes_for=services.committee_size_on(cell.parent, decided_on - 10 * day),
        by=by,
    )
    return services.admission_decide(admission=admission, decision_on=decided_on, by=by)


def load(ctx, stdout) -> None:
    seed_rulebook()
    by, commune = ctx.root, ctx.hoa_binh
    cells = _cells(ctx, by)
    _seats(ctx, by)
    _organisation(ctx, cells, by)
    _accounts(ctx, cells, by)
    if PartyMember.objects.filter(commune=commune).exists():
        return
    today = timezone.localdate()
    bulk = Bulk(by=by, commune=commune)
    known = {name: _person(ctx, name, by) for name in KNOWN}
    planner = Planner(bulk, cells, known)
    planner.build(today)
    for person in known.values():
        if person.birth_date is not None:
            unit_services.person_update(
                person=Person.objects.get(pk=person.pk), birth_date=person.birth_date, by=by
            )
    bulk.save()
    admitted = [
        _pipeline(planner, cells, by, ceremony, code, name, born, gender)
        for code, name, born, gender, ceremony in ADMITTED_2025
    ]
    for admission in admitted[:4]:
        _make_full(admission, by, today)
    planner.bulk = Bulk(by=by, commune=commune)
    rate(planner, commune, [PartyMember.objects.get(pk=a.member_id) for a in admitted])
    planner.bulk.save()
    _open_files(planner, cells, by, today)
    count = PartyMember.objects.filter(commune=commune).count()
    stdout.write(f"Đảng bộ {commune.name}: {count} hồ sơ đảng viên; xem /dang/ (vanphongdu).")
