"""Demo data for Phường Hòa Bình: the whole 2025 emulation year (movement, cluster pledges
and scoring, registrations, nominations, the council vote, one decision of the Chủ tịch UBND
phường and one of the Đảng ủy phường, certificates to download), and for 2026 the
registrations and the pledges signed. Built through the services; idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

from tongket.units import services as unit_services
from tongket.units.models import Person

from . import services
from .choices import NominationState
from .models import (
    AwardDecision,
    AwardKind,
    Cluster,
    CouncilMember,
    CouncilSession,
    Movement,
    Nomination,
    PastAward,
    Pledge,
    PledgeSignature,
    Registration,
)
from .rulebook_seed import seed_rulebook

YEAR = 2025
D = datetime.date

# Staff added for the demo: (unit code, name, gender)
STAFF = [
    ("", "Nguyễn Thị Bích Ngọc", "female"),
    ("", "Trần Minh Quân", "male"),
    ("", "Phạm Thị Thu Trang", "female"),
    ("", "Hoàng Đức Anh", "male"),
    ("", "Vũ Thị Hương", "female"),
    ("", "Đặng Văn Toàn", "male"),
    ("", "Bùi Thị Liên", "female"),
    ("", "Ngô Quang Vinh", "male"),
    ("TYT", "Lê Thị Hồng Nhung", "female"),
    ("TYT", "Phan Văn Khải", "male"),
    ("TYT", "Trần Thị Mỹ Linh", "female"),
    ("TDP2", "Đỗ Văn Bình", "male"),
    ("TDP3", "Nguyễn Thị Lụa", "female"),
]

LAO_DONG = [
    "Lê Thị Thu Hà",
    "Phạm Quốc Bảo",
    "Đỗ Thị Mai",
    "Trịnh Thị Lan",
    "Nguyễn Thị Bích Ngọc",
    "Trần Minh Quân",
    "Phạm Thị Thu Trang",
    "Hoàng Đức Anh",
    "Vũ Thị Hương",
    "Đặng Văn Toàn",
    "Bùi Thị Liên",
    "Hà Thị Yến",
    "Lê Thị Hồng Nhung",
    "Phan Văn Khải",
    "Hoàng Văn Tư",
]
CHIEN_SI = ["Trịnh Thị Lan", "Nguyễn Thị Bích Ngọc"]
CHAIRMAN_GK_PEOPLE = ["Ngô Thị Hạnh", "Đỗ Văn Bình", "Nguyễn Thị Lụa", "Lâm Văn Cường"]
PARTY_GK_PEOPLE = ["Trương Văn Đức", "Phan Thị Nga", "Cao Minh Tuấn"]
COUNCIL = [
    ("Lê Thị Thu Hà", "Chủ tịch Hội đồng"),
    ("Phạm Quốc Bảo", "Phó Chủ tịch Hội đồng"),
    ("Trịnh Thị Lan", "Ủy viên, Thư ký Hội đồng"),
    ("Đinh Thị Hồng", "Ủy viên"),
    ("Lương Thị Thảo", "Ủy viên"),
    ("Tạ Quang Huy", "Ủy viên"),
    ("Kiều Văn Lực", "Ủy viên"),
]
CLUSTERS = [
    (
        "Cụm thi đua các tổ dân phố",
        "cluster",
        "TDP1",
        ["TDP1", "TDP2", "TDP3", "TDP4", "TDP5", "TDP6"],
        [
            ("Hoàn thành chỉ tiêu phát triển kinh tế, giảm nghèo", Decimal(30)),
            ("Giữ vững an ninh trật tự, không có tệ nạn xã hội", Decimal(25)),
            ("Vệ sinh môi trường, tuyến phố văn minh", Decimal(25)),
            ("Tỷ lệ hộ gia đình văn hóa", Decimal(20)),
        ],
    ),
    (
        "Khối các đoàn thể",
        "block",
        "MTTQ",
        ["MTTQ", "HPN", "DTN", "HCCB", "HND", "CDCS"],
        [
            ("Phát triển hội viên, đoàn viên", Decimal(30)),
            ("Tham gia phong trào “Chung tay xây dựng phường văn minh”", Decimal(40)),
            ("Công tác an sinh xã hội", Decimal(30)),
        ],
    ),
]


def _person(ctx, code: str, name: str, gender: str, by) -> Person:
    unit = ctx.subunits[code] if code else ctx.hoa_binh
    person = Person.objects.filter(full_name=name, unit__path__startswith=ctx.hoa_binh.path).first()
    if person is None:
        person = unit_services.person_create(full_name=name, unit=unit, gender=gender, by=by)
    ctx.people.setdefault(name, person)
    return person


def _clusters(ctx, by, officer) -> list[Cluster]:
    clusters = []
    for name, kind, leader, codes, criteria in CLUSTERS:
        cluster = Cluster.objects.filter(unit=ctx.hoa_binh, name=name).first()
        if cluster is None:
            cluster = services.cluster_create(
                unit=ctx.hoa_binh,
                name=name,
                kind=kind,
                leader=ctx.subunits[leader],
                members=[ctx.subunits[code] for code in codes],
                by=officer,
            )
        for year, signed_on in ((YEAR, D(2025, 2, 14)), (YEAR + 1, D(2026, 1, 20))):
            pledge = Pledge.objects.filter(cluster=cluster, year=year).first()
            if pledge is None:
                pledge = services.pledge_create(
                    cluster=cluster,
                    year=year,
                    title=f"Giao ước thi đua năm {year} – {name}",
                    criteria=criteria,
                    by=officer,
                )
            for code in codes:
                unit = ctx.subunits[code]
                if not PledgeSignature.objects.filter(pledge=pledge, unit=unit).exists():
                    services.pledge_sign(
                        pledge=pledge, unit=unit, signed_on=signed_on, signer_name="", by=officer
                    )
            if year == YEAR and not pledge.scores.exists():
                for offset, code in enumerate(codes):
                    points = {
                        criterion.pk: criterion.max_points - Decimal(offset + index % 2)
                        for index, criterion in enumerate(pledge.criteria.all())
                    }
                    services.pledge_scores_set(
                        pledge=pledge, unit=ctx.subunits[code], points=points, by=officer
                    )
        clusters.append(cluster)
    return clusters


def _register(ctx, kinds, name_or_unit, code, year, by, collective=False):
    kind = kinds[code]
    if collective:
        unit = name_or_unit
        if Registration.objects.filter(year=year, award_kind=kind, collective=unit).exists():
            return
        services.registration_create(
            unit=unit,
            year=year,
            award_kind=kind,
            recipient="collective",
            collective=unit,
            registered_on=D(year, 1, 12),
            by=by,
        )
        return
    person = ctx.people[name_or_unit]
    if Registration.objects.filter(year=year, award_kind=kind, person=person).exists():
        return
    services.registration_create(
        unit=person.unit,
        year=year,
        award_kind=kind,
        recipient="individual",
        person=person,
        registered_on=D(year, 1, 12),
        by=by,
    )


def _year_2025(ctx, kinds, movement, officer, reporter, leader) -> None:
    def nominate(unit, code, text, by=officer, **who):
        nomination = services.nomination_create(
            unit=unit, year=YEAR, award_kind=kinds[code], achievement=text, by=by, **who
        )
        return services.nomination_submit(nomination=nomination, by=by)

    def person(name):
        return {"recipient": "individual", "person": ctx.people[name]}

    def collective(unit):
        return {"recipient": "collective", "collective": unit}

    submitted = []
    for name in LAO_DONG:
        by = reporter if ctx.people[name].unit == ctx.tdp1 else officer
        submitted.append(
            nominate(
                ctx.people[name].unit,
                "ldtt",
                "Hoàn thành tốt nhiệm vụ năm 2025; tích cực tham gia các phong trào thi đua.",
                by=by,
                **person(name),
            )
        )
    for name in CHIEN_SI:
        submitted.append(
            nominate(
                ctx.people[name].unit,
                "cstdcs",
                "Đạt Lao động tiên tiến; có sáng kiến số hóa hồ sơ một cửa được phường công nhận.",
                **person(name),
            )
        )
    tyt = ctx.subunits["TYT"]
    submitted.append(
        nominate(
            tyt,
            "ttldtt",
            "3/4 cán bộ đạt Lao động tiên tiến; tiêm chủng mở rộng đạt 99%.",
            **collective(tyt),
        )
    )
    for code in ("TDP1", "TDP2", "TDP4"):
        unit = ctx.subunits[code]
        submitted.append(
            nominate(
                unit, "tdpvh", "Đạt năm tiêu chuẩn tổ dân phố văn hóa năm 2025.", **collective(unit)
            )
        )
    for head, code in (
        ("Nguyễn Văn Thịnh", "TDP1"),
        ("Trần Thị Hoa", "TDP2"),
        ("Lê Văn Khánh", "TDP3"),
    ):
        unit = ctx.subunits[code]
        submitted.append(
            nominate(
                unit,
                "gdvh",
                "Gia đình no ấm, hòa thuận, gương mẫu chấp hành pháp luật.",
                recipient="household",
                household_name=head,
                household_group=unit,
            )
        )
    for code in ("HPN", "DTN", "CA"):
        unit = ctx.subunits[code]
        submitted.append(
            nominate(
                unit,
                "gk-chutich",
                "Có thành tích xuất sắc trong phong trào “Chung tay xây dựng "
                "phường Hòa Bình văn minh, hiện đại” năm 2025.",
                movement=movement,
                **collective(unit),
            )
        )
    for name in CHAIRMAN_GK_PEOPLE:
        submitted.append(
            nominate(
                ctx.people[name].unit,
                "gk-chutich",
                "Có thành tích xuất sắc trong phong trào "
                "“Chung tay xây dựng phường Hòa Bình văn minh, hiện đại” năm 2025.",
                movement=movement,
                **person(name),
            )
        )
    for code in ("CB-TDP1", "CB-CQ"):
        unit = ctx.subunits[code]
        submitted.append(
            nominate(
                unit,
                "gk-danguy",
                "Chi bộ hoàn thành xuất sắc nhiệm vụ năm 2025.",
                **collective(unit),
            )
        )
    for name in PARTY_GK_PEOPLE:
        submitted.append(
            nominate(
                ctx.people[name].unit,
                "gk-danguy",
                "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025.",
                **person(name),
            )
        )
    # One returned for a missing document, one left as a draft.
    returned = nominate(
        ctx.subunits["TDP6"],
        "tdpvh",
        "Đạt các tiêu chuẩn tổ dân phố văn hóa.",
        **collective(ctx.subunits["TDP6"]),
    )
    services.nomination_return(
        nomination=returned, by=officer, reason="Thiếu biên bản bình xét của hội nghị tổ dân phố."
    )
    services.nomination_create(
        unit=ctx.subunits["TDP5"],
        year=YEAR,
        award_kind=kinds["tdpvh"],
        achievement="Đang hoàn thiện hồ sơ.",
        by=officer,
        recipient="collective",
        collective=ctx.subunits["TDP5"],
    )

    session = services.session_create(
        commune=ctx.hoa_binh,
        year=YEAR,
        held_on=D(2026, 1, 6),
        members_present=7,
        place="Hội trường UBND phường Hòa Bình",
        chair_name="Lê Thị Thu Hà",
        secretary_name="Trịnh Thị Lan",
        start_time=datetime.time(8, 0),
        end_time=datetime.time(10, 30),
        by=officer,
    )
    services.session_minutes_number_take(session=session, number=1, by=officer)
    ballots = services.session_add_nominations(session=session, nominations=submitted, by=officer)
    votes = {ballot.pk: 7 - (index % 3 == 0) for index, ballot in enumerate(ballots)}
    # One household falls short of the threshold: 3 of 7 members.
    failing = next(b for b in ballots if b.nomination.household_name == "Lê Văn Khánh")
    votes[failing.pk] = 3
    services.ballots_record(session=session, votes=votes, by=officer)
    services.council_result_approve(
        session=session,
        body="chairman",
        number=5,
        signed_on=D(2026, 1, 8),
        by=leader,
    )
    services.council_result_approve(
        session=session,
        body="party_committee",
        number=15,
        signed_on=D(2026, 1, 8),
        by=leader,
    )


def load(ctx, stdout) -> None:
    seed_rulebook()
    by = ctx.root
    officer, reporter, leader = ctx.users["canbo"], ctx.users["baocao"], ctx.users["lanhdao"]
    kinds = {kind.code: kind for kind in AwardKind.objects.all()}
    for code, name, gender in STAFF:
        _person(ctx, code, name, gender, by)

    movement = Movement.objects.filter(unit=ctx.hoa_binh, starts_on=D(2025, 1, 1)).first()
    if movement is None:
        movement = services.movement_create(
            unit=ctx.hoa_binh,
            name="Chung tay xây dựng phường Hòa Bình văn minh, hiện đại",
            content="Phát động trong toàn phường: chỉnh trang đô thị, tuyến phố văn minh, "
            "giảm nghèo bền vững, cải cách hành chính.",
            starts_on=D(2025, 1, 1),
            ends_on=D(2025, 12, 31),
            by=officer,
        )
    clusters = _clusters(ctx, by, officer)

    for name, years in (("Trịnh Thị Lan", (2023, 2024)), ("Lê Thị Thu Hà", (2024,))):
        person = ctx.people[name]
        for year in years:
            if not PastAward.objects.filter(person=person, year=year).exists():
                services.past_award_create(
                    unit=person.unit,
                    year=year,
                    award_kind=kinds["cstdcs"],
                    recipient="individual",
                    person=person,
                    decision_ref=f"Quyết định khen thưởng năm {year} của UBND huyện Hòa Bình",
                    by=by,
                )
    for name, role in COUNCIL:
        person = ctx.people[name]
        if not CouncilMember.objects.filter(
            commune=ctx.hoa_binh, year=YEAR, person=person
        ).exists():
            services.council_member_add(
                commune=ctx.hoa_binh, year=YEAR, person=person, role=role, by=officer
            )
    for year in (YEAR, YEAR + 1):
        for name in LAO_DONG:
            _register(ctx, kinds, name, "ldtt", year, officer)
        for name in CHIEN_SI:
            _register(ctx, kinds, name, "cstdcs", year, officer)
        _register(ctx, kinds, ctx.subunits["TYT"], "ttldtt", year, officer, collective=True)
        _register(ctx, kinds, ctx.subunits["THHB"], "ttldtt", year, officer, collective=True)

    if not Nomination.objects.filter(commune=ctx.hoa_binh, year=YEAR).exists():
        _year_2025(ctx, kinds, movement, officer, reporter, leader)

    decisions = list(AwardDecision.objects.filter(commune=ctx.hoa_binh, year=YEAR))
    ctx.emulation = SimpleNamespace(
        year=YEAR,
        movement=movement,
        clusters=clusters,
        decisions=decisions,
        session=CouncilSession.objects.filter(commune=ctx.hoa_binh, year=YEAR).first(),
    )
    decided = Nomination.objects.filter(
        commune=ctx.hoa_binh, year=YEAR, state=NominationState.DECIDED
    ).count()
    stdout.write(
        f"Thi đua, khen thưởng: {len(decisions)} quyết định năm {YEAR}, {decided} người, "
        "tập thể được khen; xem /thi-dua/thong-ke/?year=2025"
    )
