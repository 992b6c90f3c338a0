"""From the reader's Fact to what the review screen prefills: a ProposedFact (unsaved) with
its indicator, its value in the indicator's unit, its period, an award's body and counts,
and, when the fact should not be saved as it stands, the reason it starts as "Bỏ".

Nothing here guesses a number: a value is only the fact's own number, rescaled to the
indicator's unit ("12,4 tỷ đồng" → 12,4 for an indicator in tỷ đồng, 12.400 for one in
triệu đồng); a number with wrong separators is shown with the reader's message and no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from tongket.emulation.choices import RecordBody
from tongket.lib import facts as reader
from tongket.lib.numbers import format_number
from tongket.lib.text import fold
from tongket.targets.choices import Period, Qualifier, ValueKind
from tongket.targets.models import IndicatorVersion
from tongket.units.models import Unit

from .. import labels
from ..choices import Decision, FactKind, FactStatus
from ..models import ProposedFact

_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
_PERIODS = {"year": Period.YEAR, "h1": Period.H1, "q1": Period.Q1, "q2": Period.Q2}
_PERIODS |= {"q3": Period.Q3, "q4": Period.Q4}
_QUALIFIERS = {fold(str(label)): value for value, label in Qualifier.choices if value}
_UNIT_WORDS = re.compile(r"^(?:xa|phuong|dac khu|thi tran|to dan pho|thon)\s+")


@dataclass
class Context:
    """What the proposals of one document share."""

    unit: Unit
    year: int
    period: str
    versions: dict[str, IndicatorVersion]  # by indicator code
    commune: Unit | None
    matcher: reader.IndicatorMatcher
    recorded: dict[tuple, str] = field(default_factory=dict)  # awards already recorded


def unit_scale(unit: str) -> int:
    """The power of ten a unit's first word means: "tỷ đồng" → 9, "tấn" → 0."""
    first = (unit or "").strip().lower().split(" ", 1)[0]
    return _SCALES.get(first, 0)


def plain(value: Decimal | None) -> str | None:
    """ "150", "12.4": a Decimal as plain digits (never "1.5E+2")."""
    return None if value is None else format(value.normalize(), "f")


def _quantized(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def same_unit(name: str | None, unit: Unit) -> bool:
    """Whether a unit named in the text ("phường Hòa Bình", "Hòa Bình") is `unit`."""
    if not name:
        return True
    said, own = _UNIT_WORDS.sub("", fold(name)), _UNIT_WORDS.sub("", fold(unit.name))
    return said == own or own.endswith(" " + said) or said.endswith(" " + own)


def _period_of(fact: reader.Fact, ctx: Context) -> tuple[int, str | None]:
    period = fact.period
    if period is None or period.year is None:
        return ctx.year, ctx.period
    return period.year, _PERIODS.get(period.part)


def _figures(fact: reader.Fact, version: IndicatorVersion) -> tuple[dict, str]:
    """(value, numerator, denominator, percent_of_plan) in the indicator's unit, and a note
    when the text's figure does not fit the indicator as written."""
    if fact.value is None:
        pct = fact.pct_of_plan
        return {"percent_of_plan": plain(pct)}, "" if pct is not None else _("Không có số.")
    if version.value_kind == ValueKind.RATIO:
        if fact.denominator is None:
            return {}, _("Chỉ tiêu “%(name)s” cần tử số và mẫu số; văn bản chỉ nêu một số.") % {
                "name": version.name
            }
        return {"numerator": plain(fact.amount), "denominator": plain(fact.denominator)}, ""
    if fact.denominator is not None and version.value_kind == ValueKind.PERCENT:
        return {}, _("Văn bản nêu tỷ số %(a)s/%(b)s, chỉ tiêu tính bằng %%.") % {
            "a": format_number(fact.amount),
            "b": format_number(fact.denominator),
        }
    amount = fact.amount if fact.denominator is not None else fact.value
    value = amount / Decimal(10) ** unit_scale(version.unit_of_measure)
    rounded = _quantized(value, version.decimals)
    note = ""
    if rounded != value:
        note = _("Đã làm tròn %(raw)s thành %(value)s theo số chữ số thập phân của chỉ tiêu.") % {
            "raw": format_number(value),
            "value": format_number(rounded),
        }
    return {"value": plain(rounded)}, note


def _written(fact: reader.Fact, text: str) -> str:
    """The figure as the text writes it: "ước thực hiện 12,4 tỷ đồng"."""
    if not fact.numbers:
        return ""
    first = fact.numbers[0]
    tail = "" if not fact.unit else (fact.unit if fact.unit.startswith("%") else f" {fact.unit}")
    if fact.denominator is not None and len(fact.numbers) > 1:
        return f"{first.text}/{fact.numbers[1].text}{tail}"
    return f"{first.text}{tail}"


def _match(fact: reader.Fact, ctx: Context) -> str | None:
    if fact.kind == reader.FactKind.PROBLEM:
        found = ctx.matcher.match(fact.subject, unit=fact.unit) if fact.subject else None
        return found.code if found else None
    if fact.kind != reader.FactKind.PARTY_FIGURE:
        return fact.code
    phrase = labels.party_phrase(fact.fields)
    found = ctx.matcher.match(phrase, kind="count") if phrase else None
    return found.code if found else None


def result_proposal(fact: reader.Fact, ctx: Context, text: str) -> tuple[dict, str | None, str]:
    """(proposal, indicator code, reason to start as "Bỏ") of a figure."""
    code = _match(fact, ctx)
    version = ctx.versions.get(code or "")
    year, period = _period_of(fact, ctx)
    proposal = {
        "written": _written(fact, text),
        "qualifier": _QUALIFIERS.get(fold(fact.qualifier), ""),
        "is_estimate": fact.estimate,
        "year": year,
        "period": period or ctx.period,
        "pct_of_plan": plain(fact.pct_of_plan),
        "unit_name": fact.unit_name or "",
        "note": "",
    }
    reasons = []
    if fact.problem:
        reasons.append(fact.problem)
    elif version is None:
        reasons.append(_("Chưa khớp chỉ tiêu nào của đơn vị: hãy chọn chỉ tiêu."))
    else:
        figures, proposal["note"] = _figures(fact, version)
        proposal.update(figures)
        if proposal["note"] and not figures:
            reasons.append(proposal["note"])
    if not same_unit(fact.unit_name, ctx.unit):
        reasons.append(
            _("Số liệu của %(name)s, không phải của đơn vị này.") % {"name": fact.unit_name}
        )
    if period is None:
        reasons.append(_("Số liệu của kỳ khác (%(key)s).") % {"key": fact.period.key})
    elif (year, period) != (ctx.year, ctx.period):
        reasons.append(
            _("Số liệu của %(period)s năm %(year)s, khác kỳ đã chọn.")
            % {"period": Period(period).label.lower(), "year": year}
        )
    return proposal, (version.indicator.code if version else None), " ".join(reasons)


_BODIES = (
    (r"tinh uy|ban thuong vu tinh", RecordBody.PROVINCE_PARTY),
    (r"chu tich (?:ubnd|uy ban nhan dan) tinh", RecordBody.PROVINCE_CHAIRMAN),
    (r"(?:ubnd|uy ban nhan dan) tinh", RecordBody.PROVINCE_PEOPLE_COMMITTEE),
    (r"(?:ubnd|uy ban nhan dan) (?:huyen|quan|thi xa)", RecordBody.DISTRICT),
    (r"^chu tich (?:ubnd|uy ban nhan dan)", RecordBody.CHAIRMAN),
    (r"^(?:ubnd|uy ban nhan dan)", RecordBody.PEOPLE_COMMITTEE),
    (r"^dang uy.*chinh quyen|^dang bo.*chinh quyen", RecordBody.JOINT),
    (r"^dang uy|^ban thuong vu dang uy", RecordBody.PARTY_COMMITTEE),
)


def award_body(said: str) -> tuple[str, str]:
    """(RecordBody, body name for "other") for the awarding body as written; ("", "") when
    the text names none."""
    folded = fold(said)
    if not folded:
        return "", ""
    for pattern, body in _BODIES:
        if re.search(pattern, folded):
            return body, ""
    return RecordBody.OTHER, said


def award_proposal(fact: reader.Fact, ctx: Context) -> tuple[dict, str]:
    fields = fact.fields
    body, body_name = award_body(fields.get("body", ""))
    counts = {key: plain(fields.get(key)) for key in ("collectives", "individuals", "households")}
    proposal = {
        "body_written": fields.get("body", ""),
        "body": body,
        "body_name": body_name,
        "form_name": fields.get("form", ""),
        **counts,
        "total": plain(fields.get("total")),
        "year": ctx.year,
    }
    reasons = []
    if ctx.commune is None:
        reasons.append(_("Khen thưởng theo số lượng chỉ ghi cho xã, phường, đặc khu."))
    key = (
        body,
        *(int(Decimal(counts[k] or 0)) for k in ("collectives", "individuals", "households")),
    )
    if key in ctx.recorded:
        reasons.append(
            _("Đã ghi quyết định số %(number)s cùng cấp khen thưởng và số lượng.")
            % {"number": ctx.recorded[key]}
        )
    if not any(counts.values()):
        reasons.append(
            _("Văn bản không nêu số tập thể, cá nhân riêng: hãy ghi số trước khi lưu.")
            if proposal["total"]
            else _("Văn bản không nêu số lượng được khen.")
        )
    return proposal, " ".join(reasons)


def proposed_fact(fact: reader.Fact, ctx: Context, text: str, position: int) -> ProposedFact:
    kind = FactKind(str(fact.kind))
    subject = fact.subject or ""
    if kind == FactKind.PARTY_FIGURE:
        subject = labels.party_subject(fact.fields)
    row = ProposedFact(
        position=position,
        kind=kind,
        subject=" ".join(subject.split())[:300],
        sentence_start=fact.sentence.start,
        sentence_end=fact.sentence.end,
        numbers=[[ref.span.start, ref.span.end] for ref in fact.numbers]
        or [[fact.span.start, fact.span.end]],
        problem=(fact.problem or "")[:500],
    )
    if kind in (FactKind.INDICATOR_VALUE, FactKind.PARTY_FIGURE, FactKind.PROBLEM):
        proposal, code, reason = result_proposal(fact, ctx, text)
        row.indicator = ctx.versions[code].indicator if code else None
    elif kind == FactKind.AWARD_COUNT:
        proposal, reason = award_proposal(fact, ctx)
    else:
        subject, values = labels.info(row.subject, fact.fields)
        row.subject = " ".join(subject.split())[:300]
        proposal, reason = {"shown": values}, ""
        row.status = FactStatus.INFO
    if row.status != FactStatus.INFO:
        proposal["decision"] = Decision.REJECT if reason else Decision.SAVE
    proposal["reason"] = reason
    row.proposal = proposal
    return row
