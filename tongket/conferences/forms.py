from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.lib.dates import format_date
from tongket.units.forms import DateInput, StyledForm, UnitChoiceField
from tongket.units.models import Person, Unit

from .choices import ConferenceKind, Organisers


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.unit.name})"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _text(label, rows=3, help_text="", max_length=5000):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


ONE_PER_LINE = _("Mỗi dòng một mục.")


class ConferenceForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=ConferenceKind.choices)
    organisers = forms.ChoiceField(label=_("Cơ quan tổ chức"), choices=Organisers.choices)
    year = forms.IntegerField(label=_("Năm được tổng kết"), min_value=1945, max_value=2100)
    date = forms.DateField(label=_("Ngày họp"), widget=DateInput())
    start_time = forms.TimeField(label=_("Giờ bắt đầu"), widget=TimeInput())
    venue = forms.CharField(label=_("Địa điểm"), max_length=255)
    chair = PersonChoiceField(label=_("Chủ trì"), queryset=Person.objects.none(), required=False)
    signer = PersonChoiceField(
        label=_("Người ký báo cáo của UBND"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_(
            "Để trống: Chủ tịch UBND tại ngày họp ký. Chọn một Phó Chủ tịch để ký thay (KT.)."
        ),
    )
    party_signer = PersonChoiceField(
        label=_("Người ký báo cáo của Đảng ủy"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Để trống: Bí thư tại ngày họp ký. Chọn một Phó Bí thư để ký."),
    )
    agenda = _text(_("Chương trình hội nghị"), help_text=ONE_PER_LINE)
    reports_presented = _text(_("Các báo cáo được trình bày"), help_text=ONE_PER_LINE)
    pledges = _text(_("Giao ước thi đua đã ký"), help_text=ONE_PER_LINE)
    shortcomings = _text(
        _("Tồn tại, hạn chế và nguyên nhân"), rows=5, help_text=ONE_PER_LINE, max_length=20000
    )
    directions = _text(
        _("Phương hướng, nhiệm vụ năm sau"), rows=6, help_text=ONE_PER_LINE, max_length=20000
    )

    def __init__(self, *args, units, people, lock_unit: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["chair"].queryset = people
        self.fields["signer"].queryset = people
        self.fields["party_signer"].queryset = people
        if lock_unit:
            del self.fields["unit"]

    def clean_venue(self) -> str:
        return self.cleaned_data["venue"].strip()


class GuestForm(StyledForm):
    person = PersonChoiceField(label=_("Khách mời"), queryset=Person.objects.none())

    def __init__(self, *args, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class PhotoForm(StyledForm):
    image = forms.FileField(label=_("Ảnh (JPEG hoặc PNG)"))
    caption = forms.CharField(label=_("Chú thích"), max_length=300)


class DecisionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj} – {obj.subject} – {format_date(obj.signed_on)}"


class AwardDecisionsForm(StyledForm):
    decisions = DecisionChoiceField(
        label=_("Quyết định khen thưởng đã trao tại hội nghị"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decisions"].queryset = choices
        self.fields["decisions"].widget.attrs["class"] = "form-check-input"


class ReportNumberForm(StyledForm):
    number = forms.IntegerField(
        label=_("Số"),
        min_value=1,
        required=False,
        help_text=_("Để trống: lấy số tiếp theo trong sổ."),
    )
