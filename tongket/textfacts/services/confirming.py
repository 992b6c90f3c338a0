"""Confirming a document: every proposed fact gets the officer's choice, and the facts to
keep are saved through the targets and emulation services in one transaction. One refusal
(a locked period, a figure the indicator does not take, a conflict left without a choice)
and nothing of the document is saved; every refusal is reported, each named by its fact."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.emulation import services as emulation
from tongket.targets import services as targets
from tongket.targets.models import Indicator, Result
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import User

from ..choices import AWARD_KINDS, RESULT_KINDS, Decision, DocumentState, FactStatus
from ..models import ProposedFact, SourceDocument
from ..selectors.catalogue import commune_of
from ..selectors.documents import differs, fact_label, holds_figures
from .synonyms import synonym_remember


@dataclass
class ResultChoice:
    decision: str
    indicator: Indicator | None = None
    year: int = 0
    period: str = "year"
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    percent_of_plan: Decimal | None = None
    qualifier: str = ""
    is_estimate: bool = False
    remember: bool = False


@dataclass
class AwardChoice:
    decision: str
    body: str = ""
    body_name: str = ""
    form_name: str = ""
    collectives: int | None = None
    individuals: int | None = None
    households: int | None = None
    number: str = ""
    signed_on: datetime.date | None = None


def _messages(error: ValidationError) -> list[str]:
    return list(error.messages)


class _Confirmation:
    """The saving of one document's choices; `errors` collects every refusal."""

    def __init__(self, document: SourceDocument, by: User) -> None:
        self.document, self.by = document, by
        self.errors: list[str] = []
        self.cells: dict[tuple, int] = {}

    def refuse(self, fact: ProposedFact, messages: list[str]) -> None:
        label = fact_label(fact)
        self.errors.extend(f"{label}: {message}" for message in messages)

    def result(self, fact: ProposedFact, choice: ResultChoice) -> tuple[str, dict]:
        if choice.decision == Decision.REJECT:
            return FactStatus.REJECTED, {}
        if choice.indicator is None:
            raise ValidationError(_("Hãy chọn chỉ tiêu (hoặc chọn “Bỏ”)."))
        key = (choice.indicator.pk, choice.year, choice.period)
        if key in self.cells:
            raise ValidationError(
                _("Số liệu thứ %(n)s cũng ghi vào chỉ tiêu này, cùng kỳ; hãy bỏ một trong hai.")
                % {"n": self.cells[key]}
            )
        self.cells[key] = fact.position
        unit = self.document.unit
        current = Result.objects.filter(
            unit=unit, indicator=choice.indicator, year=choice.year, period=choice.period
        ).first()
        figures = {
            "value": choice.value,
            "numerator": choice.numerator,
            "denominator": choice.denominator,
            "percent_of_plan": choice.percent_of_plan,
        }
        said = {**figures, "is_estimate": choice.is_estimate, "qualifier": choice.qualifier}
        conflict = current is not None and differs(current, said)
        if holds_figures(current) and not conflict and choice.decision != Decision.REJECT:
            return FactStatus.KEPT, {"result": current.pk}  # the cell already says this
        if choice.decision == Decision.KEEP:
            if current is None:
                raise ValidationError(_("Chưa có số nào để giữ; hãy chọn “Lưu” hoặc “Bỏ”."))
            return FactStatus.KEPT, {"result": current.pk}
        if conflict and choice.decision != Decision.REPLACE:
            raise ValidationError(
                _("Khác số đã có; hãy chọn giữ số đã có hoặc dùng số trong văn bản.")
            )
        saved = targets.result_save(
            unit=unit,
            indicator=choice.indicator,
            year=choice.year,
            period=choice.period,
            by=self.by,
            expected_version=current.version if current else 0,
            is_estimate=choice.is_estimate,
            qualifier=choice.qualifier,
            note=_("Theo văn bản “%(name)s”") % {"name": self.document.title[:150]},
            **figures,
        )
        if choice.remember and choice.indicator.pk != fact.indicator_id and fact.subject:
            synonym_remember(
                unit=unit, indicator=choice.indicator, phrase=fact.subject[:200], by=self.by
            )
        return FactStatus.SAVED, {"result": saved.pk}

    def award(self, fact: ProposedFact, choice: AwardChoice) -> tuple[str, dict]:
        if choice.decision == Decision.REJECT:
            return FactStatus.REJECTED, {}
        commune = commune_of(self.document.unit)
        if commune is None:
            raise ValidationError(_("Khen thưởng theo số lượng chỉ ghi cho xã, phường, đặc khu."))
        missing = [
            label
            for label, value in (
                (_("số quyết định"), choice.number),
                (_("ngày ký"), choice.signed_on),
                (_("cấp khen thưởng"), choice.body),
            )
            if not value
        ]
        if missing:
            raise ValidationError(_("Cần ghi %(what)s.") % {"what": ", ".join(missing)})
        record = emulation.record_create(
            commune=commune,
            by=self.by,
            year=self.document.year,
            number=choice.number,
            signed_on=choice.signed_on,
            body=choice.body,
            body_name=choice.body_name,
            form_name=choice.form_name,
            collectives=choice.collectives or 0,
            individuals=choice.individuals or 0,
            households=choice.households or 0,
        )
        return FactStatus.SAVED, {"award_record": record.pk}

    def apply(self, fact: ProposedFact, choice) -> None:
        handler = self.result if fact.kind in RESULT_KINDS else self.award
        try:
            with transaction.atomic():
                fact.status, fact.outcome = handler(fact, choice)
        except ValidationError as error:
            self.refuse(fact, _messages(error))


@transaction.atomic
def document_confirm(*, document: SourceDocument, choices: dict[int, object], by: User) -> dict:
    """Save the facts the officer kept, all or nothing. `choices` maps each fact's id to a
    ResultChoice or AwardChoice. Returns how many facts were saved, kept and rejected."""
    access.require(by, Action.ENTER, document.unit)
    document = SourceDocument.objects.select_for_update().get(pk=document.pk)
    if document.state != DocumentState.PROPOSED:
        raise ValidationError(_("Văn bản này đã được xác nhận hoặc đã bỏ."))
    confirmation = _Confirmation(document, by)
    facts = list(document.facts.filter(kind__in=(*RESULT_KINDS, *AWARD_KINDS)))
    for fact in facts:
        choice = choices.get(fact.pk)
        if choice is None:
            confirmation.refuse(fact, [_("Chưa chọn lưu hay bỏ.")])
            continue
        confirmation.apply(fact, choice)
    if confirmation.errors:
        raise ValidationError(confirmation.errors)
    ProposedFact.objects.bulk_update(facts, ["status", "outcome"])
    counts = {status: sum(1 for f in facts if f.status == status) for status in FactStatus.values}
    note = _("Lưu %(saved)s, giữ số đã có %(kept)s, bỏ %(rejected)s số liệu") % counts
    audit.transition(
        document,
        "state",
        DocumentState.CONFIRMED,
        by=by,
        note=note,
        decided_by=by,
        decided_at=timezone.now(),
    )
    return counts


@transaction.atomic
def document_discard(*, document: SourceDocument, by: User) -> SourceDocument:
    """Drop a document without saving any of its facts (the file stays on record)."""
    access.require(by, Action.ENTER, document.unit)
    if document.state != DocumentState.PROPOSED:
        raise ValidationError(_("Văn bản này đã được xác nhận hoặc đã bỏ."))
    return audit.transition(
        document,
        "state",
        DocumentState.DISCARDED,
        by=by,
        decided_by=by,
        decided_at=timezone.now(),
    )
