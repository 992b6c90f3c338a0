from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.units.forms import StyledForm, UnitChoiceField
from tongket.units.models import Unit
from tongket.units.uploads import SpreadsheetField


class ArticleForm(StyledForm):
    headline = forms.CharField(label=_("Tiêu đề"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Nội dung"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Các đoạn cách nhau bằng một dòng trống."),
    )
    byline = forms.CharField(label=_("Tác giả"), max_length=200, required=False)


class ResultsImportForm(StyledForm):
    file = SpreadsheetField(label=_("Tệp Excel (.xlsx) số liệu thực hiện"))


class ProvinceJobForm(StyledForm):
    unit = UnitChoiceField(label=_("Tỉnh (hoặc đơn vị)"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    pdf = forms.BooleanField(label=_("Tạo cả bản PDF"), required=False)

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RecipientsForm(StyledForm):
    lines = forms.CharField(
        label=_("Nơi nhận"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng một nơi nhận; dấu “;” và “.” cuối dòng được thêm khi in."),
    )
    standing = forms.BooleanField(
        label=_("Dùng làm danh sách mặc định của cơ quan cho loại văn bản này"), required=False
    )
