"""What the review report and the article say, read once from the other modules' selectors:
the conference, the indicators against plan, next year's plans, commendations and pledges.

Both documents are written from the same ReportData so they never disagree on a figure.
When something is missing the data says so (status, empty lists), never a made-up value.
How the data is put into words is in wording.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tongket.conferences.choices import ConferenceKind, Organisers
from tongket.conferences.models import Conference, Photo
from tongket.emulation.selectors import (
    CommendationStatistics,
    commendation_statistics,
    pledges_signed,
)
from tongket.party.selectors import PartyStatistics, party_statistics
from tongket.petitions.selectors import PetitionStats
from tongket.petitions.selectors import year_statistics as petition_statistics
from tongket.targets import selectors as targets
from tongket.targets.selectors import AchievementRow, PlanRow
from tongket.units.models import Unit
from tongket.units.selectors import titles_on

from .wording import lower_first, place_name, pledge_sentence

REPORT_SUBJECTS = {
    ConferenceKind.YEAR_REVIEW: "Tổng kết công tác năm {year}, phương hướng, nhiệm vụ năm {next}",
    ConferenceKind.HALF_YEAR_REVIEW: (
        "Sơ kết công tác sáu tháng đầu năm {year}, phương hướng, nhiệm vụ sáu tháng cuối năm {year}"
    ),
    ConferenceKind.EMULATION_REVIEW: (
        "Tổng kết công tác thi đua, khen thưởng năm {year}, phương hướng, nhiệm vụ năm {next}"
    ),
    ConferenceKind.WORKING: "Kết quả công tác năm {year}",
}


@dataclass
class Participant:
    name: str
    title: str

    def __str__(self) -> str:
        return f"đồng chí {self.name}, {self.title}" if self.title else f"đồng chí {self.name}"


@dataclass
class SpeechData:
    """Who spoke at the conference, their title on its date, and what they asked."""

    kind: str
    name: str
    title: str
    content: str


@dataclass
class ReportData:
    conference: Conference
    commune: Unit
    province: Unit | None
    layout: str
    period: str
    achievements: list[AchievementRow]
    next_plans: list[PlanRow]
    commendations: CommendationStatistics
    pledges: list[str]
    guests: list[Participant]
    chair: Participant | None
    signer: Participant | None
    # The article's own: speeches, photos, the awards handed out at this conference (None
    # when none is linked), and the sentences the party and petitions modules provide.
    speeches: list[SpeechData] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    conference_commendations: CommendationStatistics | None = None
    party_sentences: list[str] = field(default_factory=list)
    petition_sentences: list[str] = field(default_factory=list)
    # The report's "Công tác xây dựng Đảng" and working-sessions sections read the figures.
    party: PartyStatistics | None = None
    petitions: PetitionStats | None = None

    @property
    def year(self) -> int:
        return self.conference.year

    @property
    def next_year(self) -> int:
        return self.conference.year + 1

    @property
    def place(self) -> str:
        return place_name(self.commune)

    @property
    def subject(self) -> str:
        template = REPORT_SUBJECTS[self.conference.kind]
        return template.format(year=self.year, next=self.next_year)

    @property
    def article_rows(self) -> list[AchievementRow]:
        """The indicators an article names: the year's chỉ tiêu chủ yếu, or every indicator
        when none is marked as such."""
        featured = [row for row in self.achievements if row.featured]
        return featured or self.achievements

    @property
    def article_plans(self) -> list[PlanRow]:
        featured = [row for row in self.next_plans if row.featured]
        return featured or self.next_plans

    @property
    def with_result(self) -> list[AchievementRow]:
        return [row for row in self.achievements if row.result is not None]

    @property
    def without_result(self) -> list[AchievementRow]:
        return [row for row in self.achievements if row.result is None]

    @property
    def without_plan(self) -> list[AchievementRow]:
        return [row for row in self.achievements if row.plan is None]

    def count(self, verdict: str) -> int:
        return sum(1 for row in self.achievements if row.verdict == verdict)

    @property
    def groups(self) -> list[tuple[str, list[AchievementRow]]]:
        return _grouped(self.achievements)

    @property
    def plan_groups(self) -> list[tuple[str, list[PlanRow]]]:
        return _grouped(self.next_plans)

    @property
    def organisers_text(self) -> str:
        """ "Đảng ủy, UBND phường Hòa Bình", as an article's lead names who organised."""
        commune = lower_first(self.commune.name)
        prefix = {
            Organisers.STATE: "UBND",
            Organisers.PARTY: "Đảng ủy",
            Organisers.BOTH: "Đảng ủy, UBND",
        }[self.conference.organisers]
        return f"{prefix} {commune}"


def _grouped(rows: list) -> list[tuple[str, list]]:
    """Rows by indicator group, in the order the groups first appear, with each group's label."""
    groups: dict[str, list] = {}
    labels: dict[str, str] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
        labels[row.group] = row.group_label
    return [(labels[key], members) for key, members in groups.items()]


def report_layout(conference: Conference, layout: str | None = None) -> str:
    """The layout asked for, else the organiser's: a Đảng ủy conference gets a party report,
    UBND (or both together) a state report."""
    if layout in ("state", "party"):
        return layout
    return "party" if conference.organisers == Organisers.PARTY else "state"


def _pledges(conference: Conference) -> list[str]:
    """Pledges entered on the conference, then those the emulation module records as signed
    for the year the conference launches (the next year)."""
    pledges = list(conference.pledge_items)
    for pledge in pledges_signed(conference.unit, conference.year + 1):
        text = pledge_sentence(pledge)
        if text and text not in pledges:
            pledges.append(text)
    return pledges


def _conference_commendations(conference: Conference) -> CommendationStatistics | None:
    """The awards handed out at the conference (its linked decisions and records by count),
    or None when none is linked (two queries, three more when some are)."""
    decision_ids = list(conference.award_decisions.values_list("pk", flat=True))
    record_ids = list(conference.award_records.values_list("pk", flat=True))
    if not decision_ids and not record_ids:
        return None
    return commendation_statistics(
        conference.unit,
        conference.year,
        decision_ids=decision_ids,
        record_ids=record_ids,
        with_rankings=False,
    )


def report_data(conference: Conference, layout: str | None = None) -> ReportData:
    """Everything both documents need, in a fixed number of queries whatever the number of
    indicators, guests or photos. `conference` should come from
    tongket.conferences.selectors.conference_queryset() (guests prefetched)."""
    commune = conference.unit
    period = "h1" if conference.kind == ConferenceKind.HALF_YEAR_REVIEW else "year"
    people = [conference.chair_id, conference.signer_id]
    titles = titles_on([pk for pk in people if pk], conference.date)

    def participant(person) -> Participant | None:
        if person is None:
            return None
        return Participant(person.full_name, titles.get(person.pk, ""))

    achievements = targets.unit_year_achievements(commune, conference.year, period=period)
    as_of = _as_of(conference)
    party = party_statistics(commune, conference.year, today=as_of)
    petitions = petition_statistics(commune, conference.year, today=as_of)
    return ReportData(
        conference=conference,
        commune=commune,
        province=commune.parent,
        layout=report_layout(conference, layout),
        period=period,
        achievements=achievements,
        next_plans=targets.unit_year_plans(commune, conference.year + 1),
        commendations=commendation_statistics(commune, conference.year),
        pledges=_pledges(conference),
        guests=[Participant(guest.full_name, guest.title) for guest in conference.guests.all()],
        chair=participant(conference.chair),
        signer=participant(conference.signer),
        speeches=[
            SpeechData(speech.kind, speech.speaker_name, speech.speaker_title, speech.content)
            for speech in conference.speeches.all()
        ],
        photos=list(conference.photos.all()),
        conference_commendations=_conference_commendations(conference),
        party_sentences=_party_sentences(party, achievements),
        petition_sentences=[petitions.sentence] if petitions.sentence else [],
        party=party if party.has_data else None,
        petitions=petitions if petitions.sentences else None,
    )


def _as_of(conference: Conference) -> datetime.date:
    """The day the party and petitions figures are counted to: the end of the half year for a
    six-month review, else the conference day (never a later regeneration's today)."""
    if conference.kind == ConferenceKind.HALF_YEAR_REVIEW:
        return min(conference.date, datetime.date(conference.year, 6, 30))
    return conference.date


def _party_sentences(party: PartyStatistics, achievements: list[AchievementRow]) -> list[str]:
    """What the article says of the Đảng bộ from its records, as ward articles do: admissions
    and the total, the chi bộ and members rated "hoàn thành xuất sắc nhiệm vụ", the share of
    chi bộ rated good or better. When the year's party-building indicators already state
    admissions and the total (against plan), the members' sentence is left to them, so no
    figure is said twice."""
    if not party.has_data:
        return []
    named = [row for row in achievements if row.featured] or achievements
    indicators_say_members = any(row.group == "party_building" and row.has_result for row in named)
    wanted = [party.excellent_sentence, party.cells_good_share_sentence]
    if not indicators_say_members:
        wanted.insert(0, party.members_sentence)
    return [text for text in wanted if text]
