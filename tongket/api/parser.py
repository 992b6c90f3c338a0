"""The API's body parser: JSON (or form fields) read as strict UTF-8, and every string in it
checked for the characters no input may carry (tongket.lib.text.forbidden_characters).

This is the API's edge for long and short texts alike, so tab and line breaks pass here;
a single-line field that receives one is refused by the service's check of the model
(tongket.units.validators.check_model_text) with that field's name."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from ninja.parser import Parser

from tongket.units.validators import text_problem


class BodyTextError(Exception):
    """The body holds strings that may not be stored; errors maps each place to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class BodyEncodingError(Exception):
    """The body is not UTF-8."""


def _walk(value: Any, place: str, errors: dict[str, list[str]]) -> None:
    if isinstance(value, str):
        problem = text_problem(value, multiline=True)
        if problem:
            errors.setdefault(place or "__all__", []).append(problem)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(key, place, errors)
            _walk(item, f"{place}.{key}" if place else str(key), errors)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{place}.{index}" if place else str(index), errors)


def check_strings(data: Any) -> Any:
    errors: dict[str, list[str]] = {}
    _walk(data, "", errors)
    if errors:
        raise BodyTextError(errors)
    return data


class GuardedParser(Parser):
    def parse_body(self, request):
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise BodyEncodingError(_("Nội dung gửi lên không phải UTF-8 hợp lệ.")) from None
        return check_strings(json.loads(text))

    def parse_querydict(self, data, list_fields, request):
        return check_strings(super().parse_querydict(data, list_fields, request))
