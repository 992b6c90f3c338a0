from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .choices import PositionRole, Role, Side, UnitKind
from .models import Person, Unit
from .validators import TextCharactersValidator


def guard_text(field: forms.Field) -> None:
    """Give a text field the shared character check: a textarea is a long text (tab and line
    breaks allowed), any other text box a single line. It replaces Django's NUL-only check."""
    if not isinstance(field, forms.CharField):
        return
    multiline = isinstance(field.widget, forms.Textarea)
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(validator, ProhibitNullCharactersValidator | TextCharactersValidator)
    ]
    field.validators.append(TextCharactersValidator(multiline=multiline))


NBSP = "\u00a0"
CHOOSE, NONE = _("Chọn…"), _("Không chọn")


def _plain_empty_choice(field: forms.Field) -> None:
    """A select's empty line reads "Chọn…" (or "Không chọn" when optional), never "---------"."""
    if isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
        if field.empty_label == "---------":
            field.empty_label = NONE if not field.required else CHOOSE
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == "---------" for value, label in choices):
            empty = NONE if not field.required else CHOOSE
            field.choices = [(v, empty if v == "" else label) for v, label in choices]


class StyledForm(forms.Form):
    """Gives every widget its Bootstrap class and every text field the shared character check
    (tongket.units.validators); all tongket forms derive from it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            guard_text(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            _plain_empty_choice(field)

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the fields it names (or on the form)."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return f"{NBSP * 2 * obj.depth}{obj.name}"  # indented by level, no internal code


class UnitForm(StyledForm):
    code = forms.CharField(label=_("Mã đơn vị"), max_length=32)
    name = forms.CharField(label=_("Tên đơn vị"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại"), choices=UnitKind.choices)
    parent = UnitChoiceField(
        label=_("Đơn vị cấp trên"), queryset=Unit.objects.none(), required=False
    )
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    valid_from = forms.DateField(label=_("Hiệu lực từ"), required=False, widget=DateInput())
    valid_to = forms.DateField(label=_("Hiệu lực đến"), required=False, widget=DateInput())
    merged_into = UnitChoiceField(
        label=_("Sáp nhập vào"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, parents, merge_targets=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents
        self.fields["merged_into"].queryset = (
            merge_targets if merge_targets is not None else parents
        )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Tên đơn vị không được để trống."))
        return name

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code:
            raise ValidationError(_("Mã đơn vị không được để trống."))
        return code


class PersonForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    gender = forms.ChoiceField(
        label=_("Giới tính"),
        choices=[("", "—"), *Person._meta.get_field("gender").choices],
        required=False,
    )
    birth_date = forms.DateField(label=_("Ngày sinh"), required=False, widget=DateInput())
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise ValidationError(_("Họ và tên không được để trống."))
        return name


class PositionForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Chức vụ"), max_length=150)
    role = forms.ChoiceField(
        label=_("Loại chức vụ"),
        required=False,
        choices=[("", _("Theo tên chức vụ")), *PositionRole.choices],
        help_text=_("Văn bản chọn người ký theo loại chức vụ; để trống thì đọc từ tên chức vụ."),
    )
    start_date = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    end_date = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput())

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if (
            data.get("start_date")
            and data.get("end_date")
            and data["end_date"] < data["start_date"]
        ):
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class UserCreateForm(StyledForm):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, max_length=128)
    unit = UnitChoiceField(label=_("Đơn vị quản lý tài khoản"), queryset=Unit.objects.none())
    person = forms.ModelChoiceField(
        label=_("Người"), queryset=Person.objects.none(), required=False
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)

    def __init__(self, *args, units, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["person"].queryset = people


class UserUpdateForm(StyledForm):
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)


class SetPasswordForm(StyledForm):
    password = forms.CharField(label=_("Mật khẩu mới"), widget=forms.PasswordInput, max_length=128)


class GrantForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    side = forms.TypedChoiceField(
        label=_("Khối"),
        choices=Side.choices,
        initial=Side.STATE,
        required=False,
        empty_value=Side.STATE,
        help_text=_("Khối Đảng: văn phòng Đảng ủy, lãnh đạo Đảng ủy, bí thư chi bộ."),
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False, max_length=100, validators=[TextCharactersValidator(multiline=False)]
    )


__all__ = [
    "GrantForm",
    "PersonForm",
    "PositionForm",
    "SearchForm",
    "SetPasswordForm",
    "StyledForm",
    "UnitForm",
    "UserCreateForm",
    "UserUpdateForm",
    "guard_text",
]
