"""What the review report and the article say, read once from the other modules' selectors:
the conference, the indicators against plan, next year's plans, commendations and pledges.

Both documents are written from the same ReportData so they never disagree on a figure.
When something is missing the data says so (status, empty lists), never a made-up value.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from tongket.conferences.choices import ConferenceKind, Organisers
from tongket.conferences.models import Conference
from tongket.targets import selectors as targets
from tongket.targets.achievement import (
    DAT,
    KHONG_DAT,
    MISSING_PLAN,
    MISSING_RESULT,
    VUOT,
)
from tongket.targets.selectors import AchievementRow, PlanRow
from tongket.units.models import Unit
from tongket.units.selectors import titles_on

COMMUNE_PREFIXES = ("Phường ", "Xã ", "Đặc khu ", "Thị trấn ")

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


def place_name(unit: Unit) -> str:
    """ "Phường Hòa Bình" → "Hòa Bình", as the place line of a document writes it."""
    for prefix in COMMUNE_PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def lower_first(text: str) -> str:
    """ "Phường Hòa Bình" → "phường Hòa Bình"; keeps acronyms such as "UBND" intact."""
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def _optional(module: str, name: str):
    """A function of a module built by another team, or None while it does not exist."""
    if importlib.util.find_spec(module) is None:
        return None
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


@dataclass
class Commendations:
    has_data: bool
    sentences: list[str]
    rows: list[Any] = field(default_factory=list)
    titles: list[Any] = field(default_factory=list)
    available: bool = True


@dataclass
class Participant:
    name: str
    title: str

    def __str__(self) -> str:
        return f"đồng chí {self.name}, {self.title}" if self.title else f"đồng chí {self.name}"


@dataclass
class ReportData:
    conference: Conference
    commune: Unit
    province: Unit | None
    layout: str
    period: str
    achievements: list[AchievementRow]
    next_plans: list[PlanRow]
    commendations: Commendations
    pledges: list[str]
    guests: list[Participant]
    chair: Participant | None
    signer: Participant | None

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
        groups: dict[str, list[AchievementRow]] = {}
        labels: dict[str, str] = {}
        for row in self.achievements:
            groups.setdefault(row.group, []).append(row)
            labels[row.group] = row.group_label
        return [(labels[key], rows) for key, rows in groups.items()]

    @property
    def plan_groups(self) -> list[tuple[str, list[PlanRow]]]:
        groups: dict[str, list[PlanRow]] = {}
        labels: dict[str, str] = {}
        for row in self.next_plans:
            groups.setdefault(row.group, []).append(row)
            labels[row.group] = row.group_label
        return [(labels[key], rows) for key, rows in groups.items()]

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


def report_layout(conference: Conference, layout: str | None = None) -> str:
    """The layout asked for, else the organiser's: a Đảng ủy conference gets a party report,
    UBND (or both together) a state report."""
    if layout in ("state", "party"):
        return layout
    return "party" if conference.organisers == Organisers.PARTY else "state"


def _commendations(commune: Unit, year: int) -> Commendations:
    reader = _optional("tongket.emulation.selectors", "commendation_statistics")
    if reader is None:
        return Commendations(has_data=False, sentences=[], available=False)
    stats = reader(commune, year)
    return Commendations(
        has_data=bool(getattr(stats, "has_data", False)),
        sentences=[str(sentence) for sentence in getattr(stats, "sentences", []) or []],
        rows=list(getattr(stats, "rows", []) or []),
        titles=list(getattr(stats, "titles", []) or []),
    )


def _pledge_text(pledge) -> str:
    cluster = getattr(pledge, "cluster_name", "")
    title = getattr(pledge, "pledge_title", "")
    if not (cluster and title):
        return str(pledge)
    text = f"{cluster} ký giao ước “{title}”"
    signed, members = getattr(pledge, "signed_count", None), getattr(pledge, "member_count", None)
    if signed is not None and members:
        text += f" ({signed}/{members} đơn vị đã ký)"
    return text


def _pledges(conference: Conference) -> list[str]:
    """Pledges entered on the conference, then those the emulation module records as signed
    for the year the conference launches (the next year)."""
    pledges = list(conference.pledge_items)
    reader = _optional("tongket.emulation.selectors", "pledges_signed")
    if reader is not None:
        for pledge in reader(conference.unit, conference.year + 1) or []:
            text = _pledge_text(pledge)
            if text and text not in pledges:
                pledges.append(text)
    return pledges


def report_data(conference: Conference, layout: str | None = None) -> ReportData:
    """Everything both documents need, in a fixed number of queries whatever the number of
    indicators, guests or photos. `conference` should come from
    tongket.conferences.selectors.conference_queryset() (guests prefetched)."""
    commune = conference.unit
    province = commune.parent
    period = "h1" if conference.kind == ConferenceKind.HALF_YEAR_REVIEW else "year"
    guests = list(conference.guests.all())
    people = [conference.chair_id, conference.signer_id]
    titles = titles_on([pk for pk in people if pk], conference.date)

    def participant(person) -> Participant | None:
        if person is None:
            return None
        return Participant(person.full_name, titles.get(person.pk, ""))

    return ReportData(
        conference=conference,
        commune=commune,
        province=province,
        layout=report_layout(conference, layout),
        period=period,
        achievements=targets.unit_year_achievements(commune, conference.year, period=period),
        next_plans=targets.unit_year_plans(commune, conference.year + 1),
        commendations=_commendations(commune, conference.year),
        pledges=_pledges(conference),
        guests=[Participant(guest.person.full_name, guest.title) for guest in guests],
        chair=participant(conference.chair),
        signer=participant(conference.signer),
    )


# Sentences written from the data ----------------------------------------------------------


def achievement_phrase(row: AchievementRow) -> str:
    """One indicator as a report sentence writes it, from its figures only:
    "tổng thu ngân sách nhà nước ước thực hiện 12,4 tỷ đồng, bằng 104% kế hoạch giao"."""
    name = lower_first(row.indicator_name)
    if row.result is None:
        if row.plan is None:
            return _("%(name)s: chưa giao kế hoạch, chưa có số liệu") % {"name": name}
        return _("%(name)s: chưa có số liệu (kế hoạch %(plan)s)") % {
            "name": name,
            "plan": row.plan_text,
        }
    value = row.result_text
    if row.direction == "lower" and row.previous is not None and row.result < row.previous:
        verb = _("giảm còn")
    elif row.is_estimate:
        verb = _("ước thực hiện")
    else:
        verb = _("đạt")
    phrase = f"{name} {verb} {value}"
    if row.direction == "lower" and row.plan is not None and row.verdict:
        # For lower-is-better a "% of plan" reads wrongly in prose; say plan and verdict.
        phrase += _(" (kế hoạch %(plan)s, %(verdict)s)") % {
            "plan": row.plan_text,
            "verdict": row.verdict_label.lower(),
        }
    elif row.percent_of_plan is not None:
        phrase += _(", bằng %(percent)s kế hoạch") % {"percent": row.percent_text}
    elif row.plan is None:
        phrase += _(" (chưa giao kế hoạch)")
    elif row.verdict in (VUOT, DAT, KHONG_DAT):
        phrase += _(" (kế hoạch %(plan)s, %(verdict)s)") % {
            "plan": row.plan_text,
            "verdict": row.verdict_label.lower(),
        }
    return phrase


def summary_sentence(data: ReportData) -> str:
    """How many indicators exceeded, met, missed their plan, and how many lack figures."""
    total = len(data.achievements)
    if total == 0:
        return _("Chưa có chỉ tiêu nào được giao theo dõi trong năm %(year)s.") % {
            "year": data.year
        }
    if not data.with_result:
        return _(
            "Chưa có số liệu thực hiện của chỉ tiêu nào trong %(total)s chỉ tiêu năm %(year)s, "
            "nên chưa đánh giá được kết quả so với kế hoạch."
        ) % {"total": total, "year": data.year}
    parts = [
        _("Năm %(year)s, có %(ok)s/%(total)s chỉ tiêu đạt và vượt kế hoạch")
        % {"year": data.year, "ok": data.count(VUOT) + data.count(DAT), "total": total}
    ]
    parts[0] += _(" (vượt: %(over)s, đạt: %(met)s)") % {
        "over": data.count(VUOT),
        "met": data.count(DAT),
    }
    parts.append(_("%(n)s chỉ tiêu không đạt") % {"n": data.count(KHONG_DAT)})
    missing_result = sum(1 for row in data.achievements if row.status == MISSING_RESULT)
    missing_plan = len(data.without_plan)
    if missing_result:
        parts.append(_("%(n)s chỉ tiêu chưa có số liệu") % {"n": missing_result})
    if missing_plan:
        parts.append(_("%(n)s chỉ tiêu chưa giao kế hoạch") % {"n": missing_plan})
    return "; ".join(parts) + "."


def missing_sentences(data: ReportData) -> list[str]:
    """Plain statements of what the report could not measure, by indicator name."""
    sentences = []
    no_result = [row for row in data.achievements if row.status == MISSING_RESULT]
    no_plan = [row for row in data.achievements if row.status == MISSING_PLAN]
    if no_result:
        sentences.append(
            _("Chưa có số liệu thực hiện: %(names)s.")
            % {"names": "; ".join(row.indicator_name for row in no_result)}
        )
    if no_plan:
        sentences.append(
            _("Chưa giao kế hoạch: %(names)s.")
            % {"names": "; ".join(row.indicator_name for row in no_plan)}
        )
    return sentences


def plan_phrase(row: PlanRow) -> str:
    name = lower_first(row.indicator_name)
    if row.plan is None:
        return _("%(name)s: chưa giao kế hoạch") % {"name": name}
    return f"{name} {row.plan_text}"


def verdict_text(row: AchievementRow) -> str:
    if row.verdict:
        return row.verdict_label
    return row.status_label
