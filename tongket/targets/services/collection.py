"""Collection and approval: a unit sends its figures for a period up, the level above
approves (the figures are then locked), returns them with a reason or reopens them; the
level above sets the deadline. Sending needs ENTER on the unit, deciding APPROVE."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import SubmissionState
from ..models import Deadline, Result, Submission


def _submission(unit: Unit, year: int, period: str, by: User) -> Submission:
    submission = (
        Submission.objects.select_for_update().filter(unit=unit, year=year, period=period).first()
    )
    if submission is None:
        submission = audit.create(Submission(unit=unit, year=year, period=period), by=by)
    return submission


@transaction.atomic
def submission_submit(*, unit: Unit, year: int, period: str, by: User) -> Submission:
    """Send a unit's figures for a period up for approval."""
    access.require(by, Action.ENTER, unit)
    submission = _submission(unit, year, period, by)
    if submission.state not in (SubmissionState.DRAFT, SubmissionState.RETURNED):
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không gửi được.")
            % {"state": submission.get_state_display()}
        )
    if not Result.objects.filter(unit=unit, year=year, period=period).exists():
        raise ValidationError(_("Chưa có số liệu nào để gửi."))
    return audit.transition(
        submission, "state", SubmissionState.SUBMITTED, by=by, submitted_at=timezone.now()
    )


def _decide(submission: Submission, by: User, allowed: tuple[str, ...]) -> Submission:
    submission = Submission.objects.select_for_update().select_related("unit").get(pk=submission.pk)
    access.require(by, Action.APPROVE, submission.unit)
    if submission.state not in allowed:
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không thực hiện được thao tác này.")
            % {"state": submission.get_state_display()}
        )
    return submission


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do %(what)s.") % {"what": what}})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Lý do dài quá 2.000 ký tự.")})
    return reason


@transaction.atomic
def submission_approve(*, submission: Submission, by: User) -> Submission:
    """Approve sent figures; they are locked from now on."""
    submission = _decide(submission, by, (SubmissionState.SUBMITTED,))
    return audit.transition(
        submission,
        "state",
        SubmissionState.APPROVED,
        by=by,
        decided_at=timezone.now(),
        decided_by=by,
        return_reason="",
    )


@transaction.atomic
def submission_return(*, submission: Submission, reason: str, by: User) -> Submission:
    """Send figures back to the unit with a reason; the unit can edit and send again."""
    reason = _reason(reason, _("trả lại"))
    submission = _decide(submission, by, (SubmissionState.SUBMITTED,))
    return audit.transition(
        submission,
        "state",
        SubmissionState.RETURNED,
        by=by,
        note=reason,
        decided_at=timezone.now(),
        decided_by=by,
        return_reason=reason,
    )


@transaction.atomic
def submission_reopen(*, submission: Submission, reason: str, by: User) -> Submission:
    """Unlock approved figures so they can be corrected; recorded with its reason."""
    reason = _reason(reason, _("mở lại"))
    submission = _decide(submission, by, (SubmissionState.APPROVED,))
    return audit.transition(
        submission, "state", SubmissionState.DRAFT, by=by, verb="reopen", note=reason
    )


@transaction.atomic
def deadline_set(*, unit: Unit, year: int, period: str, due, by: User) -> Deadline:
    """Set when the units under `unit` must submit a period's figures."""
    access.require(by, Action.EDIT, unit)
    existing = (
        Deadline.objects.select_for_update().filter(unit=unit, year=year, period=period).first()
    )
    if existing is None:
        return audit.create(Deadline(unit=unit, year=year, period=period, due=due), by=by)
    before = audit.snapshot(existing)
    existing.due = due
    return audit.update(existing, before, by=by)
