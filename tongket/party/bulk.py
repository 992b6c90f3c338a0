"""Member records, their events, ratings and badges written many at a time, for the demo
and the bench: each row is what the services write (the same ledger steps, the same cached
fields, the same audit rows), only saved with bulk_create instead of one service call each.
A test keeps the two paths equal."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tongket.lib.text import fold
from tongket.units import audit
from tongket.units.access import side_of, unit_of
from tongket.units.choices import AuditAction
from tongket.units.models import AuditEntry, Person, Unit, User

from . import ledger
from .choices import PARTY_SIDE, RatingState
from .models import BadgeAward, MemberEvent, PartyMember, QualityRating


@dataclass
class Planned:
    """An event to write on a record: its kind, date, chi bộ, and what the services note."""

    kind: str
    on: datetime.date
    cell: Unit
    status_in: str = ""
    other_place: str = ""
    document: str = ""


@dataclass
class _Record:
    record: PartyMember
    created: dict
    created_in: Unit
    events: list[MemberEvent] = field(default_factory=list)
    updates: list[tuple[str, dict, Unit]] = field(default_factory=list)  # verb, changes, unit


def _entry(
    by: User,
    action: str,
    obj,
    changes: dict,
    verb: str = "",
    side: str | None = None,
    unit: Unit | None = None,
) -> AuditEntry:
    """The row audit.record writes; `unit` is the object's unit when the change was made
    (a record's chi bộ then), which bulk writing must carry since it saves the end state."""
    unit = unit or unit_of(obj)
    return AuditEntry(
        actor=by,
        action=action,
        verb=verb,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit=unit if unit is not None and unit.pk else None,
        changes=changes,
        side=side or side_of(type(obj)),
    )


def _created(snapshot: dict) -> dict:
    return {key: [None, value] for key, value in snapshot.items() if value not in (None, "")}


class Bulk:
    """Collects records, events, ratings and badges; `save()` writes them all."""

    def __init__(self, *, by: User, commune: Unit) -> None:
        self.by, self.commune = by, commune
        self.people: list[Person] = []
        self.records: list[_Record] = []
        self.ratings: list[tuple[QualityRating, dict, list[tuple[str, dict]]]] = []
        self.badges: list[BadgeAward] = []

    def person(self, full_name: str, *, birth_date=None, gender: str = "") -> Person:
        person = Person(
            full_name=full_name, unit=self.commune, birth_date=birth_date, gender=gender
        )
        person.name_folded = fold(full_name)[:120]
        self.people.append(person)
        return person

    def member(
        self,
        person: Person,
        cell: Unit,
        admitted_on: datetime.date,
        events: list[Planned],
        *,
        card_number: str = "",
        education: int | None = None,
        badge_before: int | None = None,
        full_on: datetime.date | None = None,
    ) -> PartyMember:
        """A record as member_create makes it (`full_on` for a member who arrived full),
        then its events in date order."""
        record = PartyMember(
            person=person,
            commune=self.commune,
            cell=cell,
            card_number=card_number,
            education=education,
            admitted_on=admitted_on,
            full_on=full_on,
            badge_before=badge_before,
        )
        planned = _Record(record, audit.snapshot(record), cell)
        state = ledger.MemberState()
        for event in events:
            state, deltas = ledger.step(state, event.kind, status_in=event.status_in)
            planned.events.append(
                MemberEvent(
                    commune=self.commune,
                    cell=event.cell,
                    kind=event.kind,
                    on=event.on,
                    other_place=event.other_place,
                    document=event.document,
                    **deltas.as_fields(),
                )
            )
            before = audit.snapshot(record)
            ledger.cache_on_record(record, event.kind, event.on, state, event.cell, self.commune)
            planned.updates.append(
                (event.kind, audit.diff(before, audit.snapshot(record)), record.cell)
            )
        self.records.append(planned)
        return record

    def rating(
        self,
        rating: QualityRating,
        *,
        proposed: tuple[str, object] | None,
        decided: tuple[str, datetime.date] | None,
    ) -> QualityRating:
        """A rating as rating_self_assess creates it, then the chi bộ's proposal (level,
        points) and the committee's decision (level, date) when given."""
        created = audit.snapshot(rating)
        steps = []
        if proposed is not None:
            before = audit.snapshot(rating)
            rating.state, rating.proposed_level, rating.proposed_points = (
                RatingState.PROPOSED,
                proposed[0],
                proposed[1],
            )
            steps.append((RatingState.PROPOSED, audit.diff(before, audit.snapshot(rating))))
        if decided is not None:
            before = audit.snapshot(rating)
            rating.state, rating.decided_level, rating.decided_on = (
                RatingState.DECIDED,
                decided[0],
                decided[1],
            )
            steps.append((RatingState.DECIDED, audit.diff(before, audit.snapshot(rating))))
        self.ratings.append((rating, created, steps))
        return rating

    def badge(self, record: PartyMember, milestone: int, awarded_on: datetime.date) -> None:
        self.badges.append(
            BadgeAward(
                member=record, commune=self.commune, milestone=milestone, awarded_on=awarded_on
            )
        )

    def save(self) -> None:
        by = self.by
        entries: list[AuditEntry] = []
        Person.objects.bulk_create(self.people, batch_size=500)
        entries += [
            _entry(
                by, AuditAction.CREATE, person, _created(audit.snapshot(person)), side=PARTY_SIDE
            )
            for person in self.people
        ]
        for planned in self.records:
            planned.record.person_id = planned.created["person_id"] = planned.record.person.pk
        PartyMember.objects.bulk_create([p.record for p in self.records], batch_size=500)
        events = []
        for planned in self.records:
            record = planned.record
            entries.append(
                _entry(
                    by,
                    AuditAction.CREATE,
                    record,
                    _created(planned.created),
                    unit=planned.created_in,
                )
            )
            for event in planned.events:
                event.member = record
                events.append(event)
        MemberEvent.objects.bulk_create(events, batch_size=1000)
        for planned in self.records:
            for event, (verb, changes, unit) in zip(planned.events, planned.updates, strict=True):
                entries.append(
                    _entry(by, AuditAction.CREATE, event, _created(audit.snapshot(event)))
                )
                if changes:  # audit.update records nothing when nothing changed
                    entries.append(
                        _entry(by, AuditAction.UPDATE, planned.record, changes, verb, unit=unit)
                    )
        self._save_ratings(entries)
        for badge in self.badges:
            badge.member_id = badge.member.pk
        BadgeAward.objects.bulk_create(self.badges, batch_size=500)
        entries += [
            _entry(by, AuditAction.CREATE, badge, _created(audit.snapshot(badge)))
            for badge in self.badges
        ]
        AuditEntry.objects.bulk_create(entries, batch_size=1000)

    def _save_ratings(self, entries: list[AuditEntry]) -> None:
        for rating, created, _ in self.ratings:
            if rating.member is not None:
                rating.member_id = created["member_id"] = rating.member.pk
        QualityRating.objects.bulk_create(
            [rating for rating, _, _ in self.ratings], batch_size=1000
        )
        for rating, created, steps in self.ratings:
            entries.append(_entry(self.by, AuditAction.CREATE, rating, _created(created)))
            for verb, changes in steps:
                entries.append(_entry(self.by, AuditAction.TRANSITION, rating, changes, verb))
