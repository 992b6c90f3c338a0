from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.lib.dates import format_date
from tongket.units.forms import DateInput, StyledForm, UnitChoiceField
from tongket.units.models import Person, Unit

from .choices import ConferenceKind, Organisers, PhotoPlacement, SpeechKind


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
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"),
        widget=TimeInput(),
        required=False,
        help_text=_("Để trống khi không rõ giờ (tin bài viết “Ngày 09/01/2026, …”)."),
    )
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
    title = forms.CharField(
        label=_("Tên hội nghị"),
        max_length=300,
        required=False,
        help_text=_("Như tin bài giới thiệu; để trống thì ghi theo loại hội nghị."),
    )
    headline = forms.CharField(
        label=_("Tiêu đề tin bài"),
        max_length=300,
        required=False,
        help_text=_("Để trống thì ghi theo loại hội nghị."),
    )
    discussion = _text(
        _("Các đại biểu thảo luận, làm rõ"),
        help_text=_("Ví dụ: những khó khăn trong thu ngân sách và giải pháp năm sau."),
    )
    author_name = forms.CharField(label=_("Tác giả tin bài"), max_length=120, required=False)
    author_unit = forms.CharField(
        label=_("Đơn vị của tác giả"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: Phường Hòa Bình; để trống thì chỉ ghi tên tác giả."),
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
    placement = forms.ChoiceField(
        label=_("Vị trí trong tin bài"), choices=PhotoPlacement.choices, required=False
    )


class PhotoPlaceForm(StyledForm):
    placement = forms.ChoiceField(
        label=_("Vị trí trong tin bài"), choices=PhotoPlacement.choices, required=False
    )


class NamedGuestForm(StyledForm):
    """A guest who is not in the people list, by name and title as the article wrote them."""

    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("Họ và tên")}),
    )
    title = forms.CharField(
        label=_("Chức vụ tại ngày họp"),
        max_length=150,
        help_text=_("Ví dụ: Phó Chủ tịch HĐND thành phố"),
        widget=forms.TextInput(
            attrs={"placeholder": _("Chức vụ, ví dụ: Phó Chủ tịch HĐND thành phố")}
        ),
    )


class GuestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name}, {obj.title}"


class SpeechForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=SpeechKind.choices)
    guest = GuestChoiceField(
        label=_("Khách mời phát biểu"),
        queryset=None,
        required=False,
        help_text=_("Hoặc ghi tên và chức vụ người phát biểu ở hai ô dưới."),
    )
    speaker_name = forms.CharField(label=_("Người phát biểu"), max_length=120, required=False)
    speaker_title = forms.CharField(label=_("Chức vụ tại ngày họp"), max_length=150, required=False)
    content = forms.CharField(
        label=_("Nội dung (người phát biểu đề nghị gì)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Viết như tin bài, bắt đầu bằng động từ: “đề nghị phường tập trung …”, "
            "“ghi nhận, biểu dương …”."
        ),
    )

    def __init__(self, *args, guests, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guest"].queryset = guests


class AwardRecordsForm(StyledForm):
    records = forms.ModelMultipleChoiceField(
        label=_("Khen thưởng ghi theo số lượng đã trao tại hội nghị"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["records"].queryset = choices
        self.fields["records"].widget.attrs["class"] = "form-check-input"


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
