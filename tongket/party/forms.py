"""Forms of the party screens. Choices are limited to what the user may act on; the services
check again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Gender
from tongket.units.forms import DateInput, StyledForm, UnitChoiceField
from tongket.units.models import Unit
from tongket.units.uploads import SpreadsheetField

from .choices import (
    RECORDABLE_EVENTS,
    CellType,
    Education,
    EventKind,
    Level,
    RuleKind,
    Subject,
    TransferKind,
)
from .models import PartyMember


def _date(label, required=True, **kwargs):
    return forms.DateField(label=label, required=required, widget=DateInput(), **kwargs)


def _gender():
    return forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Gender.choices], required=False
    )


def _education(required=True):
    return forms.TypedChoiceField(
        label=_("Trình độ học vấn"),
        choices=[("", "—"), *Education.choices],
        coerce=int,
        empty_value=None,
        required=required,
    )


class CellField(UnitChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PartyMember) -> str:
        return f"{obj.person.full_name} – {obj.cell.name}"


class MemberForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    birth_date = _date(_("Ngày sinh"))
    gender = _gender()
    cell = CellField(label=_("Chi bộ"), queryset=Unit.objects.none())
    admitted_on = _date(_("Ngày vào Đảng"))
    full_on = _date(_("Ngày chính thức"), required=False)
    joined_on = _date(
        _("Ngày chuyển đến Đảng bộ"),
        required=False,
        help_text=_("Để trống nếu được kết nạp tại Đảng bộ này."),
    )
    other_place = forms.CharField(label=_("Chuyển đến từ"), max_length=200, required=False)
    card_number = forms.CharField(label=_("Số thẻ đảng viên"), max_length=20, required=False)
    education = _education(required=False)
    badge_before = forms.IntegerField(
        label=_("Huy hiệu Đảng đã nhận (năm tuổi Đảng)"),
        min_value=1,
        max_value=120,
        required=False,
        help_text=_("Huy hiệu cao nhất đã nhận trước khi ghi vào tongket."),
    )

    def __init__(self, *args, cells, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells


class MemberUpdateForm(StyledForm):
    card_number = forms.CharField(label=_("Số thẻ đảng viên"), max_length=20, required=False)
    education = _education(required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EventForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Sự kiện"), choices=[(kind, EventKind(kind).label) for kind in RECORDABLE_EVENTS]
    )
    on = _date(_("Ngày"))
    document = forms.CharField(
        label=_("Căn cứ (quyết định, thông báo)"), max_length=200, required=False
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class MoveForm(StyledForm):
    to_cell = CellField(label=_("Chuyển đến chi bộ"), queryset=Unit.objects.none())
    on = _date(_("Ngày chuyển"))
    document = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)

    def __init__(self, *args, cells, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_cell"].queryset = cells


class TransferForm(StyledForm):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=TransferKind.choices)
    on = _date(_("Ngày chuyển"))
    to_cell = UnitChoiceField(
        label=_("Đến chi bộ (trong tongket)"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Chi bộ của xã, phường khác trong tỉnh: nơi đến phải tiếp nhận."),
    )
    to_place = forms.CharField(
        label=_("Hoặc nơi đến ngoài tongket"), max_length=200, required=False
    )
    document = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)

    def __init__(self, *args, cells, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_cell"].queryset = cells


class DateForm(StyledForm):
    on = _date(_("Ngày"))


class BadgeForm(StyledForm):
    milestone = forms.IntegerField(label=_("Mốc (năm tuổi Đảng)"), min_value=1, max_value=120)
    awarded_on = _date(_("Ngày trao"))
    document = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)


class GuestForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    birth_date = _date(_("Ngày sinh"), required=False)
    gender = _gender()
    cell = CellField(label=_("Sinh hoạt tại chi bộ"), queryset=Unit.objects.none())
    on = _date(_("Từ ngày"))
    home_organization = forms.CharField(label=_("Nơi sinh hoạt chính thức"), max_length=200)

    def __init__(self, *args, cells, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells


class ImportForm(forms.Form):
    file = SpreadsheetField(label=_("Tệp Excel (.xlsx)"))


# Admissions ------------------------------------------------------------------------------------


class AdmissionForm(StyledForm):
    cell = CellField(label=_("Chi bộ"), queryset=Unit.objects.none())
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    birth_date = _date(_("Ngày sinh"))
    gender = _gender()
    education = _education()
    education_exception = forms.CharField(
        label=_("Trường hợp ngoại lệ về học vấn"),
        max_length=200,
        required=False,
        help_text=_(
            "Chỉ ghi khi thuộc miền núi, hải đảo, vùng đồng bào dân tộc thiểu số … theo hướng dẫn."
        ),
    )
    candidate_on = _date(_("Ngày vào danh sách quần chúng ưu tú"))

    def __init__(self, *args, cells, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells


class CourseForm(StyledForm):
    course_on = _date(_("Ngày cấp giấy chứng nhận"))
    certificate_no = forms.CharField(label=_("Số giấy chứng nhận"), max_length=40)


class IntroduceForm(StyledForm):
    introduced_on = _date(_("Ngày giới thiệu"))
    first = MemberChoiceField(
        label=_("Người giới thiệu thứ nhất"), queryset=PartyMember.objects.none()
    )
    first_since = _date(_("Cùng công tác từ ngày"))
    second = MemberChoiceField(
        label=_("Người giới thiệu thứ hai"), queryset=PartyMember.objects.none()
    )
    second_since = _date(_("Cùng công tác từ ngày"))

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = members
        self.fields["second"].queryset = members

    def introducers(self) -> list:
        data = self.cleaned_data
        return [(data["first"], data["first_since"]), (data["second"], data["second_since"])]


class VoteForm(StyledForm):
    vote_on = _date(_("Ngày họp xét"))
    votes_for = forms.IntegerField(label=_("Số đồng ý"), min_value=0, max_value=10000)
    total = forms.IntegerField(
        label=_("Tổng số (để trống: tính từ danh sách)"),
        min_value=1,
        max_value=10000,
        required=False,
    )


class DecisionForm(StyledForm):
    decision_on = _date(_("Ngày quyết định"))
    number = forms.IntegerField(
        label=_("Số quyết định (để trống: số tiếp theo)"),
        min_value=1,
        max_value=99999,
        required=False,
    )


class CeremonyForm(StyledForm):
    ceremony_on = _date(_("Ngày lễ kết nạp"))


class CloseForm(StyledForm):
    on = _date(_("Ngày dừng"))
    reason = forms.CharField(label=_("Lý do"), max_length=300)


# Ratings ------------------------------------------------------------------------------------


class SelfAssessForm(StyledForm):
    subject = forms.ChoiceField(
        label=_("Đối tượng"), choices=Subject.choices, widget=forms.HiddenInput
    )
    target = forms.IntegerField(widget=forms.HiddenInput)
    points = forms.DecimalField(
        label=_("Điểm tự đánh giá"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        required=False,
    )
    level = forms.ChoiceField(
        label=_("Tự xếp loại (để trống: theo điểm)"),
        choices=[("", "—"), *Level.choices],
        required=False,
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class ProposeForm(StyledForm):
    level = forms.ChoiceField(label=_("Chi bộ đề xuất"), choices=Level.choices)
    points = forms.DecimalField(
        label=_("Điểm chi bộ chấm"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        required=False,
    )


# Organisation and rulebook ------------------------------------------------------------------------


class CellTypeForm(StyledForm):
    cell_type = forms.ChoiceField(label=_("Loại chi bộ"), choices=CellType.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class TermForm(StyledForm):
    name = forms.CharField(label=_("Nhiệm kỳ"), max_length=40, help_text=_("Ví dụ: 2025–2030"))
    congress_ordinal = forms.IntegerField(
        label=_("Đại hội lần thứ"), min_value=1, max_value=100, required=False
    )
    congress_date = _date(_("Ngày khai mạc đại hội"))
    start_date = _date(_("Nhiệm kỳ bắt đầu (ngày bế mạc đại hội)"))
    end_date = _date(_("Nhiệm kỳ kết thúc"), required=False)
    committee_size = forms.IntegerField(
        label=_("Số ủy viên Ban Chấp hành"), min_value=1, max_value=200, required=False
    )
    standing_size = forms.IntegerField(
        label=_("Số ủy viên Ban Thường vụ"), min_value=1, max_value=50, required=False
    )


class RuleForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại quy định"), choices=RuleKind.choices)
    key = forms.CharField(
        label=_("Khóa"),
        max_length=16,
        required=False,
        help_text=_("Mốc Huy hiệu (30), ngày trao (03/02), mức xếp loại (excellent, good, done)."),
    )
    unit = UnitChoiceField(
        label=_("Áp dụng riêng cho đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Để trống: áp dụng toàn quốc (chỉ quản trị hệ thống)."),
    )
    value = forms.DecimalField(label=_("Giá trị"), required=False, max_digits=10, decimal_places=4)
    text = forms.CharField(label=_("Nội dung"), max_length=500, required=False)
    effective_from = _date(_("Hiệu lực từ"))
    repealed = forms.BooleanField(label=_("Bãi bỏ từ ngày hiệu lực"), required=False)
    citation_document = forms.CharField(label=_("Văn bản"), max_length=200)
    citation_article = forms.CharField(label=_("Điều, khoản"), max_length=120, required=False)
    unverified = forms.BooleanField(label=_("Chưa xác minh"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
