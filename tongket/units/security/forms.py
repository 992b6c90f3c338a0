from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import StyledForm, UnitChoiceField
from ..models import Unit


class CodeForm(StyledForm):
    token = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        help_text=_("6 chữ số đang hiện trong ứng dụng xác thực, hoặc một mã dự phòng."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class PolicyForm(StyledForm):
    unit = UnitChoiceField(
        label=_("Đơn vị (và các đơn vị cấp dưới)"), queryset=Unit.objects.none(), required=False
    )
    require_admins = forms.BooleanField(label=_("Bắt buộc với tài khoản quản trị"), required=False)
    require_leaders = forms.BooleanField(label=_("Bắt buộc với tài khoản lãnh đạo"), required=False)

    def __init__(self, *args, units, allow_global: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.allow_global = allow_global
        if allow_global:
            self.fields["unit"].empty_label = str(_("Toàn hệ thống"))
        else:
            self.fields["unit"].required = True

    def clean_unit(self):
        unit = self.cleaned_data.get("unit")
        if unit is None and not self.allow_global:
            raise forms.ValidationError(_("Hãy chọn đơn vị."))
        return unit
