from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tongket.lib.numbers import NumberFormatError, parse_number_or_none
from tongket.units.choices import SUBUNIT_KINDS, UnitKind
from tongket.units.forms import DateInput, StyledForm
from tongket.units.uploads import SpreadsheetField

from .choices import Direction, IndicatorGroup, Period, Qualifier, Rollup, ValueKind
from .models import Indicator


class NumberField(forms.CharField):
    """A number typed the Vietnamese way ("2.809,8"); "2,809.8" and "2.8" are refused with
    the helper's message, never misread."""

    max_chars = 40

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="decimal", autocomplete="off", maxlength=self.max_chars)

    def to_python(self, value):
        text = super().to_python(value)
        if len(text) > self.max_chars:
            raise ValidationError(_("Số quá dài."))
        try:
            return parse_number_or_none(text)
        except NumberFormatError as exc:
            raise ValidationError(str(exc)) from None


class CellForm(StyledForm):
    """One cell of the entry grid, posted on its own."""

    indicator = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    value = NumberField(label=_("Giá trị"))
    numerator = NumberField(label=_("Tử số"))
    denominator = NumberField(label=_("Mẫu số"))
    is_estimate = forms.BooleanField(label=_("Ước thực hiện"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)
    qualifier = forms.ChoiceField(label=_("Từ chỉ mức"), choices=Qualifier.choices, required=False)
    percent_of_plan = NumberField(label=_("% kế hoạch (khi chỉ biết tỷ lệ)"))


class ReasonForm(StyledForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeadlineForm(StyledForm):
    period = forms.ChoiceField(label=_("Kỳ"), choices=Period.choices)
    due = forms.DateField(label=_("Hạn nộp"), widget=DateInput())


class PlanImportForm(StyledForm):
    file = SpreadsheetField(label=_("Tệp Excel (.xlsx)"))
    document = forms.CharField(
        label=_("Văn bản giao"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: Nghị quyết số 12/NQ-HĐND. Để trống thì lấy theo cột trong tệp."),
    )


class IndicatorChoiceField(forms.ModelChoiceField):
    """Indicators by their name in the year (selectors.weight_choices), not their code."""

    def label_from_instance(self, obj: Indicator) -> str:
        return getattr(obj, "version_name", None) or obj.code


class IndicatorForm(StyledForm):
    code = forms.CharField(label=_("Mã chỉ tiêu"), max_length=32)
    name = forms.CharField(label=_("Tên chỉ tiêu"), max_length=255)
    group = forms.ChoiceField(label=_("Nhóm"), choices=IndicatorGroup.choices)
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=40, required=False)
    value_kind = forms.ChoiceField(label=_("Loại giá trị"), choices=ValueKind.choices)
    direction = forms.ChoiceField(label=_("Chiều đánh giá"), choices=Direction.choices)
    rollup = forms.ChoiceField(label=_("Tổng hợp từ cấp dưới"), choices=Rollup.choices)
    weight_indicator = IndicatorChoiceField(
        label=_("Chỉ tiêu làm quyền số"), queryset=Indicator.objects.none(), required=False
    )
    decimals = forms.IntegerField(label=_("Số chữ số thập phân"), min_value=0, max_value=4)
    allows_negative = forms.BooleanField(label=_("Được phép âm"), required=False)
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=999, initial=0)
    featured = forms.BooleanField(label=_("Chỉ tiêu chủ yếu (nêu trong tin bài)"), required=False)
    public = forms.BooleanField(
        label=_("Công khai trên trang của xã, phường"), required=False, initial=True
    )
    article_wording = forms.CharField(
        label=_("Cách viết trong tin bài"),
        max_length=200,
        required=False,
        help_text=_(
            "Để trống thì viết theo tên chỉ tiêu. Ví dụ: “kết nạp {số liệu} mới” cho ra "
            "“kết nạp 6 đảng viên mới”."
        ),
    )
    reporting_kinds = forms.MultipleChoiceField(
        label=_("Đơn vị cấp dưới nhập chỉ tiêu này"),
        choices=[(kind.value, kind.label) for kind in map(UnitKind, SUBUNIT_KINDS)],
        required=False,
        help_text=_(
            "Để trống thì chỉ xã, phường nhập. Đơn vị được giao kế hoạch chỉ tiêu này cũng nhập."
        ),
    )
    retired = forms.BooleanField(label=_("Thôi theo dõi từ năm này"), required=False)

    def __init__(self, *args, weights, editing: bool = False, **kwargs) -> None:
        initial = kwargs.get("initial") or {}
        if isinstance(initial.get("reporting_kinds"), str):
            kwargs["initial"] = {
                **initial,
                "reporting_kinds": [k for k in initial["reporting_kinds"].split(",") if k],
            }
        super().__init__(*args, **kwargs)
        self.fields["weight_indicator"].queryset = weights
        self.fields["reporting_kinds"].widget.attrs["size"] = len(SUBUNIT_KINDS)
        if editing:
            self.fields["code"].disabled = True
        else:
            del self.fields["retired"]

    def clean_reporting_kinds(self) -> str:
        return ",".join(self.cleaned_data["reporting_kinds"])


class AssignForm(StyledForm):
    """Plans of every commune for the shown indicators, on one screen."""

    document = forms.CharField(
        label=_("Văn bản giao"),
        max_length=200,
        help_text=_("Ví dụ: Quyết định số 45/QĐ-UBND ngày 10/01/2025 của UBND tỉnh."),
    )

    def __init__(self, *args, communes, versions, plans, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.grid = []
        for commune in communes:
            cells = []
            for version in versions:
                name = f"p{commune.pk}_{version.indicator_id}"
                plan = plans.get((commune.pk, version.indicator_id))
                self.fields[name] = NumberField(
                    label=f"{commune.name} – {version.name}",
                    initial=_initial(plan.value) if plan else "",
                )
                self.fields[name].widget.attrs["class"] = "form-control form-control-sm text-end"
                cells.append((version, name))
            self.grid.append((commune, cells))

    @property
    def rows(self):
        return [(commune, [self[name] for _, name in cells]) for commune, cells in self.grid]

    def entries(self):
        for commune, cells in self.grid:
            for version, name in cells:
                yield commune, version, self.cleaned_data.get(name)


def _initial(value) -> str:
    from tongket.lib.numbers import format_number

    return format_number(value.normalize()) if value is not None else ""


class ResultsImportForm(StyledForm):
    """A workbook of results for every commune under a unit, for one period."""

    period = forms.ChoiceField(label=_("Kỳ"), choices=Period.choices)
    file = SpreadsheetField(label=_("Tệp Excel (.xlsx)"))
