"""Forms of the petitions screens. They parse and show errors; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Body
from tongket.units.forms import DateInput, StyledForm, UnitChoiceField
from tongket.units.models import Person, Position, Unit

from .choices import COMPETENCE_LEVELS, PLAN_BODIES, Competence, Field, ForwardLevel, Priority
from .models import DelegationMember

BODY_CHOICES = [(value, label) for value, label in Body.choices if value in PLAN_BODIES]
ONE_PER_LINE = _("Mỗi dòng một mục.")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.unit.name})" if hasattr(obj, "unit") else obj.full_name


class PlainUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _text(label, rows=3, required=False, help_text="", max_length=5000):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class PlanForm(StyledForm):
    unit = UnitChoiceField(label=_("Xã, phường"), queryset=Unit.objects.none())
    body = forms.ChoiceField(label=_("Cơ quan ban hành"), choices=BODY_CHOICES)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    subject = forms.CharField(
        label=_("Trích yếu"),
        max_length=300,
        help_text=_("Ví dụ: về làm việc với các chi bộ, tổ dân phố, cơ quan trên địa bàn"),
    )
    period_start = forms.DateField(label=_("Làm việc từ ngày"), widget=DateInput())
    period_end = forms.DateField(label=_("Đến ngày"), widget=DateInput())
    legal_bases = _text(_("Căn cứ"), help_text=ONE_PER_LINE)
    purpose = _text(_("Mục đích, yêu cầu"), help_text=ONE_PER_LINE)
    content = _text(_("Nội dung làm việc"), help_text=ONE_PER_LINE)
    signer = PersonChoiceField(label=_("Người ký"), queryset=Person.objects.none(), required=False)

    def __init__(self, *args, units, signers, lock_unit: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["signer"].queryset = signers
        if lock_unit:
            del self.fields["unit"]


class IssueForm(StyledForm):
    number = forms.IntegerField(
        label=_("Số"),
        min_value=1,
        required=False,
        help_text=_("Để trống để lấy số tiếp theo trong sổ."),
    )


class PositionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Position) -> str:
        return f"{obj.person.full_name}, {obj.title}"


class DelegationForm(StyledForm):
    position = PositionChoiceField(label=_("Thành viên"), queryset=Position.objects.none())
    leads = forms.BooleanField(label=_("Trưởng đoàn"), required=False)

    def __init__(self, *args, positions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions


class SessionForm(StyledForm):
    unit = PlainUnitChoiceField(label=_("Đơn vị làm việc"), queryset=Unit.objects.none())
    date = forms.DateField(label=_("Ngày làm việc"), widget=DateInput())
    start_time = forms.TimeField(label=_("Giờ bắt đầu"), widget=TimeInput())
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    unit_attendees = _text(_("Thành phần của đơn vị"), help_text=ONE_PER_LINE, max_length=3000)

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: DelegationMember) -> str:
        return f"{obj.person.full_name}, {obj.title}"


class RecordForm(StyledForm):
    report_summary = _text(
        _("Tóm tắt báo cáo của đơn vị (kết quả)"), rows=4, required=True, max_length=10000
    )
    difficulties = _text(_("Khó khăn, vướng mắc"), rows=3, max_length=10000)
    unit_attendees = _text(_("Thành phần của đơn vị"), help_text=ONE_PER_LINE, max_length=3000)
    delegation_present = MemberChoiceField(
        label=_("Thành viên đoàn có mặt"),
        queryset=DelegationMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation_present"].queryset = members
        self.fields["delegation_present"].widget.attrs["class"] = "form-check-input"


class ClassifyForm(StyledForm):
    text = _text(_("Nội dung kiến nghị"), rows=3, required=True)
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=Field.choices)
    competence = forms.ChoiceField(label=_("Thẩm quyền giải quyết"), choices=Competence.choices)
    department = PlainUnitChoiceField(
        label=_("Sở, ngành tỉnh (khi thuộc thẩm quyền của sở, ngành)"),
        queryset=Unit.objects.none(),
        required=False,
    )

    def __init__(self, *args, departments, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class RecommendationForm(ClassifyForm):
    person = PersonChoiceField(
        label=_("Người nêu (nếu có trong danh sách)"),
        queryset=Person.objects.none(),
        required=False,
    )
    person_name = forms.CharField(label=_("Hoặc ghi tên người nêu"), max_length=120, required=False)

    def __init__(self, *args, departments, people, **kwargs) -> None:
        super().__init__(*args, departments=departments, **kwargs)
        self.fields["person"].queryset = people


class UnitRecommendationForm(ClassifyForm):
    """A unit raising an item outside a session (a reporter for their tổ dân phố)."""

    unit = PlainUnitChoiceField(label=_("Đơn vị kiến nghị"), queryset=Unit.objects.none())
    person_name = forms.CharField(label=_("Người nêu"), max_length=120, required=False)

    def __init__(self, *args, units, departments, **kwargs) -> None:
        super().__init__(*args, departments=departments, **kwargs)
        self.fields["unit"].queryset = units
        self.order_fields(["unit"])


class AssignForm(StyledForm):
    assignee_unit = PlainUnitChoiceField(
        label=_("Đơn vị được giao"), queryset=Unit.objects.none(), required=False
    )
    assignee_person = PersonChoiceField(
        label=_("Người được giao"), queryset=Person.objects.none(), required=False
    )
    deadline = forms.DateField(label=_("Hạn giải quyết"), widget=DateInput())
    priority = forms.TypedChoiceField(
        label=_("Mức ưu tiên"), choices=Priority.choices, coerce=int, initial=Priority.NORMAL
    )
    reason = _text(
        _("Lý do (bắt buộc khi hạn quá ngày kết thúc kế hoạch)"), rows=2, max_length=2000
    )

    def __init__(self, *args, units, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee_unit"].queryset = units
        self.fields["assignee_person"].queryset = people


class ResolveForm(StyledForm):
    answer = _text(_("Kết quả giải quyết, trả lời"), rows=4, required=True, max_length=10000)
    resolved_on = forms.DateField(label=_("Ngày giải quyết"), widget=DateInput(), required=False)


class CloseForm(StyledForm):
    note = _text(_("Ghi chú thêm khi báo kết quả cho đơn vị"), rows=2, max_length=2000)


class MergeForm(StyledForm):
    others = forms.ModelMultipleChoiceField(
        label=_("Gộp các kiến nghị trùng vào kiến nghị này"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = candidates
        self.fields["others"].widget.attrs["class"] = "form-check-input"


class NoticeForm(StyledForm):
    body = forms.ChoiceField(label=_("Cơ quan ban hành"), choices=BODY_CHOICES)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    number = forms.IntegerField(
        label=_("Số"), min_value=1, required=False, help_text=_("Để trống để lấy số tiếp theo.")
    )
    acknowledged = _text(_("Đoàn công tác ghi nhận"), rows=4, help_text=ONE_PER_LINE)
    conclusions = _text(_("Kết luận"), rows=5, required=True, help_text=ONE_PER_LINE)
    signer = PersonChoiceField(label=_("Người ký"), queryset=Person.objects.none(), required=False)

    def __init__(self, *args, signers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers


class ReportForm(StyledForm):
    body = forms.ChoiceField(label=_("Cơ quan ban hành"), choices=BODY_CHOICES)
    issued_on = forms.DateField(label=_("Ngày báo cáo"), widget=DateInput())
    number = forms.IntegerField(
        label=_("Số"), min_value=1, required=False, help_text=_("Để trống để lấy số tiếp theo.")
    )
    subject = forms.CharField(label=_("Trích yếu"), max_length=300, required=False)
    signer = PersonChoiceField(label=_("Người ký"), queryset=Person.objects.none(), required=False)

    def __init__(self, *args, signers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers


LEVEL_CHOICES = [("", _("— chọn cấp nhận —")), *ForwardLevel.choices]


class DepartmentForm(StyledForm):
    department = PlainUnitChoiceField(label=_("Giao sở, ngành"), queryset=Unit.objects.none())

    def __init__(self, *args, departments, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class AnswerForm(StyledForm):
    answer = _text(_("Nội dung trả lời"), rows=4, required=True, max_length=10000)
    answered_on = forms.DateField(label=_("Ngày trả lời"), widget=DateInput(), required=False)


class AcceptForm(ClassifyForm):
    unit = PlainUnitChoiceField(label=_("Thuộc đơn vị"), queryset=Unit.objects.none())

    def __init__(self, *args, units, departments, **kwargs) -> None:
        super().__init__(*args, departments=departments, **kwargs)
        self.fields["unit"].queryset = units
        self.order_fields(["unit"])


class RejectForm(StyledForm):
    reason = _text(_("Lý do không tiếp nhận"), rows=2, required=True, max_length=2000)


class PolicyForm(StyledForm):
    unit = PlainUnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    answer_days = forms.IntegerField(
        label=_("Số ngày cấp trên phải trả lời kiến nghị"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Để trống: theo cấp trên (mặc định 30 ngày)."),
    )
    citizen_hourly_limit = forms.IntegerField(
        label=_("Số ý kiến nhận từ một địa chỉ trong một giờ"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Để trống: theo cấp trên (mặc định 3)."),
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CitizenForm(StyledForm):
    """The portal's form. `website` is a honeypot: people do not see it, robots fill it."""

    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.CharField(label=_("Thư điện tử"), max_length=254, required=False)
    home = forms.CharField(label=_("Nơi ở (tổ dân phố, thôn)"), max_length=200, required=False)
    text = _text(_("Nội dung kiến nghị"), rows=5, required=True)
    photo = forms.FileField(label=_("Ảnh (JPEG hoặc PNG, không bắt buộc)"), required=False)
    website = forms.CharField(required=False, label=_("Để trống ô này"))


class ForwardSelectionForm(StyledForm):
    """One line per item that may be sent up: send it or not, to which level, and for a
    department which one. The level left empty is refused by the service, naming the item."""

    def __init__(self, *args, items, departments, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"send_{item.pk}"] = forms.BooleanField(required=False, label=str(item))
            self.fields[f"level_{item.pk}"] = forms.ChoiceField(
                label=_("Cấp nhận"),
                choices=LEVEL_CHOICES,
                required=False,
                initial=COMPETENCE_LEVELS.get(item.competence, ""),
            )
            self.fields[f"department_{item.pk}"] = PlainUnitChoiceField(
                label=_("Sở, ngành"),
                queryset=departments,
                required=False,
                initial=item.department_id,
            )
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select form-select-sm"

    def rows(self):
        """(item, send field, level field, department field) for the template."""
        return [
            (item, self[f"send_{item.pk}"], self[f"level_{item.pk}"], self[f"department_{item.pk}"])
            for item in self.items
        ]

    def chosen(self) -> list[tuple]:
        """(item, level or None, department or None) for every line ticked."""
        data = self.cleaned_data
        return [
            (item, data[f"level_{item.pk}"] or None, data[f"department_{item.pk}"])
            for item in self.items
            if data.get(f"send_{item.pk}")
        ]
