"""Party fixtures on top of the shared world's party side: the Đảng ủy of phường A with its
seats held since 2020 (a Bí thư, a Phó Bí thư, three more committee members), and helpers
that enter members and walk an admission through the services."""

from __future__ import annotations

import datetime

import pytest

D = datetime.date
ADMITTED, FULL, BORN = D(2010, 1, 10), D(2011, 1, 10), D(1980, 5, 1)
CANDIDATE_BORN, CANDIDATE_ON, STEPS_FROM = D(2000, 4, 15), D(2025, 1, 5), D(2025, 3, 1)


@pytest.fixture
def pw(party_world):
    return with_seats(party_world)


def with_seats(w):
    """The Đảng ủy of phường A with five seats held since 2020."""
    from tongket.units import services

    for name, title in (
        ("Nguyễn Văn Hùng", "Bí thư Đảng ủy phường"),
        ("Hồ Thị Minh Nguyệt", "Phó Bí thư Đảng ủy phường"),
        ("Lê Văn Ba", "Ủy viên Ban Thường vụ Đảng ủy"),
        ("Trần Thị Tư", "Đảng ủy viên"),
        ("Phạm Văn Năm", "Đảng ủy viên"),
    ):
        person = services.person_create(full_name=name, unit=w.a, by=w.root)
        services.position_create(
            person=person, unit=w.a, title=title, start_date=D(2020, 1, 1), by=w.root
        )
    return w


def member(
    w,
    name,
    *,
    cell=None,
    admitted=ADMITTED,
    full=FULL,
    birth=BORN,
    by=None,
    **extra,
):
    from tongket.party import services

    return services.member_create(
        commune=extra.pop("commune", w.a),
        cell=cell or w.cell_a1,
        full_name=name,
        birth_date=birth,
        admitted_on=admitted,
        full_on=full,
        by=by or w.root,
        **extra,
    )


def walk(w, admission, *, upto: str, by=None, introducers=None, day=STEPS_FROM):
    """Take an admission through the pipeline up to (and including) a step."""
    from tongket.party import services

    by = by or w.root
    steps = [
        (
            "course",
            lambda a: services.admission_course(
                admission=a, course_on=day, certificate_no="GCN-12", by=by
            ),
        ),
        (
            "introduce",
            lambda a: services.admission_introduce(
                admission=a,
                introduced_on=day + datetime.timedelta(days=10),
                introducers=introducers
                or [
                    (member(w, f"Giới thiệu {i} {a.pk}", card_number=""), D(2023, 1, 1))
                    for i in (1, 2)
                ],
                by=by,
            ),
        ),
        (
            "cell_vote",
            lambda a: services.admission_cell_vote(
                admission=a,
                vote_on=day + datetime.timedelta(days=20),
                votes_for=100,
                full_members=100,
                by=by,
            ),
        ),
        (
            "committee_vote",
            lambda a: services.admission_committee_vote(
                admission=a, vote_on=day + datetime.timedelta(days=30), votes_for=5, by=by
            ),
        ),
        (
            "decide",
            lambda a: services.admission_decide(
                admission=a, decision_on=day + datetime.timedelta(days=35), by=by
            ),
        ),
        (
            "ceremony",
            lambda a: services.admission_ceremony(
                admission=a, ceremony_on=day + datetime.timedelta(days=40), by=by
            ),
        ),
    ]
    for name, step in steps:
        admission = step(admission)
        if name == upto:
            return admission
    raise AssertionError(f"no step {upto}")


def candidate(
    w,
    name="Đỗ Minh Khang",
    *,
    birth=CANDIDATE_BORN,
    education=3,
    cell=None,
    by=None,
    on=CANDIDATE_ON,
    **extra,
):
    from tongket.party import services

    return services.admission_create(
        cell=cell or w.cell_a1,
        candidate_on=on,
        education=education,
        full_name=name,
        birth_date=birth,
        by=by or w.root,
        **extra,
    )


def saved_rows() -> dict[str, int]:
    """How many rows each party table (and the audit log, the number book, people) holds:
    a refusal must leave them all as they were."""
    from tongket.party.models import (
        Admission,
        BadgeAward,
        CellProfile,
        Introducer,
        MemberEvent,
        PartyMember,
        QualityRating,
        TermDetail,
        Transfer,
    )
    from tongket.units.models import AuditEntry, BodyTerm, IssuedNumber, Person

    models = (
        Admission,
        BadgeAward,
        CellProfile,
        Introducer,
        MemberEvent,
        PartyMember,
        QualityRating,
        TermDetail,
        Transfer,
        AuditEntry,
        BodyTerm,
        IssuedNumber,
        Person,
    )
    return {model.__name__: model.objects.count() for model in models}


def set_rule(kind: str, value, *, key: str = "", on=None, by=None, repealed: bool = False):
    """A later nationwide row for a rule (the way an administrator changes a number)."""
    from tongket.party.models import Rule

    return Rule.objects.create(
        kind=kind,
        key=key,
        value=value,
        effective_from=on or D(2025, 2, 1),
        repealed=repealed,
        citation_document="Văn bản thử nghiệm",
    )
