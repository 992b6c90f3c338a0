"""Nơi nhận: the list kept per issuing body of a commune and per kind of document, seeded from
the body and the commune's kind ("Thường trực Đảng ủy, HĐND xã" for a xã), editable for the
body and for one document (which then keeps its own copy)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action, Body, DocumentType, UnitKind
from tongket.units.models import Unit, User

from .issuing import kind_word
from .models import RecipientList

MAX_LINES = 30


def _groups_word(commune: Unit) -> str:
    """What a commune's residential groups are called: tổ dân phố in a phường, thôn elsewhere."""
    return "tổ dân phố" if commune.kind == UnitKind.PHUONG else "thôn, tổ dân phố"


def _province_committee(commune: Unit) -> str:
    """ "Ban Thường vụ Tỉnh ủy" (or "Thành ủy" under a centrally-run city)."""
    parent = commune.parent
    if parent is not None and parent.name.lower().startswith("thành phố"):
        return "Ban Thường vụ Thành ủy"
    return "Ban Thường vụ Tỉnh ủy"


def default_recipients(commune: Unit, body: str, doc_type: str) -> list[str]:
    """The lines a new list starts from, by body, kind of document and kind of commune."""
    kind = kind_word(commune)
    province = commune.parent
    above = f"UBND {kind_word(province)} {province.name.split(' ', 1)[-1]}" if province else ""
    if body == Body.PARTY_COMMITTEE:
        if doc_type == DocumentType.DECISION:
            return ["Như Điều 3", "Lưu Văn phòng Đảng ủy"]
        return [
            f"{_province_committee(commune)} (b/c)",
            "Các đồng chí Đảng ủy viên",
            "Các chi bộ trực thuộc",
            "Lưu Văn phòng Đảng ủy",
        ]
    if doc_type == DocumentType.DECISION:
        return ["Như Điều 3", f"Thường trực Đảng ủy, HĐND {kind} (b/c)", "Lưu: VT"]
    lines = [
        f"Thường trực Đảng ủy, HĐND {kind}",
        f"Chủ tịch, các Phó Chủ tịch UBND {kind}",
        f"Các cơ quan, đơn vị, {_groups_word(commune)}",
        "Lưu: VT",
    ]
    return ([f"{above} (b/c)"] if above else []) + lines


def recipients_for(
    commune: Unit, body: str, doc_type: str, *, conference=None, decision=None
) -> list[str]:
    """The document's own list if it has one, else the body's standing list, else the
    default (one query)."""
    wanted = Q(conference__isnull=True, decision__isnull=True)
    if conference is not None:
        wanted |= Q(conference=conference)
    if decision is not None:
        wanted |= Q(decision=decision)
    rows = list(RecipientList.objects.filter(wanted, unit=commune, body=body, doc_type=doc_type))
    own = [row for row in rows if row.conference_id or row.decision_id]
    chosen = own[0] if own else (rows[0] if rows else None)
    if chosen is not None and chosen.items:
        return chosen.items
    return default_recipients(commune, body, doc_type)


def _clean_lines(text: str) -> str:
    lines = [line.strip(" -•\t;.") for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ValidationError({"lines": _("Nơi nhận cần ít nhất một dòng.")})
    if len(lines) > MAX_LINES:
        raise ValidationError({"lines": _("Nơi nhận dài quá %(n)s dòng.") % {"n": MAX_LINES}})
    too_long = [line for line in lines if len(line) > 200]
    if too_long:
        raise ValidationError({"lines": _("Mỗi dòng nơi nhận không quá 200 ký tự.")})
    return "\n".join(lines)


@transaction.atomic
def recipients_save(
    *,
    commune: Unit,
    body: str,
    doc_type: str,
    lines: str,
    by: User,
    conference=None,
    decision=None,
) -> RecipientList:
    """Save a body's standing list, or one document's own copy (conference or decision)."""
    access.require(by, Action.EDIT, commune)
    if body not in Body.values or doc_type not in DocumentType.values:
        raise ValidationError(_("Cơ quan hoặc loại văn bản không hợp lệ."))
    text = _clean_lines(lines)
    row = (
        RecipientList.objects.select_for_update()
        .filter(
            unit=commune,
            body=body,
            doc_type=doc_type,
            conference=conference,
            decision=decision,
        )
        .first()
    )
    if row is None:
        return audit.create(
            RecipientList(
                unit=commune,
                body=body,
                doc_type=doc_type,
                conference=conference,
                decision=decision,
                lines=text,
            ),
            by=by,
        )
    before = audit.snapshot(row)
    row.lines = text
    return audit.update(row, before, by=by)
