"""Forms of the emulation screens. Choices are limited to what the user may act on; the
services check again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tongket.units.forms import DateInput, StyledForm, UnitChoiceField
from tongket.units.models import Person, Unit
from tongket.units.uploads import SpreadsheetField

from .choices import AwardingBody, ClusterKind, Operator, Recipient, RecordBody, RuleKind
from .models import AwardKind, Movement, Nomination


class YearField(forms.IntegerField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Năm"))
        super().__init__(min_value=2000, max_value=2100, **kwargs)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} – {obj.unit.name}"


class RuleForm(StyledForm):
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"),
        queryset=AwardKind.objects.all(),
        required=False,
        help_text=_("Để trống với quy định chung (lương cơ sở, một thành tích một lần)."),
    )
    kind = forms.ChoiceField(label=_("Loại quy định"), choices=RuleKind.choices)
    unit = UnitChoiceField(
        label=_("Áp dụng riêng cho đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Để trống: áp dụng toàn quốc (chỉ quản trị hệ thống)."),
    )
    recipient = forms.ChoiceField(
        label=_("Áp dụng cho"),
        choices=[("", _("Mọi đối tượng")), *Recipient.choices],
        required=False,
    )
    operator = forms.ChoiceField(
        label=_("Phép so sánh"), choices=[("", "—"), *Operator.choices], required=False
    )
    value = forms.DecimalField(label=_("Giá trị"), required=False, max_digits=14, decimal_places=4)
    text = forms.CharField(
        label=_("Nội dung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_(
            "Tiêu chuẩn; hoặc mã cấp khen thưởng (chairman, party_committee, "
            "province_chairman); hoặc mức xếp loại (excellent, good, done)."
        ),
    )
    reference_kind = forms.ModelChoiceField(
        label=_("Danh hiệu tham chiếu"), queryset=AwardKind.objects.all(), required=False
    )
    effective_from = forms.DateField(label=_("Hiệu lực từ"), widget=DateInput())
    citation_document = forms.CharField(label=_("Văn bản"), max_length=200)
    citation_article = forms.CharField(label=_("Điều, khoản"), max_length=120, required=False)
    unverified = forms.BooleanField(label=_("Chưa xác minh"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MovementForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị phát động"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên phong trào"), max_length=300)
    content = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DateInput())

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ClusterForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên cụm, khối"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại"), choices=ClusterKind.choices)
    members = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thành viên"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    leader = UnitChoiceField(label=_("Đơn vị cụm trưởng"), queryset=Unit.objects.none())

    def __init__(self, *args, units, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["members"].queryset = members
        self.fields["leader"].queryset = members


class PledgeForm(StyledForm):
    year = YearField()
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    criteria = forms.CharField(
        label=_("Tiêu chí và điểm tối đa"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Mỗi dòng một tiêu chí, điểm tối đa ở cuối sau dấu “|”, ví dụ: "
            "Hoàn thành chỉ tiêu thu ngân sách | 30"
        ),
        max_length=10000,
    )

    def clean_criteria(self):
        from tongket.lib.numbers import NumberFormatError, parse_number

        rows = []
        for number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            text, _sep, points = line.rpartition("|")
            try:
                value = parse_number(points.strip())
            except NumberFormatError:
                raise forms.ValidationError(
                    _("Dòng %(n)s: cần ghi điểm tối đa sau dấu “|”.") % {"n": number}
                ) from None
            rows.append((text.strip(), value))
        return rows


class SignForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị ký"), queryset=Unit.objects.none())
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput())
    signer_name = forms.CharField(label=_("Người ký"), max_length=120, required=False)

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


# Which kind of nominee each field belongs to: the form shows only those of the kind chosen.
NOMINEE_FIELDS = {
    "person": Recipient.INDIVIDUAL,
    "collective": Recipient.COLLECTIVE,
    "household_name": Recipient.HOUSEHOLD,
    "household_group": Recipient.HOUSEHOLD,
}


class NomineeForm(StyledForm):
    """Who: a person, a collective or a household; shared by registrations and nominations."""

    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    year = YearField()
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"), queryset=AwardKind.objects.all()
    )
    recipient = forms.ChoiceField(label=_("Đối tượng"), choices=Recipient.choices)
    person = PersonChoiceField(label=_("Cá nhân"), queryset=Person.objects.none(), required=False)
    collective = UnitChoiceField(label=_("Tập thể"), queryset=Unit.objects.none(), required=False)
    household_name = forms.CharField(label=_("Chủ hộ"), max_length=120, required=False)
    household_group = UnitChoiceField(
        label=_("Tổ dân phố, thôn của hộ"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, units, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["collective"].queryset = units
        self.fields["household_group"].queryset = units.filter(kind="residential_group")
        self.fields["person"].queryset = people
        for name, recipient in NOMINEE_FIELDS.items():
            self.fields[name].widget.attrs["data-nominee"] = recipient

    def nominee(self) -> dict:
        """The nominee as the services take it: only the fields of the kind chosen (a person
        left selected before switching to a collective is not sent)."""
        data = self.cleaned_data
        recipient = data["recipient"]

        def applying(name: str, empty=None):
            return (data.get(name) or empty) if NOMINEE_FIELDS[name] == recipient else empty

        return {
            "recipient": recipient,
            "person": applying("person"),
            "collective": applying("collective"),
            "household_name": applying("household_name", ""),
            "household_group": applying("household_group"),
        }


class RegistrationForm(NomineeForm):
    registered_on = forms.DateField(label=_("Ngày đăng ký"), widget=DateInput())


class PastAwardForm(NomineeForm):
    decision_ref = forms.CharField(label=_("Quyết định (số, ngày)"), max_length=200)


class NominationForm(NomineeForm):
    movement = forms.ModelChoiceField(
        label=_("Khen theo phong trào (nếu có)"),
        queryset=Movement.objects.none(),
        required=False,
    )
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )

    def __init__(self, *args, movements, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = movements


class EvidenceForm(StyledForm):
    file = forms.FileField(label=_("Tệp minh chứng (PDF, ảnh, Word, Excel; tối đa 5 MB)"))


class ReturnForm(StyledForm):
    reason = forms.CharField(
        label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ImportForm(StyledForm):
    unit = UnitChoiceField(label=_("Đơn vị đề nghị"), queryset=Unit.objects.none())
    year = YearField()
    file = SpreadsheetField(
        label=_("Tệp Excel (.xlsx): Họ và tên, Mã đơn vị, Danh hiệu, hình thức, Tóm tắt thành tích")
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CouncilMemberForm(StyledForm):
    commune = UnitChoiceField(label=_("Xã, phường"), queryset=Unit.objects.none())
    year = YearField()
    person = PersonChoiceField(label=_("Thành viên"), queryset=Person.objects.none())
    role = forms.CharField(label=_("Chức danh trong Hội đồng"), max_length=120)

    def __init__(self, *args, communes, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes
        self.fields["person"].queryset = people


class SessionForm(StyledForm):
    commune = UnitChoiceField(label=_("Xã, phường"), queryset=Unit.objects.none())
    year = YearField(label=_("Năm xét"))
    held_on = forms.DateField(label=_("Ngày họp"), widget=DateInput())
    members_present = forms.IntegerField(label=_("Số thành viên có mặt"), min_value=0)
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    chair_name = forms.CharField(label=_("Chủ trì"), max_length=120, required=False)
    secretary_name = forms.CharField(label=_("Thư ký"), max_length=120, required=False)

    def __init__(self, *args, communes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes


class LegalDocumentForm(StyledForm):
    short_name = forms.CharField(
        label=_("Tên gọi trong quy định"),
        max_length=200,
        help_text=_("Đúng như cột “văn bản” của các dòng quy định."),
    )
    kind = forms.CharField(label=_("Loại văn bản"), max_length=40)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=120, required=False)
    title = forms.CharField(label=_("Trích yếu"), max_length=400)
    unverified = forms.BooleanField(label=_("Chưa xác minh"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MinutesInfoForm(StyledForm):
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    chair_name = forms.CharField(label=_("Chủ trì"), max_length=120, required=False)
    secretary_name = forms.CharField(label=_("Thư ký"), max_length=120, required=False)
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label=_("Giờ kết thúc"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )


class ScheduleForm(StyledForm):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Đề nghị đưa ra Hội đồng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, nominations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations


class ApproveForm(StyledForm):
    body = forms.ChoiceField(label=_("Cấp quyết định"), choices=AwardingBody.choices)
    number = forms.IntegerField(
        label=_("Số quyết định"),
        min_value=1,
        required=False,
        help_text=_("Để trống: số tiếp theo trong sổ văn bản của cơ quan ban hành."),
    )
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput())
    signer = forms.ModelChoiceField(
        label=_("Người ký"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_(
            "Để trống: người giữ chức Chủ tịch (hoặc Bí thư) vào ngày ký. Chọn cấp phó để ký "
            "thay (KT.)."
        ),
    )
    signer_name = forms.CharField(
        label=_("Người ký (khi chưa ghi chức vụ)"), max_length=120, required=False
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, required=False)

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["signer"].queryset = people


class AwardRecordForm(StyledForm):
    """A decision recorded by count: number, date, body, form, how many, no names."""

    commune = UnitChoiceField(label=_("Xã, phường"), queryset=Unit.objects.none())
    year = YearField(label=_("Năm thành tích"))
    number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 15/QĐ-UBND, 120-QĐ/ĐU")
    )
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput())
    body = forms.ChoiceField(label=_("Cấp khen thưởng"), choices=RecordBody.choices)
    body_name = forms.CharField(
        label=_("Tên cơ quan (khi chọn cơ quan khác)"), max_length=200, required=False
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức trong danh mục"),
        queryset=AwardKind.objects.all(),
        required=False,
    )
    form_name = forms.CharField(
        label=_("Hoặc ghi hình thức"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: bằng khen, giấy khen, cờ thi đua"),
    )
    collectives = forms.IntegerField(label=_("Số tập thể"), min_value=0, initial=0)
    individuals = forms.IntegerField(label=_("Số cá nhân"), min_value=0, initial=0)
    households = forms.IntegerField(label=_("Số hộ gia đình"), min_value=0, initial=0)
    commune_itself = forms.BooleanField(
        label=_("Tặng cho chính xã, phường (khen thưởng của cấp trên)"), required=False
    )
    reason = forms.CharField(
        label=_("Thành tích"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: hoàn thành xuất sắc nhiệm vụ năm 2025"),
    )

    def __init__(self, *args, communes=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if communes is None:
            del self.fields["commune"]
        else:
            self.fields["commune"].queryset = communes
        for name in ("collectives", "individuals", "households"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        for name in ("collectives", "individuals", "households"):
            data[name] = data.get(name) or 0
        return data

    def record_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in RECORD_FORM_FIELDS}


RECORD_FORM_FIELDS = (
    "year",
    "number",
    "signed_on",
    "body",
    "body_name",
    "award_kind",
    "form_name",
    "collectives",
    "individuals",
    "households",
    "commune_itself",
    "reason",
)


class RecipientsImportForm(StyledForm):
    file = SpreadsheetField(label=_("Danh sách (.xlsx)"))
