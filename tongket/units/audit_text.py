"""The audit log read as sentences: "Nguyễn Văn Hùng đăng tin bài “Phường Hòa Bình tổng
kết…” lúc 09:14 ngày 12/01/2026", with people's names, the models' Vietnamese field and
choice labels, local time and a link to the object while it exists.

A page of entries is read in a fixed number of queries: one per model named on the page for
the objects that still exist and one per related model for the names behind ids."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.lib.numbers import format_number

from .choices import AuditAction
from .models import AuditEntry

# What a verb (or the state a transition reached) reads as.
VERBS = {
    "publish": "đăng",
    "published": "đăng",
    "unpublish": "gỡ",
    "unpublish_on_edit": "gỡ (do sửa)",
    "submit": "gửi",
    "submitted": "gửi",
    "approved": "duyệt",
    "approve": "duyệt",
    "returned": "trả lại",
    "reopen": "mở lại",
    "draft": "mở lại",
    "decided": "ra quyết định cho",
    "voted": "ghi kết quả bỏ phiếu cho",
    "in_review": "đưa ra Hội đồng xét",
    "copy_year": "sao chép sang năm mới",
    "change_password": "đổi mật khẩu của",
    "set_password": "đặt mật khẩu cho",
    "merge": "sáp nhập",
    "issue": "lấy số cho",
    "number": "lấy số cho",
    "assign": "giao xử lý",
    "assign_department": "giao sở, ngành trả lời",
    "forward": "chuyển cấp trên",
    "resolve": "giải quyết xong",
    "answer": "ghi trả lời cho",
    "inform": "báo kết quả cho đơn vị về",
    "close": "đóng",
    "close_term": "kết thúc nhiệm kỳ",
    "accept": "tiếp nhận",
    "reject": "từ chối",
    "receive": "nhận",
    "generate": "tạo tệp cho",
    "record": "ghi nhận",
    "start": "bắt đầu",
    "enable_two_factor": "bật xác thực hai bước cho",
    "disable_two_factor": "tắt xác thực hai bước cho",
    "reset_two_factor": "đặt lại xác thực hai bước cho",
    "create_api_token": "tạo khóa API cho",
    "revoke_api_token": "thu hồi khóa API của",
}
ACTIONS = {
    AuditAction.CREATE: "tạo",
    AuditAction.UPDATE: "sửa",
    AuditAction.DELETE: "xóa",
    AuditAction.TRANSITION: "chuyển trạng thái",
}

# Where an object of a model is shown (url name taking its pk).
OBJECT_URLS = {
    "units.unit": "units:detail",
    "units.person": "units:person",
    "units.user": "units:account",
    "emulation.nomination": "emulation:nomination",
    "emulation.awarddecision": "emulation:decision",
    "emulation.councilsession": "emulation:session",
    "petitions.recommendation": "petitions:item",
    "petitions.plan": "petitions:plan",
    "petitions.session": "petitions:session",
    "petitions.conclusionnotice": "petitions:notice",
    "party.partymember": "party:member",
    "party.admission": "party:admission",
    "conferences.conference": "conferences:detail",
    "documents.article": "documents:article",
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Line:
    entry: AuditEntry
    sentence: str
    url: str
    changes: list[Change] = field(default_factory=list)


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, key: str) -> models.Field | None:
    if model is None:
        return None
    for candidate in model._meta.concrete_fields:
        if candidate.attname == key or candidate.name == key:
            return candidate
    return None


def _moment(at: datetime.datetime) -> str:
    local = timezone.localtime(at)
    return _("lúc %(time)s ngày %(day)s") % {
        "time": local.strftime("%H:%M"),
        "day": format_date(local.date()),
    }


def _actor(entry: AuditEntry) -> str:
    if entry.actor_id is None:
        return _("Hệ thống")
    return entry.actor.display_name


def sentence(entry: AuditEntry) -> str:
    if entry.action in (AuditAction.LOGIN_FAILED, AuditAction.LOCKED_OUT):
        # Whoever typed is unknown: the account is what the line is about.
        return _("%(what)s vào tài khoản “%(name)s” %(moment)s") % {
            "what": entry.get_action_display(),
            "name": entry.object_repr,
            "moment": _moment(entry.at),
        }
    model = _model(entry.model)
    what = str(model._meta.verbose_name) if model is not None else entry.model
    verb = VERBS.get(entry.verb) or ACTIONS.get(entry.action, entry.action)
    name = Truncator(entry.object_repr).chars(70)
    return f"{_actor(entry)} {verb} {what} “{name}” {_moment(entry.at)}"


def _plain(value: Any, model_field: models.Field | None, names: dict) -> str:
    if value is None or value == "":
        return "∅"
    if model_field is None:
        return str(value)
    if model_field.is_relation:
        return names.get((model_field.related_model, value), f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("có") if value else _("không")
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return f"{local:%H:%M} {format_date(local.date())}"
    if isinstance(model_field, models.DateField) and isinstance(value, str):
        try:
            return format_date(datetime.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(model_field, models.DecimalField | models.FloatField):
        try:
            return format_number(value)
        except (TypeError, ValueError, ArithmeticError):
            return str(value)
    return str(value)


def _related_names(entries: list[AuditEntry]) -> dict:
    """(related model, id) → its name, one query per related model named on the page."""
    wanted = defaultdict(set)
    for entry in entries:
        model = _model(entry.model)
        for key, pair in (entry.changes or {}).items():
            model_field = _field(model, key)
            if model_field is not None and model_field.is_relation:
                wanted[model_field.related_model].update(v for v in pair if v not in (None, ""))
    names = {}
    for related, ids in wanted.items():
        for obj in related._default_manager.filter(pk__in=ids):
            names[(related, obj.pk)] = str(obj)
    return names


def _existing(entries: list[AuditEntry]) -> set[tuple[str, str]]:
    """(model label, object id) of the objects that still exist and have a page."""
    by_model = defaultdict(set)
    for entry in entries:
        if entry.model in OBJECT_URLS and entry.object_id.isdigit():
            by_model[entry.model].add(int(entry.object_id))
    found = set()
    for label, ids in by_model.items():
        model = _model(label)
        if model is not None:
            pks = model._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
            found.update((label, str(pk)) for pk in pks)
    return found


def _url(entry: AuditEntry, existing: set) -> str:
    if (entry.model, entry.object_id) not in existing:
        return ""
    try:
        return reverse(OBJECT_URLS[entry.model], args=[entry.object_id])
    except NoReverseMatch:
        return ""


def readable(entries) -> list[Line]:
    """A page of audit entries as sentences, field labels and links."""
    entries = list(entries)
    names, existing = _related_names(entries), _existing(entries)
    lines = []
    for entry in entries:
        model = _model(entry.model)
        changes = []
        for key, pair in (entry.changes or {}).items():
            model_field = _field(model, key)
            label = str(model_field.verbose_name) if model_field is not None else key
            old, new = (_plain(value, model_field, names) for value in pair)
            changes.append(Change(label[:1].upper() + label[1:], old, new))
        lines.append(Line(entry, sentence(entry), _url(entry, existing), changes))
    return lines
