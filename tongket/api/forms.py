from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tongket.units.forms import StyledForm


class TokenForm(StyledForm):
    name = forms.CharField(
        label=_("Tên khóa"),
        max_length=100,
        required=False,
        help_text=_("Để nhớ khóa dùng ở đâu, ví dụ “Bảng tính tổng hợp của văn phòng”."),
    )
    days = forms.IntegerField(label=_("Thời hạn (ngày)"), min_value=1, max_value=3660)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {"days": settings.API_TOKEN_DAYS})
        super().__init__(*args, **kwargs)


class TokenSearchForm(StyledForm):
    q = forms.CharField(label=_("Tài khoản hoặc đầu khóa"), max_length=100, required=False)
