"""The demo and the bench write members, events, ratings and badges in bulk: the rows must be
exactly what the services write, audit rows included."""

from decimal import Decimal

from tongket.party import services
from tongket.party.bulk import Bulk, Planned
from tongket.party.choices import EventKind, Level, Subject
from tongket.party.models import BadgeAward, MemberEvent, PartyMember, QualityRating
from tongket.units.models import AuditEntry

from .conftest import D

IDS = {"id", "person_id", "member_id"}


def _fields(obj, skip=()):
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.attname not in IDS | set(skip)
    }


def _audit(model, pk):
    rows = AuditEntry.objects.filter(model=model, object_id=str(pk)).order_by("id")
    return [
        (
            row.action,
            row.verb,
            row.side,
            row.unit_id,
            {k: v for k, v in row.changes.items() if k not in IDS},
        )
        for row in rows
    ]


def _by_services(w):
    record = services.member_create(
        commune=w.a,
        cell=w.cell_a1,
        full_name="Qua Dịch Vụ",
        birth_date=D(1980, 1, 1),
        admitted_on=D(2010, 1, 10),
        full_on=D(2011, 1, 10),
        card_number="1",
        education=3,
        by=w.root,
    )
    services.member_move_cell(record=record, to_cell=w.cell_a2, on=D(2020, 3, 1), by=w.root)
    services.member_event_record(record=record, kind="exempted", on=D(2024, 3, 1), by=w.root)
    record.refresh_from_db()
    rating = services.rating_self_assess(
        subject=Subject.MEMBER, year=2025, member=record, points=Decimal("80"), by=w.root
    )
    services.rating_propose(rating=rating, level=Level.GOOD, by=w.root)
    services.rating_decide(rating=rating, level=Level.GOOD, decided_on=D(2025, 12, 20), by=w.root)
    return record, QualityRating.objects.get(pk=rating.pk)


def _by_bulk(w):
    bulk = Bulk(by=w.root, commune=w.a)
    person = bulk.person("Qua Bulk", birth_date=D(1980, 1, 1))
    events = [
        Planned(EventKind.ADMITTED, D(2010, 1, 10), w.cell_a1),
        Planned(EventKind.MADE_FULL, D(2011, 1, 10), w.cell_a1),
        Planned(EventKind.CELL_OUT, D(2020, 3, 1), w.cell_a1, other_place=w.cell_a2.name),
        Planned(EventKind.CELL_IN, D(2020, 3, 1), w.cell_a2, other_place=w.cell_a1.name),
        Planned(EventKind.EXEMPTED, D(2024, 3, 1), w.cell_a2),
    ]
    record = bulk.member(person, w.cell_a1, D(2010, 1, 10), events, card_number="2", education=3)
    rating = QualityRating(
        subject=Subject.MEMBER,
        year=2025,
        commune=w.a,
        unit=w.cell_a2,
        member=record,
        self_points=Decimal("80"),
        self_level=Level.GOOD,
    )
    bulk.rating(rating, proposed=(Level.GOOD, None), decided=(Level.GOOD, D(2025, 12, 20)))
    bulk.save()
    return PartyMember.objects.get(pk=record.pk), QualityRating.objects.get(pk=rating.pk)


def test_bulk_rows_are_the_rows_the_services_write(pw):
    served, served_rating = _by_services(pw)
    built, built_rating = _by_bulk(pw)
    assert _fields(served, ["card_number"]) == _fields(built, ["card_number"])
    served_events = [
        _fields(e) for e in MemberEvent.objects.filter(member=served).order_by("on", "id")
    ]
    built_events = [
        _fields(e) for e in MemberEvent.objects.filter(member=built).order_by("on", "id")
    ]
    assert served_events == built_events
    assert _fields(served_rating) == _fields(built_rating)


def test_bulk_audit_rows_are_the_audit_rows_the_services_write(pw):
    served, served_rating = _by_services(pw)
    built, built_rating = _by_bulk(pw)

    def member_rows(record):
        return [
            (a, v, s, u, {k: x for k, x in c.items() if k != "card_number"})
            for a, v, s, u, c in _audit("party.partymember", record.pk)
        ]

    assert member_rows(served) == member_rows(built)
    assert _audit("party.qualityrating", served_rating.pk) == _audit(
        "party.qualityrating", built_rating.pk
    )
    served_events = MemberEvent.objects.filter(member=served).order_by("on", "id")
    built_events = MemberEvent.objects.filter(member=built).order_by("on", "id")
    for one, other in zip(served_events, built_events, strict=True):
        assert _audit("party.memberevent", one.pk) == _audit("party.memberevent", other.pk)
    person_rows = [row[:4] for row in _audit("units.person", served.person_id)]
    assert person_rows == [row[:4] for row in _audit("units.person", built.person_id)]


def test_bulk_badges_are_audited_like_the_service(pw):
    record = services.member_create(
        commune=pw.a,
        cell=pw.cell_a1,
        full_name="Ba Mươi Năm",
        birth_date=D(1970, 1, 1),
        admitted_on=D(1995, 3, 1),
        full_on=D(1996, 3, 1),
        by=pw.root,
    )
    served = services.badge_award(
        record=record, milestone=30, awarded_on=D(2025, 5, 19), by=pw.root
    )
    other = services.member_create(
        commune=pw.a,
        cell=pw.cell_a1,
        full_name="Ba Mươi Năm Khác",
        birth_date=D(1970, 1, 1),
        admitted_on=D(1995, 3, 1),
        full_on=D(1996, 3, 1),
        by=pw.root,
    )
    bulk = Bulk(by=pw.root, commune=pw.a)
    bulk.badge(other, 30, D(2025, 5, 19))
    bulk.save()
    built = BadgeAward.objects.get(member=other)
    assert _fields(served) == _fields(built)
    assert _audit("party.badgeaward", served.pk) == _audit("party.badgeaward", built.pk)
