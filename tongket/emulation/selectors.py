"""Every read the emulation screens, the documents app, the report generator and the API
need. Each runs a fixed number of queries whatever the amount of data."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.utils import timezone

from tongket.lib.numbers import format_number
from tongket.lib.words import amount_in_words
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.models import Unit, User

from .choices import BODY_STYLE, AwardingBody, Category, NominationState, Recipient
from .eligibility import Check, judge
from .models import (
    Award,
    AwardDecision,
    AwardKind,
    Ballot,
    Cluster,
    CouncilMember,
    CouncilSession,
    Movement,
    Nomination,
    PastAward,
    Pledge,
    PledgeScore,
    PledgeSignature,
    Registration,
    Rule,
)
from .rules import Rulebook

NOMINATION_RELATED = (
    "unit",
    "commune",
    "award_kind",
    "person__unit",
    "collective",
    "household_group",
    "movement",
)


def current_year() -> int:
    return timezone.localdate().year


def kind_word(unit: Unit | None) -> str:
    """ "phường", "xã", "đặc khu" for a commune; "cấp xã" otherwise."""
    if unit is not None and unit.kind in COMMUNE_KINDS:
        return UnitKind(unit.kind).label.lower()
    return "cấp xã"


def body_label(body: str, unit: Unit | None) -> str:
    """ "Chủ tịch UBND phường", "Đảng ủy xã"."""
    return BODY_STYLE[body]["label"].format(kind=kind_word(unit))


# The rulebook ---------------------------------------------------------------------------------


@dataclass
class KindRules:
    kind: AwardKind | None
    rules: list[Rule]


def rulebook_page(user: User, on: datetime.date | None = None) -> list[KindRules]:
    """Every title and form with its dated rows (nationwide ones and those the user's units
    set for themselves), marking the row in force today for each scope (2 queries)."""
    on = on or timezone.localdate()
    local = access.scope_q(Rule, user, Action.VIEW)
    places = Q(unit__isnull=True) if local is None else Q(unit__isnull=True) | local
    rows = list(
        Rule.objects.filter(places if local is not None else Q())
        .select_related("award_kind", "reference_kind", "unit")
        .order_by("award_kind__order", "kind", "recipient", "-effective_from", "-id")
    )
    by_scope: dict[int | None, list[Rule]] = defaultdict(list)
    for row in rows:
        if row.effective_from <= on:
            by_scope[row.unit_id].append(row)
    current = set()
    for scoped in by_scope.values():
        book = Rulebook(on=on, rows=scoped)
        for row in scoped:
            winner = book.get(row.award_kind, row.kind, row.recipient)
            if winner is not None and winner.recipient == row.recipient:
                current.add(winner.pk)
    grouped: dict[int | None, list[Rule]] = defaultdict(list)
    for row in rows:
        row.in_force = row.pk in current
        grouped[row.award_kind_id].append(row)
    kinds = list(AwardKind.objects.all())
    pages = [KindRules(kind, grouped.get(kind.pk, [])) for kind in kinds]
    pages.append(KindRules(None, grouped.get(None, [])))
    return pages


# Lists ----------------------------------------------------------------------------------------


def nominations_list(
    user: User, *, year: int | None = None, state: str = "", unit: Unit | None = None
) -> QuerySet[Nomination]:
    listing = access.restrict(
        Nomination.objects.select_related(*NOMINATION_RELATED, "ballot"), user
    )
    if year:
        listing = listing.filter(year=year)
    if state:
        listing = listing.filter(state=state)
    if unit is not None:
        listing = listing.filter(unit__path__startswith=unit.path)
    return listing.order_by("award_kind__order", "state", "id")


def registrations_list(user: User, year: int) -> QuerySet[Registration]:
    return access.restrict(
        Registration.objects.filter(year=year).select_related(
            "unit", "award_kind", "person__unit", "collective", "household_group"
        ),
        user,
    ).order_by("award_kind__order", "unit__path", "id")


def past_awards_list(user: User) -> QuerySet[PastAward]:
    return access.restrict(
        PastAward.objects.select_related(
            "unit", "award_kind", "person", "collective", "household_group"
        ),
        user,
    )


def movements_list(user: User) -> QuerySet[Movement]:
    return access.restrict(Movement.objects.select_related("unit"), user)


def clusters_list(user: User) -> QuerySet[Cluster]:
    return (
        access.restrict(Cluster.objects.select_related("unit", "leader"), user)
        .annotate(member_count=Count("members"))
        .order_by("name")
    )


@dataclass
class StateCount:
    state: str
    label: str
    count: int


def dashboard_counts(user: User, year: int) -> list[StateCount]:
    """Nominations the user can see for the year, by state (one query)."""
    counts = dict(
        access.restrict(Nomination.objects.filter(year=year), user)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    return [
        StateCount(state, label, counts.get(state, 0)) for state, label in NominationState.choices
    ]


# One nomination -------------------------------------------------------------------------------


@dataclass
class NominationPage:
    nomination: Nomination
    checks: list[Check]
    evidence: list
    ballot: Ballot | None
    award: Award | None

    @property
    def eligible(self) -> bool:
        return all(check.passed for check in self.checks)


def nomination_page(nomination: Nomination) -> NominationPage:
    ballot = Ballot.objects.filter(nomination=nomination).select_related("session").first()
    award = Award.objects.filter(nomination=nomination).select_related("decision").first()
    return NominationPage(
        nomination=nomination,
        checks=judge(nomination),
        evidence=list(nomination.evidence.all()),
        ballot=ballot,
        award=award,
    )


# The council ----------------------------------------------------------------------------------


def sessions_for(user: User) -> QuerySet[CouncilSession]:
    """Sessions the user may see: those of communes in their view, and those of the councils
    they sit on (a council member sees only the sessions of their council)."""
    condition = access.scope_q(CouncilSession, user, Action.VIEW)
    if condition is None:
        return CouncilSession.objects.select_related("commune")
    memberships = Q()
    if user.person_id:
        pairs = CouncilMember.objects.filter(person_id=user.person_id).values_list(
            "commune_id", "year"
        )
        for commune_id, year in pairs:
            memberships |= Q(commune_id=commune_id, year=year)
    if memberships:
        condition |= memberships
    return CouncilSession.objects.filter(condition).select_related("commune")


def is_council_member(user: User, session: CouncilSession) -> bool:
    return (
        bool(user.person_id)
        and CouncilMember.objects.filter(
            commune=session.commune_id, year=session.year, person_id=user.person_id
        ).exists()
    )


@dataclass
class SessionPage:
    session: CouncilSession
    members: list[CouncilMember]
    ballots: list[Ballot]
    waiting: list[Nomination]

    @property
    def passed(self) -> list[Ballot]:
        return [ballot for ballot in self.ballots if ballot.passed]

    @property
    def failed(self) -> list[Ballot]:
        return [b for b in self.ballots if b.votes_for is not None and not b.passed]


def session_page(session: CouncilSession, *, with_waiting: bool = True) -> SessionPage:
    members = list(
        CouncilMember.objects.filter(commune=session.commune, year=session.year).select_related(
            "person"
        )
    )
    ballots = list(
        session.ballots.select_related(
            *(f"nomination__{name}" for name in NOMINATION_RELATED), "nomination__award"
        )
    )
    waiting = []
    if with_waiting:
        waiting = list(
            Nomination.objects.filter(
                commune=session.commune, year=session.year, state=NominationState.SUBMITTED
            ).select_related(*NOMINATION_RELATED)
        )
    return SessionPage(session, members, ballots, waiting)


def council_members(commune: Unit, year: int) -> list[CouncilMember]:
    return list(
        CouncilMember.objects.filter(commune=commune, year=year).select_related("person__unit")
    )


# Decisions ------------------------------------------------------------------------------------


def decisions_list(user: User, year: int | None = None) -> QuerySet[AwardDecision]:
    listing = access.restrict(
        AwardDecision.objects.select_related("commune").annotate(
            awardee_count=Count("awards"), prize_total=Sum("awards__prize")
        ),
        user,
    )
    if year:
        listing = listing.filter(year=year)
    return listing


@dataclass
class DecisionPage:
    decision: AwardDecision
    awards: list[Award]
    total: int
    body_label: str
    issuer: str
    on_behalf: str
    layout: str

    @property
    def total_in_words(self) -> str:
        return amount_in_words(self.total)


def decision_page(decision: AwardDecision) -> DecisionPage:
    """A decision with its awardees, prizes and total (one query for the awards)."""
    awards = list(
        decision.awards.select_related(
            *(f"nomination__{name}" for name in NOMINATION_RELATED)
        ).order_by("order", "id")
    )
    commune = decision.commune
    style = BODY_STYLE[decision.body]
    return DecisionPage(
        decision=decision,
        awards=awards,
        total=sum(award.prize for award in awards),
        body_label=body_label(decision.body, commune),
        issuer=style["issuer"].format(kind=kind_word(commune), name=_bare_name(commune)),
        on_behalf=style["on_behalf"],
        layout=style["layout"],
    )


def _bare_name(unit: Unit) -> str:
    """ "Hòa Bình" from "Phường Hòa Bình"."""
    word = kind_word(unit)
    if unit.name.lower().startswith(word + " "):
        return unit.name[len(word) + 1 :]
    return unit.name


def awards_for(user: User, decision_ids: list[int] | None = None) -> QuerySet[Award]:
    listing = access.restrict(
        Award.objects.select_related(
            "decision__commune", *(f"nomination__{name}" for name in NOMINATION_RELATED)
        ),
        user,
    )
    if decision_ids is not None:
        listing = listing.filter(decision_id__in=decision_ids)
    return listing


# Clusters and pledges -------------------------------------------------------------------------


@dataclass
class RankRow:
    rank: int
    unit: Unit
    points: Decimal
    signed_on: datetime.date | None


@dataclass
class ClusterRanking:
    cluster: Cluster
    pledge: Pledge
    rows: list[RankRow]
    max_points: Decimal

    @property
    def cluster_name(self) -> str:
        return self.cluster.name


def _pledges(unit: Unit, year: int) -> list[Pledge]:
    return list(
        Pledge.objects.filter(year=year)
        .filter(
            Q(cluster__unit__path__startswith=unit.path)
            | Q(cluster__members=unit)
            | Q(cluster__unit__in=unit.ancestor_ids)
            & Q(cluster__members__path__startswith=unit.path)
        )
        .distinct()
        .select_related("cluster__unit", "cluster__leader")
        .order_by("cluster__name")
    )


def cluster_rankings(
    unit: Unit, year: int, pledges: list[Pledge] | None = None
) -> list[ClusterRanking]:
    """Each pledge's members ranked by their year-end points (ties share a rank); five
    queries whatever the number of clusters."""
    pledges = _pledges(unit, year) if pledges is None else pledges
    if not pledges:
        return []
    pledge_ids = [pledge.pk for pledge in pledges]
    members: dict[int, list[Unit]] = defaultdict(list)
    through = Cluster.members.through.objects.filter(
        cluster_id__in={pledge.cluster_id for pledge in pledges}
    ).select_related("unit")
    for link in through:
        members[link.cluster_id].append(link.unit)
    points = {
        (row["pledge_id"], row["unit_id"]): row["total"]
        for row in PledgeScore.objects.filter(pledge_id__in=pledge_ids)
        .values("pledge_id", "unit_id")
        .annotate(total=Sum("points"))
    }
    maxima = dict(
        Pledge.objects.filter(pk__in=pledge_ids)
        .annotate(total=Sum("criteria__max_points"))
        .values_list("pk", "total")
    )
    signed = {
        (sig.pledge_id, sig.unit_id): sig.signed_on
        for sig in PledgeSignature.objects.filter(pledge_id__in=pledge_ids)
    }
    rankings = []
    for pledge in pledges:
        rows = sorted(
            (
                (points.get((pledge.pk, member.pk), Decimal(0)), member)
                for member in members[pledge.cluster_id]
            ),
            key=lambda pair: (-pair[0], pair[1].name),
        )
        ranked, previous, rank = [], None, 0
        for position, (total, member) in enumerate(rows, start=1):
            if total != previous:
                rank, previous = position, total
            ranked.append(RankRow(rank, member, total, signed.get((pledge.pk, member.pk))))
        rankings.append(
            ClusterRanking(pledge.cluster, pledge, ranked, maxima.get(pledge.pk) or Decimal(0))
        )
    return rankings


@dataclass
class PledgeSigned:
    cluster_name: str
    cluster_kind: str
    pledge_title: str
    year: int
    first_signed_on: datetime.date
    signed_count: int
    member_count: int

    @property
    def all_signed(self) -> bool:
        return self.signed_count >= self.member_count


def pledges_signed(unit: Unit, year: int) -> list[PledgeSigned]:
    """Pledges of the year signed by at least one member, for clusters the unit organises or
    takes part in ("các cụm thi đua đã ký giao ước thi đua năm 2026"); three queries."""
    pledges = _pledges(unit, year)
    ids = [pledge.pk for pledge in pledges]
    signatures = {
        row["pledge_id"]: row
        for row in PledgeSignature.objects.filter(pledge_id__in=ids)
        .values("pledge_id")
        .annotate(n=Count("id"), first=Min("signed_on"))
    }
    sizes = dict(
        Cluster.objects.filter(pk__in={p.cluster_id for p in pledges})
        .annotate(n=Count("members"))
        .values_list("pk", "n")
    )
    found = []
    for pledge in pledges:
        row = signatures.get(pledge.pk)
        if not row:
            continue
        found.append(
            PledgeSigned(
                cluster_name=pledge.cluster.name,
                cluster_kind=pledge.cluster.get_kind_display(),
                pledge_title=pledge.title,
                year=year,
                first_signed_on=row["first"],
                signed_count=row["n"],
                member_count=sizes.get(pledge.cluster_id, 0),
            )
        )
    return found


# Statistics -----------------------------------------------------------------------------------


@dataclass
class StatRow:
    awarding_body_label: str
    form_label: str
    collectives: int = 0
    individuals: int = 0
    households: int = 0
    prize_total: int = 0
    body: str = ""
    category: str = ""
    phrase: str = ""
    order: int = 0

    @property
    def total(self) -> int:
        return self.collectives + self.individuals + self.households


@dataclass
class TitleRow:
    title_label: str
    count: int


@dataclass
class CommendationStatistics:
    unit: Unit
    year: int
    rows: list[StatRow] = field(default_factory=list)
    titles: list[TitleRow] = field(default_factory=list)
    cluster_rankings: list[ClusterRanking] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    has_data: bool = False

    @property
    def prize_total(self) -> int:
        return sum(row.prize_total for row in self.rows)


BODY_ORDER = [AwardingBody.PARTY_COMMITTEE, AwardingBody.CHAIRMAN, AwardingBody.PROVINCE_CHAIRMAN]


def counts_phrase(collectives: int, individuals: int, households: int) -> str:
    """ "21 tập thể, 57 cá nhân, 3 hộ gia đình" (zeros left out)."""
    parts = [
        f"{format_number(count)} {word}"
        for count, word in (
            (collectives, "tập thể"),
            (individuals, "cá nhân"),
            (households, "hộ gia đình"),
        )
        if count
    ]
    return ", ".join(parts)


def _sentences(rows: list[StatRow]) -> list[str]:
    """Sentences as articles write them, built only from decided awards:
    "Đảng ủy phường khen thưởng 5 tập thể, 40 cá nhân.",
    "Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân.",
    "Chủ tịch UBND phường công nhận danh hiệu “Lao động tiên tiến” cho 40 cá nhân."."""
    sentences = []
    for body in BODY_ORDER:
        mine = [row for row in rows if row.body == body]
        if not mine:
            continue
        label = mine[0].awarding_body_label
        forms: dict[str, list[int]] = {}
        for row in mine:
            if row.category == Category.FORM:
                counts = forms.setdefault(row.phrase, [0, 0, 0])
                counts[0] += row.collectives
                counts[1] += row.individuals
                counts[2] += row.households
        for phrase, counts in forms.items():
            verb = BODY_STYLE[body]["verb_form"].format(form=phrase)
            sentences.append(f"{label} {verb} {counts_phrase(*counts)}.")
        titles = [
            f"“{row.form_label}” cho "
            f"{counts_phrase(row.collectives, row.individuals, row.households)}"
            for row in mine
            if row.category == Category.TITLE
        ]
        if titles:
            sentences.append(f"{label} công nhận danh hiệu {'; '.join(titles)}.")
    return sentences


def commendation_statistics(unit: Unit, year: int) -> CommendationStatistics:
    """The year's commendations decided for a unit (a commune, or a province over its
    communes), in the words articles use, with titles and cluster rankings."""
    grouped = (
        Award.objects.filter(decision__commune__path__startswith=unit.path, nomination__year=year)
        .values("decision__body", "nomination__award_kind", "nomination__recipient")
        .annotate(n=Count("id"), prize=Sum("prize"))
        .order_by()
    )
    kinds = {kind.pk: kind for kind in AwardKind.objects.all()}
    table: dict[tuple[str, int], StatRow] = {}
    for row in grouped:
        kind = kinds[row["nomination__award_kind"]]
        key = (row["decision__body"], kind.pk)
        stat = table.get(key)
        if stat is None:
            stat = table[key] = StatRow(
                awarding_body_label=body_label(row["decision__body"], unit),
                form_label=kind.phrase[:1].upper() + kind.phrase[1:],
                body=row["decision__body"],
                category=kind.category,
                phrase=kind.phrase,
                order=kind.order,
            )
        recipient = row["nomination__recipient"]
        if recipient == Recipient.COLLECTIVE:
            stat.collectives += row["n"]
        elif recipient == Recipient.HOUSEHOLD:
            stat.households += row["n"]
        else:
            stat.individuals += row["n"]
        stat.prize_total += row["prize"] or 0
    rows = sorted(
        table.values(),
        key=lambda r: (BODY_ORDER.index(r.body), r.category != Category.FORM, r.order),
    )
    titles = [
        TitleRow(title_label=row.form_label, count=row.total)
        for row in rows
        if row.category == Category.TITLE
    ]
    rankings = cluster_rankings(unit, year)
    return CommendationStatistics(
        unit=unit,
        year=year,
        rows=rows,
        titles=titles,
        cluster_rankings=rankings,
        sentences=_sentences(rows),
        has_data=bool(rows),
    )


def statistics_xlsx(stats: CommendationStatistics) -> bytes:
    """The statistics as a workbook: commendations by body and form, titles, rankings."""
    caption = f"Khen thưởng năm {stats.year} – {stats.unit.name}"
    sheets = [
        Sheet(
            title="Khen thưởng",
            caption=caption,
            headers=[
                "Cấp khen thưởng",
                "Danh hiệu, hình thức",
                "Tập thể",
                "Cá nhân",
                "Hộ gia đình",
                "Tiền thưởng (đồng)",
            ],
            rows=[
                [
                    row.awarding_body_label,
                    row.form_label,
                    row.collectives,
                    row.individuals,
                    row.households,
                    row.prize_total,
                ]
                for row in stats.rows
            ],
            number_formats={5: "#,##0"},
        ),
        Sheet(
            title="Danh hiệu",
            caption=caption,
            headers=["Danh hiệu", "Số lượng"],
            rows=[[row.title_label, row.count] for row in stats.titles],
        ),
        Sheet(
            title="Xếp hạng cụm, khối",
            caption=caption,
            headers=["Cụm, khối", "Hạng", "Đơn vị", "Điểm", "Điểm tối đa"],
            rows=[
                [ranking.cluster_name, row.rank, row.unit.name, row.points, ranking.max_points]
                for ranking in stats.cluster_rankings
                for row in ranking.rows
            ],
        ),
        Sheet(title="Câu tổng hợp", headers=["Nội dung"], rows=[[s] for s in stats.sentences]),
    ]
    return write_xlsx(sheets)


def decision_grounds(decision: AwardDecision) -> list[str]:
    """The legal documents a decision rests on, from the rulebook rows in force on its date
    for its titles and forms (the body's power, the prize coefficient, the base salary)."""
    book = Rulebook.load(decision.commune, decision.signed_on)
    kinds = AwardKind.objects.filter(
        pk__in=decision.awards.values("nomination__award_kind")
    ).order_by("order")
    documents: list[str] = []
    rules = [
        book.get(kind, kind_rule)
        for kind in kinds
        for kind_rule in ("awarding_body", "prize_coefficient")
    ]
    rules.append(book.base_salary())
    for rule in rules:
        if rule is not None and rule.citation_document not in documents:
            documents.append(rule.citation_document)
    return documents


def certificate_salutation(award: Award) -> str:
    """ "Bà Nguyễn Thị Hà", "Ông Lê Văn Tư", a collective's name, "Hộ gia đình ông/bà ..."."""
    nomination = award.nomination
    if nomination.recipient == Recipient.INDIVIDUAL:
        prefix = {"male": "Ông", "female": "Bà"}.get(nomination.person.gender, "Ông/Bà")
        return f"{prefix} {nomination.person.full_name}"
    return nomination.nominee_name
