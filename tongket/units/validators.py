"""Validators shared by every form, service and API endpoint: password length in Vietnamese,
and the characters no typed text may carry (see tongket.lib.text.forbidden_characters)."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

from tongket.lib.text import LINE_BREAKS, code_point, forbidden_characters


class VietnameseMinimumLengthValidator(MinimumLengthValidator):
    """Django's minimum length rule, with its message in Vietnamese (Django's own Vietnamese
    catalogue lacks this plural message)."""

    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu cần ít nhất {self.min_length} ký tự."


def forbidden_message(chars: list[str], *, multiline: bool) -> str:
    """The Vietnamese message for text that holds `chars` (as forbidden_characters found)."""
    if "\ufffd" in chars:
        return (
            "Văn bản có ký tự lỗi bảng mã (U+FFFD): dữ liệu gửi lên không phải UTF-8 hợp lệ. "
            "Hãy gõ lại hoặc dán lại từ bản gốc."
        )
    if not multiline and all(char in LINE_BREAKS for char in chars):
        return "Ô này chỉ nhận một dòng: không được có dấu xuống dòng hay dấu tab."
    names = ", ".join(code_point(char) for char in chars)
    return (
        f"Văn bản có ký tự điều khiển không được phép ({names}). "
        "Hãy gõ lại hoặc dán dưới dạng văn bản thường."
    )


def text_problem(value, *, multiline: bool) -> str | None:
    """The message for a text that may not be stored, or None when it is fine."""
    if not isinstance(value, str):
        return None
    chars = forbidden_characters(value, multiline=multiline)
    return forbidden_message(chars, multiline=multiline) if chars else None


@deconstructible
class TextCharactersValidator:
    """Refuses control characters, lone surrogates and U+FFFD; single-line texts refuse line
    breaks and tabs too (a browser's one-line box never sends them, so one that arrives was
    not typed there: it is refused, not silently stripped)."""

    code = "forbidden_character"

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value) -> None:
        message = text_problem(value, multiline=self.multiline)
        if message:
            raise ValidationError(message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, TextCharactersValidator) and other.multiline == self.multiline


def is_multiline_field(field: models.Field) -> bool:
    return isinstance(field, models.TextField)


def check_model_text(obj: models.Model) -> None:
    """Every text field of a model instance, checked before it is written: TextFields are long
    texts, CharFields single lines. The forms and the API refuse such input at the edge; this
    is the net under every service (imports and buttons included)."""
    errors: dict[str, list[str]] = {}
    for field in obj._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or field.choices:
            continue
        message = text_problem(getattr(obj, field.attname), multiline=is_multiline_field(field))
        if message:
            errors.setdefault(field.name, []).append(message)
    if errors:
        raise ValidationError(errors)
