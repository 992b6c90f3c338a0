"""The year's commendations for a unit, counted by awarding body and form and put in the
words articles use ("Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân."), with
the titles and the cluster rankings; and the same as a workbook."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Sum

from tongket.lib.numbers import format_number
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.models import Unit

from ..choices import BODY_STYLE, AwardingBody, Category, Recipient
from ..models import Award, AwardKind, AwardRecord
from .common import body_label
from .movements import ClusterRanking, cluster_rankings
from .records import BY_COUNT, record_body_label, record_sentences


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
    by_count: bool = False

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
    received_sentences: list[str] = field(default_factory=list)
    given: tuple[int, int, int] = (0, 0, 0)

    @property
    def prize_total(self) -> int:
        return sum(row.prize_total for row in self.rows)

    @property
    def given_phrase(self) -> str:
        """ "26 tập thể, 71 cá nhân": everything the commune's own bodies awarded."""
        return counts_phrase(*self.given)


BODY_ORDER = [
    AwardingBody.PARTY_COMMITTEE,
    AwardingBody.CHAIRMAN,
    AwardingBody.DISTRICT_CHAIRMAN,
    AwardingBody.PROVINCE_CHAIRMAN,
]


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


def _decision_rows(unit: Unit, year: int, decision_ids: list[int] | None) -> list[StatRow]:
    """Awards of tongket's own decisions, by body and form (two queries)."""
    awards = Award.objects.filter(
        decision__commune__path__startswith=unit.path, nomination__year=year
    )
    if decision_ids is not None:
        awards = awards.filter(decision_id__in=decision_ids)
    grouped = (
        awards.values("decision__body", "nomination__award_kind", "nomination__recipient")
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
    return sorted(
        table.values(),
        key=lambda r: (BODY_ORDER.index(r.body), r.category != Category.FORM, r.order),
    )


def _record_rows(unit: Unit, records: list[AwardRecord]) -> list[StatRow]:
    """Awards recorded by count, one row each, marked so in the form's label."""
    return [
        StatRow(
            awarding_body_label=record_body_label(record, unit),
            form_label=f"{record.form_phrase[:1].upper()}{record.form_phrase[1:]} ({BY_COUNT})",
            collectives=record.collectives + (1 if record.commune_itself else 0),
            individuals=record.individuals,
            households=record.households,
            body=record.body,
            category=Category.TITLE if record.is_title else Category.FORM,
            phrase=record.form_phrase,
            order=record.award_kind.order if record.award_kind_id else 999,
            by_count=True,
        )
        for record in records
    ]


def _given(rows: list[StatRow], records: list[AwardRecord]) -> tuple[int, int, int]:
    """What the commune's own bodies awarded: its decisions (not the province chairman's)
    and its records by count (not those from above)."""
    above = (AwardingBody.PROVINCE_CHAIRMAN, AwardingBody.DISTRICT_CHAIRMAN)
    own = [row for row in rows if not row.by_count and row.body not in above]
    mine = [record for record in records if not record.is_received]
    return (
        sum(r.collectives for r in own) + sum(r.collectives for r in mine),
        sum(r.individuals for r in own) + sum(r.individuals for r in mine),
        sum(r.households for r in own) + sum(r.households for r in mine),
    )


def commendation_statistics(
    unit: Unit,
    year: int,
    *,
    decision_ids: list[int] | None = None,
    record_ids: list[int] | None = None,
    with_rankings: bool = True,
) -> CommendationStatistics:
    """The year's commendations for a unit (a commune, or a province over its communes), in
    the words articles use, with titles and cluster rankings: tongket's own decisions and
    the awards recorded by count. Given `decision_ids` and `record_ids` (a conference's), only
    those are counted."""
    rows = _decision_rows(unit, year, decision_ids)
    records_query = AwardRecord.objects.filter(
        commune__path__startswith=unit.path, year=year
    ).select_related("award_kind", "commune")
    if record_ids is not None:
        records_query = records_query.filter(pk__in=record_ids)
    records = list(records_query.order_by("signed_on", "pk"))
    record_rows = _record_rows(unit, records)
    given_records = [record for record in records if not record.is_received]
    received = [record for record in records if record.is_received]
    all_rows = rows + record_rows
    titles = [
        TitleRow(title_label=row.form_label, count=row.total)
        for row in all_rows
        if row.category == Category.TITLE
    ]
    return CommendationStatistics(
        unit=unit,
        year=year,
        rows=all_rows,
        titles=titles,
        cluster_rankings=cluster_rankings(unit, year) if with_rankings else [],
        sentences=record_sentences(given_records, unit) + _sentences(rows),
        has_data=bool(all_rows),
        received_sentences=record_sentences(received, unit),
        given=_given(rows, records),
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
