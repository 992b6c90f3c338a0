"""Vietnamese for the refusals that would otherwise reach a person in English: the default
message of a database constraint ("Constraint “…” is violated.") and the messages of the
API's schema validation (pydantic's "Field required", "Input should be …").

Every write is cleaned through full_clean() below (tongket.units.audit), so screens and the
API say the same sentence; tests hold every constraint of every model to having one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


def constraint_messages() -> dict[str, str]:
    """Constraint name → what a person is told when a write breaks it."""
    return {
        "unit_valid_range": _("Ngày hết hiệu lực của đơn vị không được trước ngày có hiệu lực."),
        "position_valid_range": _("Ngày thôi giữ chức vụ không được trước ngày bắt đầu."),
        "body_term_valid_range": _("Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu."),
        "issued_number_positive": _("Số văn bản phải từ 1 trở lên."),
        "one_two_factor_policy_per_unit": _("Đơn vị này đã có quy định xác thực hai bước."),
        "indicator_decimals_max": _("Chỉ tiêu có nhiều nhất 4 chữ số thập phân."),
        "movement_valid_range": _("Ngày kết thúc phong trào không được trước ngày bắt đầu."),
        "pledge_score_not_negative": _("Điểm chấm giao ước không được âm."),
        "ballot_votes_within_council": _(
            "Số phiếu đồng ý không được nhiều hơn số thành viên Hội đồng."
        ),
        "award_record_counts_something": _(
            "Khen thưởng ghi theo số lượng phải có ít nhất một tập thể, cá nhân, hộ gia đình "
            "hoặc khen chính xã, phường."
        ),
        "petition_published_is_resolved": _("Chỉ đăng công khai kiến nghị đã giải quyết xong."),
        "petition_policy_answer_days_positive": _("Số ngày trả lời phải từ 1 trở lên."),
        "petition_policy_limit_positive": _("Giới hạn số kiến nghị mỗi giờ phải từ 1 trở lên."),
        "conference_year_sane": _("Năm tổng kết phải từ năm 1945 trở đi."),
        "conference_date_sane": _(
            "Năm tổng kết phải đến năm 2100 và ngày hội nghị trong khoảng 01/01/1945 – 31/12/2101."
        ),
        "article_published_has_date": _("Tin bài đã đăng phải có ngày đăng."),
        "article_of_a_conference_or_a_round": _(
            "Tin bài thuộc đúng một hội nghị hoặc một đợt làm việc."
        ),
        "unique_standing_recipients": _("Đơn vị đã có danh sách nơi nhận cho loại văn bản này."),
        "unique_report_recipients": _("Báo cáo của hội nghị này đã có danh sách nơi nhận."),
        "unique_decision_recipients": _("Quyết định này đã có danh sách nơi nhận."),
    }


def uses_default_message(constraint: models.BaseConstraint) -> bool:
    """Whether Django would name the constraint to the person instead of saying the rule
    (a unique constraint on plain fields has Django's own translated sentence)."""
    if constraint.violation_error_message != constraint.default_violation_error_message:
        return False
    plain_unique = isinstance(constraint, models.UniqueConstraint) and not (
        constraint.condition or constraint.expressions
    )
    return not plain_unique


def _vietnamese_constraints(model: type[models.Model]) -> dict[str, str]:
    """Django's English message of each of the model's constraints → the Vietnamese one."""
    known = constraint_messages()
    return {
        constraint.get_violation_error_message(): known[constraint.name]
        for constraint in model._meta.constraints
        if uses_default_message(constraint) and constraint.name in known
    }


def full_clean(obj: models.Model, **kwargs: Any) -> None:
    """obj.full_clean(), a broken constraint said as its rule in Vietnamese."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        replacements = _vietnamese_constraints(type(obj))
        if not replacements or not hasattr(exc, "error_dict"):
            raise
        raise ValidationError(
            {
                field: [replacements.get(message, message) for message in messages]
                for field, messages in exc.message_dict.items()
            }
        ) from None


# The API's schema validation -------------------------------------------------------------

_SCHEMA_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "extra_forbidden": "Trường này không có trong tài liệu API.",
    "int_type": "Cần một số nguyên.",
    "int_parsing": "Cần một số nguyên.",
    "int_from_float": "Cần một số nguyên.",
    "float_type": "Cần một số.",
    "float_parsing": "Cần một số.",
    "decimal_type": "Cần một số.",
    "decimal_parsing": "Cần một số.",
    "finite_number": "Cần một số hữu hạn.",
    "decimal_max_digits": "Số có quá nhiều chữ số.",
    "decimal_max_places": "Số có quá nhiều chữ số thập phân.",
    "decimal_whole_digits": "Phần nguyên của số có quá nhiều chữ số.",
    "bool_type": "Cần true hoặc false.",
    "bool_parsing": "Cần true hoặc false.",
    "string_type": "Cần một chuỗi chữ.",
    "string_too_long": "Chuỗi chữ dài quá {max_length} ký tự.",
    "string_too_short": "Chuỗi chữ cần ít nhất {min_length} ký tự.",
    "string_pattern_mismatch": "Chuỗi chữ không đúng dạng.",
    "date_type": "Cần một ngày dạng NNNN-TT-NN, ví dụ 2026-01-09.",
    "date_parsing": "Cần một ngày dạng NNNN-TT-NN, ví dụ 2026-01-09.",
    "date_from_datetime_parsing": "Cần một ngày dạng NNNN-TT-NN, ví dụ 2026-01-09.",
    "date_from_datetime_inexact": "Cần một ngày dạng NNNN-TT-NN, ví dụ 2026-01-09.",
    "datetime_type": "Cần ngày giờ dạng ISO 8601.",
    "datetime_parsing": "Cần ngày giờ dạng ISO 8601.",
    "time_type": "Giờ phải viết dạng GG:PP hoặc GG:PP:GG, ví dụ 08:00.",
    "time_parsing": "Giờ phải viết dạng GG:PP hoặc GG:PP:GG, ví dụ 08:00.",
    "enum": "Giá trị phải là một trong: {expected}.",
    "literal_error": "Giá trị phải là một trong: {expected}.",
    "list_type": "Cần một danh sách.",
    "dict_type": "Cần một đối tượng JSON.",
    "model_type": "Cần một đối tượng JSON.",
    "model_attributes_type": "Cần một đối tượng JSON.",
    "greater_than": "Giá trị phải lớn hơn {gt}.",
    "greater_than_equal": "Giá trị phải từ {ge} trở lên.",
    "less_than": "Giá trị phải nhỏ hơn {lt}.",
    "less_than_equal": "Giá trị phải từ {le} trở xuống.",
    "too_long": "Danh sách có quá nhiều phần tử (nhiều nhất {max_length}).",
    "too_short": "Danh sách cần ít nhất {min_length} phần tử.",
    "json_invalid": "Nội dung gửi lên không phải JSON hợp lệ.",
}


def schema_message(error: Mapping[str, Any]) -> str:
    """One pydantic error (type, ctx, msg) said in Vietnamese."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "value_error" and "error" in context:
        return str(context["error"])  # our own validators raise Vietnamese messages
    template = _SCHEMA_MESSAGES.get(kind)
    if template is None:
        return _("Giá trị không hợp lệ.")
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template.split(" {", 1)[0].rstrip(":") + "."
