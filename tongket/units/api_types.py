"""Shapes every app's API shares: the one error answer, the base of every request body and
the clock time of day. They live here, below every app, so each app's api.py can use them.

What a request body may not hold is said in the OpenAPI document and refused alike (422):
a field the body does not declare, a time that is not HH:MM or HH:MM:SS, a yes/no that is
not true or false, a number written as anything but a JSON number or a plain decimal
string, a map keyed by something other than an id."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
_TIME = re.compile(TIME_PATTERN)
NUMBER_PATTERN = r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
_NUMBER = re.compile(NUMBER_PATTERN)
ID_PATTERN = r"^[0-9]{1,18}$"
_ID = re.compile(ID_PATTERN)


class ErrorOut(Schema):
    """Every error answer of the API: a Vietnamese sentence, and for a refused input the
    messages of each field (field name → messages; "__all__" for the input as a whole)."""

    detail: str = Field(description="Thông báo lỗi bằng tiếng Việt.")
    errors: dict[str, list[str]] | None = Field(
        default=None,
        description="Lỗi của từng trường (tên trường → các thông báo); “__all__”: cả yêu cầu.",
    )


_CLOCK_TYPES = (datetime.date, datetime.datetime, datetime.time)


def _leaf_types(annotation: Any) -> set[Any]:
    """The plain types a field's annotation admits (unions and Annotated unwrapped)."""
    arguments = get_args(annotation)
    if get_origin(annotation) in (Union, UnionType):
        return {leaf for argument in arguments for leaf in _leaf_types(argument)}
    if get_origin(annotation) is Annotated:
        return _leaf_types(arguments[0])
    return {get_origin(annotation) or annotation}


def _wrong_json_type(value: Any, kinds: set[Any]) -> bool:
    """pydantic's lax mode reads true as 1, "5" as 5 and 0 as 1970-01-01: a JSON value of a
    type the document does not give the field is refused instead."""
    if isinstance(value, bool):
        return bool not in kinds
    if isinstance(value, str):
        return kinds <= {int, type(None)}
    if isinstance(value, int | float):
        return bool(kinds) and all(
            isinstance(kind, type) and issubclass(kind, (*_CLOCK_TYPES, type(None)))
            for kind in kinds
        )
    return False


class InSchema(Schema):
    """A request body: a field it does not declare is refused, not silently dropped, and
    each field takes only the JSON types the document gives it."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _json_types(cls, value: Any, info: ValidationInfo) -> Any:
        annotation = cls.model_fields[info.field_name].annotation
        kinds = _leaf_types(annotation)
        if _wrong_json_type(value, kinds):
            raise ValueError(_("Kiểu giá trị không đúng tài liệu API."))
        if isinstance(value, list) and list in kinds:
            items = {leaf for argument in get_args(annotation) for leaf in _leaf_types(argument)}
            if any(_wrong_json_type(item, items) for item in value):
                raise ValueError(_("Kiểu giá trị không đúng tài liệu API."))
        return value


def _time_text(value: Any) -> Any:
    if isinstance(value, datetime.time):
        return value
    if not isinstance(value, str) or not _TIME.match(value):
        raise ValueError(_("Giờ phải viết dạng GG:PP hoặc GG:PP:GG, ví dụ 08:00."))
    return value


# A wall-clock time of day with no time zone (the OpenAPI "time" format demands one).
LocalTime = Annotated[
    datetime.time,
    BeforeValidator(_time_text),
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN, "examples": ["08:00"]}),
]


# The years tongket keeps (a conference's own rule): a filter or a body outside them is a 422.
Year = Annotated[int, Field(ge=1945, le=2100, description="Năm, từ 1945 đến 2100.")]

# true or false only (pydantic would also take 0, 1, "yes", "on" …).
Flag = Annotated[bool, Strict()]


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValueError(_("Cần một số."))
    if isinstance(value, str) and not _NUMBER.match(value):
        raise ValueError(_("Cần một số, ví dụ 12.5."))
    return value


# A decimal figure: a JSON number, or a string of digits with an optional decimal point.
Number = Annotated[
    Decimal,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_PATTERN}]}),
]


def _id_keys(value: Any) -> Any:
    if isinstance(value, dict) and not all(
        isinstance(key, str) and _ID.match(key) for key in value
    ):
        raise ValueError(_("Mỗi khóa phải là mã số (id) của một đối tượng."))
    return value


def keyed_by_id(value_type: Any, value_schema: dict[str, Any]) -> Any:
    """A JSON object whose keys are ids, each mapped to a value_type."""
    return Annotated[
        dict[int, value_type],
        BeforeValidator(_id_keys),
        WithJsonSchema(
            {
                "type": "object",
                "propertyNames": {"pattern": ID_PATTERN},
                "additionalProperties": value_schema,
            }
        ),
    ]
