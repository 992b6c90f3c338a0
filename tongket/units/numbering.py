"""The number books of a unit's bodies (sổ đăng ký văn bản đi). Every document tongket issues
takes its number here, so the UBND's and the Đảng ủy's sequences never mix and a number is
never given twice.

State bodies (UBND, HĐND) number per calendar year (NĐ 30/2020, Điều 15: from 01 on 1 January
to 31 December). Party bodies number per committee term (HD 36-HD/VPTW), falling back to the
calendar year while no term is recorded for the date. Each document type keeps its own series.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from . import access, audit
from .choices import PARTY_BODIES, Action, Side, number_label
from .models import BodyTerm, IssuedNumber, Unit, User


@dataclass(frozen=True)
class Period:
    """The span a number sequence runs over: a year, or a committee term."""

    key: str
    label: str
    term: BodyTerm | None = None


def term_on(unit: Unit, body: str, on: datetime.date) -> BodyTerm | None:
    """The body's term covering a date, or None (one query)."""
    return (
        BodyTerm.objects.filter(unit=unit, body=body, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .order_by("-start_date")
        .first()
    )


def numbering_period(unit: Unit, body: str, on: datetime.date) -> Period:
    if body in PARTY_BODIES:
        term = term_on(unit, body, on)
        if term is not None:
            return Period(f"term-{term.pk}", _("nhiệm kỳ %(name)s") % {"name": term.name}, term)
    return Period(str(on.year), _("năm %(year)s") % {"year": on.year})


def next_number(unit: Unit, body: str, doc_type: str, on: datetime.date) -> int:
    """The next free number of the series in force on a date."""
    period = numbering_period(unit, body, on)
    used = IssuedNumber.objects.filter(
        unit=unit, body=body, doc_type=doc_type, period=period.key
    ).aggregate(top=Max("number"))["top"]
    return (used or 0) + 1


@transaction.atomic
def number_take(
    *,
    unit: Unit,
    body: str,
    doc_type: str,
    on: datetime.date,
    by: User,
    number: int | None = None,
    subject: str = "",
    ref: str = "",
    side: str = Side.STATE,
    action: str = Action.EDIT,
) -> IssuedNumber:
    """Take a number for a document issued on a date: the next free one, or the one the
    officer typed (refused, naming the next free number, when it is already used). Two people
    taking the same number at once: the database refuses the second (409, nothing saved).
    `side` says whose grants allow it: the party module numbers with the party office's;
    `action` is the right the caller's document needs (a leader approves a decision)."""
    access.require(by, action, unit, side)
    period = numbering_period(unit, body, on)
    if number is None:
        number = next_number(unit, body, doc_type, on)
    elif number < 1:
        raise ValidationError({"number": _("Số văn bản phải là số nguyên dương.")})
    clash = IssuedNumber.objects.filter(
        unit=unit, body=body, doc_type=doc_type, period=period.key, number=number
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "number": _(
                    "Số %(label)s đã cấp ngày %(day)s (%(subject)s) trong %(period)s. "
                    "Số tiếp theo còn trống: %(next)s."
                )
                % {
                    "label": number_label(number, doc_type, body),
                    "day": clash.issued_on.strftime("%d/%m/%Y"),
                    "subject": clash.subject or _("không ghi trích yếu"),
                    "period": period.label,
                    "next": next_number(unit, body, doc_type, on),
                }
            }
        )
    issued = IssuedNumber(
        unit=unit,
        body=body,
        doc_type=doc_type,
        period=period.key,
        number=number,
        issued_on=on,
        subject=subject[:300],
        ref=ref[:80],
    )
    return audit.create(issued, by=by)


@transaction.atomic
def term_create(
    *,
    unit: Unit,
    body: str,
    name: str,
    start_date: datetime.date,
    by: User,
    end_date: datetime.date | None = None,
    side: str = Side.STATE,
) -> BodyTerm:
    """Record a body's term. Terms of one body never overlap; the previous open term is
    closed the day before the new one starts."""
    access.require(by, Action.EDIT, unit, side)
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": _("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.")})
    terms = BodyTerm.objects.select_for_update().filter(unit=unit, body=body)
    for other in terms:
        if other.end_date is None and other.start_date < start_date:
            before = audit.snapshot(other)
            other.end_date = start_date - datetime.timedelta(days=1)
            audit.update(other, before, by=by, verb="close_term")
            continue
        other_end = other.end_date or datetime.date.max
        this_end = end_date or datetime.date.max
        if other.start_date <= this_end and start_date <= other_end:
            raise ValidationError(
                _("Nhiệm kỳ mới trùng thời gian với nhiệm kỳ %(name)s.") % {"name": other.name}
            )
    term = BodyTerm(
        unit=unit, body=body, name=name.strip(), start_date=start_date, end_date=end_date
    )
    return audit.create(term, by=by)
