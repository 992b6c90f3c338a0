"""How the report and the article put the data into words: place names, indicator phrases
("tổng thu ngân sách ... ước thực hiện 12,4 tỷ đồng, bằng 104% kế hoạch"), plan phrases,
the summary of verdicts, what could not be measured, signed pledges. Pure functions of the
rows in ReportData (data.py); both documents use the same ones so they say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from tongket.emulation.selectors import PledgeSigned
from tongket.targets.achievement import DAT, KHONG_DAT, MISSING_PLAN, MISSING_RESULT, VUOT
from tongket.targets.selectors import AchievementRow, PlanRow
from tongket.units.models import Unit

if TYPE_CHECKING:
    from .data import ReportData

COMMUNE_PREFIXES = ("Phường ", "Xã ", "Đặc khu ", "Thị trấn ")


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


def pledge_sentence(pledge: PledgeSigned) -> str:
    """ "Cụm thi đua số 1 ký giao ước “…” (4/5 đơn vị đã ký)"."""
    if not (pledge.cluster_name and pledge.pledge_title):
        return str(pledge)
    text = f"{pledge.cluster_name} ký giao ước “{pledge.pledge_title}”"
    if pledge.signed_count is not None and pledge.member_count:
        text += f" ({pledge.signed_count}/{pledge.member_count} đơn vị đã ký)"
    return text


def achievement_phrase(row: AchievementRow) -> str:
    """One indicator as a signed report writes it, from its figures only: "tổng thu ngân sách
    nhà nước ước thực hiện 12,4 tỷ đồng, bằng 104% kế hoạch giao". An indicator without a
    result has no sentence ("": the caller leaves it out) and one without a plan is stated by
    its figure alone: a document never says anything about data entry (the officer's screen
    lists what is missing, see summary_sentence)."""
    name = lower_first(row.indicator_name)
    if getattr(row, "percent_only", False):
        return _("%(name)s đạt %(percent)s kế hoạch") % {"name": name, "percent": row.percent_text}
    if row.result is None:
        return ""
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
    elif row.plan is not None and row.verdict in (VUOT, DAT, KHONG_DAT):
        phrase += _(" (kế hoạch %(plan)s, %(verdict)s)") % {
            "plan": row.plan_text,
            "verdict": row.verdict_label.lower(),
        }
    return phrase


def summary_sentence(data: ReportData) -> str:
    """For the officer's screen only (never a document or an article): how many indicators
    exceeded, met, missed their plan, and how many lack figures or a plan."""
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
