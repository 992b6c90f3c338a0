"""Vietnamese names for what the reader calls in English: party figures ("admissions"),
conference fields ("guest", "year_review"), so the review screen says everything in
Vietnamese."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

from tongket.conferences.choices import ConferenceKind
from tongket.lib.dates import format_date

PARTY = {
    "admissions": _("Kết nạp đảng viên mới"),
    "made_full": _("Công nhận đảng viên chính thức"),
    "probationary": _("Đảng viên dự bị"),
    "disciplined": _("Đảng viên bị kỷ luật"),
    "members_total": _("Tổng số đảng viên"),
    "cells_total": _("Tổng số chi bộ"),
    "cells_of_type": _("Chi bộ"),
}
# What the catalogue matcher looks for, for the party figures a catalogue keeps.
PARTY_PHRASES = {
    "admissions": "số đảng viên kết nạp mới",
    "made_full": "số đảng viên được công nhận chính thức",
    "members_total": "tổng số đảng viên",
    "cells_total": "tổng số chi bộ",
}
CONFERENCE = {
    "document": _("Văn bản được dẫn"),
    "kind": _("Loại hội nghị"),
    "date": _("Ngày họp"),
    "part_of_day": _("Buổi"),
    "organisers": _("Cơ quan tổ chức"),
    "guest": _("Khách mời"),
    "chair": _("Chủ trì"),
}
_KINDS = dict(ConferenceKind.choices)


def party_subject(fields: dict) -> str:
    """ "Kết nạp đảng viên mới", "chi bộ hoàn thành xuất sắc nhiệm vụ"."""
    name = fields.get("name", "")
    if name == "rating":
        return " ".join(f"{fields.get('who', '')} {fields.get('level', '')}".split())
    label = str(PARTY.get(name, name))
    detail = fields.get("detail", "")
    return f"{label} {detail}".strip() if name == "cells_of_type" else label


def party_phrase(fields: dict) -> str:
    name = fields.get("name", "")
    return PARTY_PHRASES.get(name) or party_subject(fields)


def _value(field: str, value) -> str:
    if field == "kind":
        return str(_KINDS.get(value, value))
    if field == "date":
        try:
            return format_date(datetime.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


def info(subject: str, fields: dict) -> tuple[str, list[str]]:
    """(subject, values) of a conference fact or a recommendation, in Vietnamese."""
    field = fields.get("field", "")
    if field:
        subject = str(CONFERENCE.get(field, field))
    if subject == "kiến nghị":
        subject = str(_("Kiến nghị"))
    values = [
        _value(field if key == "value" else key, value)
        for key, value in fields.items()
        if key != "field" and value not in (None, "")
    ]
    return subject, values
