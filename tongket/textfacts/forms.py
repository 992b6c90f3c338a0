"""The upload form, one review form per proposed fact (prefix "f<id>"), and the synonym
form. Review forms prefill what the reader proposed; the officer's corrections are read
with the same Vietnamese number rules as the entry grid."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tongket.emulation.choices import RecordBody
from tongket.lib.numbers import format_number
from tongket.targets.choices import Period, Qualifier
from tongket.targets.forms import NumberField
from tongket.targets.models import Indicator
from tongket.units.forms import DateInput, StyledForm, UnitChoiceField

from .choices import Decision
from .selectors import ReviewRow
from .services import AwardChoice, ResultChoice


class UploadForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    period = forms.ChoiceField(label=_("Kỳ"), choices=Period.choices)
    file = forms.FileField(
        label=_("Tệp báo cáo hoặc tin bài (.docx, .txt, .pdf)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt,.pdf"}),
    )
    text = forms.CharField(
        label=_("Hoặc dán nội dung văn bản"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("file") and (data.get("text") or "").strip():
            raise ValidationError(_("Chọn tệp hoặc dán văn bản, không cả hai."))
        if not data.get("file") and not (data.get("text") or "").strip():
            raise ValidationError(_("Hãy chọn tệp (.docx, .txt, .pdf) hoặc dán nội dung văn bản."))
        return data


class IndicatorChoiceField(forms.ChoiceField):
    """The unit's indicators of the year, built once from their versions (no query per
    form); cleans to the Indicator itself."""

    indicators: dict[str, Indicator] = {}

    def clean(self, value) -> Indicator | None:
        raw = super().clean(value)
        return self.indicators[raw] if raw else None

    def set_versions(self, versions) -> None:
        self.indicators = {str(v.indicator_id): v.indicator for v in versions}
        self.choices = [("", "–")] + [
            (str(v.indicator_id), f"{v.indicator.code} – {v.name}") for v in versions
        ]


class IndicatorCodeField(forms.CharField):
    """An indicator typed by its code (the page lists the codes once, in a datalist); cleans
    to the Indicator of the unit's catalogue for the year."""

    indicators: dict[str, Indicator] = {}

    def set_versions(self, versions) -> None:
        self.indicators = {v.indicator.code: v.indicator for v in versions}

    def clean(self, value) -> Indicator | None:
        code = (super().clean(value) or "").split("–")[0].strip().upper()
        if not code:
            return None
        if code not in self.indicators:
            raise ValidationError(
                _("Không có chỉ tiêu mã “%(code)s” trong bộ chỉ tiêu năm nay của đơn vị.")
                % {"code": code}
            )
        return self.indicators[code]


def _vn(raw) -> str:
    return "" if raw in (None, "") else format_number(Decimal(str(raw)))


_ESTIMATE = (("final", _("Thực hiện")), ("estimate", _("Ước thực hiện")))


class FactForm(StyledForm):
    """A review form: its decision is a row of radio buttons."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].widget.attrs["class"] = "form-check-input"


class ResultFactForm(FactForm):
    decision = forms.ChoiceField(label=_("Lựa chọn"), widget=forms.RadioSelect)
    indicator = IndicatorCodeField(label=_("Mã chỉ tiêu"), required=False, max_length=40)
    qualifier = forms.ChoiceField(label=_("Từ chỉ mức"), choices=Qualifier.choices, required=False)
    value = NumberField(label=_("Giá trị"))
    numerator = NumberField(label=_("Tử số"))
    denominator = NumberField(label=_("Mẫu số"))
    percent_of_plan = NumberField(label=_("% kế hoạch (khi chỉ biết tỷ lệ)"))
    estimate = forms.ChoiceField(label=_("Loại số"), choices=_ESTIMATE)
    remember = forms.BooleanField(
        label=_("Ghi nhớ cách gọi này cho chỉ tiêu đã chọn"), required=False
    )

    def __init__(self, *args, row: ReviewRow, versions, can_remember: bool, **kwargs) -> None:
        fact, proposal = row.fact, row.fact.proposal
        if row.conflict:
            choices = [Decision.KEEP, Decision.REPLACE, Decision.REJECT]
            decision = None  # a conflict needs an explicit choice
        else:
            choices = [Decision.SAVE, Decision.REJECT]
            decision = proposal.get("decision")
        initial = {
            "decision": decision,
            "indicator": fact.indicator.code if fact.indicator_id else "",
            "qualifier": proposal.get("qualifier", ""),
            "estimate": "estimate" if proposal.get("is_estimate") else "final",
            **{name: _vn(proposal.get(name)) for name in ("value", "numerator", "denominator")},
            "percent_of_plan": _vn(proposal.get("percent_of_plan")),
        }
        super().__init__(*args, prefix=f"f{fact.pk}", initial=initial, **kwargs)
        self.row = row
        self.fields["decision"].choices = [(c.value, str(c.label)) for c in choices]
        self.fields["indicator"].set_versions(versions)
        if not can_remember:
            del self.fields["remember"]

    def choice(self) -> ResultChoice:
        data, proposal = self.cleaned_data, self.row.fact.proposal
        return ResultChoice(
            decision=data["decision"],
            indicator=data.get("indicator"),
            year=int(proposal.get("year")),
            period=proposal.get("period") or Period.YEAR,
            value=data.get("value"),
            numerator=data.get("numerator"),
            denominator=data.get("denominator"),
            percent_of_plan=data.get("percent_of_plan"),
            qualifier=data.get("qualifier") or "",
            is_estimate=data.get("estimate") == "estimate",
            remember=bool(data.get("remember")),
        )


class AwardFactForm(FactForm):
    decision = forms.ChoiceField(
        label=_("Lựa chọn"),
        widget=forms.RadioSelect,
        choices=[(c.value, c.label) for c in (Decision.SAVE, Decision.REJECT)],
    )
    body = forms.ChoiceField(
        label=_("Cấp khen thưởng"), choices=[("", "–"), *RecordBody.choices], required=False
    )
    body_name = forms.CharField(
        label=_("Tên cơ quan (cơ quan khác)"), required=False, max_length=200
    )
    form_name = forms.CharField(label=_("Hình thức"), required=False, max_length=200)
    collectives = forms.IntegerField(label=_("Tập thể"), min_value=0, required=False)
    individuals = forms.IntegerField(label=_("Cá nhân"), min_value=0, required=False)
    households = forms.IntegerField(label=_("Hộ gia đình"), min_value=0, required=False)
    number = forms.CharField(label=_("Số quyết định"), required=False, max_length=60)
    signed_on = forms.DateField(label=_("Ngày ký"), required=False, widget=DateInput())

    def __init__(self, *args, row: ReviewRow, **kwargs) -> None:
        proposal = row.fact.proposal
        initial = {
            key: proposal.get(key)
            for key in ("decision", "body", "body_name", "form_name")
            if proposal.get(key) is not None
        }
        for key in ("collectives", "individuals", "households"):
            initial[key] = int(Decimal(proposal[key])) if proposal.get(key) else None
        super().__init__(*args, prefix=f"f{row.fact.pk}", initial=initial, **kwargs)
        self.row = row

    def choice(self) -> AwardChoice:
        data = self.cleaned_data
        texts = {key: data.get(key) or "" for key in ("body", "body_name", "form_name", "number")}
        counts = {key: data.get(key) for key in ("collectives", "individuals", "households")}
        return AwardChoice(
            decision=data["decision"], signed_on=data.get("signed_on"), **texts, **counts
        )


def _plain_texts(form_class) -> dict:
    """The labels and choice labels of a form class as plain strings, translated once per
    page rather than once per field drawn."""
    texts = {}
    for name, field in form_class.base_fields.items():
        choices = getattr(field, "choices", None)
        plain = [(value, str(label)) for value, label in choices] if choices else None
        texts[name] = (str(field.label), plain)
    return texts


def _apply_texts(form, texts: dict) -> None:
    for name, field in form.fields.items():
        label, choices = texts[name]
        field.label = label
        if choices is not None and name != "decision":
            field.choices = choices


def review_forms(rows: list[ReviewRow], versions, can_remember: bool, data=None) -> dict:
    """One form per fact to confirm, by fact id."""
    texts = {
        ResultFactForm: _plain_texts(ResultFactForm),
        AwardFactForm: _plain_texts(AwardFactForm),
    }
    forms_by_fact = {}
    for row in rows:
        if row.is_result:
            form = ResultFactForm(data, row=row, versions=versions, can_remember=can_remember)
        elif row.is_award:
            form = AwardFactForm(data, row=row)
        else:
            continue
        _apply_texts(form, texts[type(form)])
        forms_by_fact[row.fact.pk] = form
    return forms_by_fact


class SynonymForm(StyledForm):
    owner = UnitChoiceField(label=_("Dùng cho"), queryset=None)
    indicator = IndicatorChoiceField(label=_("Chỉ tiêu"))
    phrase = forms.CharField(label=_("Cách gọi khác"), max_length=200)

    def __init__(self, *args, owners, versions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["indicator"].set_versions(versions)
