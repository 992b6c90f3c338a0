"""Moves between chi bộ of a Đảng bộ, transfers to other communes (which the receiving Đảng
ủy must accept), temporary activity elsewhere and guests from elsewhere."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import (
    IN_PARTY,
    EventKind,
    MemberKind,
    MemberStatus,
    TransferKind,
    TransferState,
)
from ..models import MemberEvent, PartyMember, Transfer
from .common import (
    check_cell,
    commune_of,
    not_ahead,
    require,
    today,
)
from .members import _fresh, _person_for, event_append


@transaction.atomic
def member_move_cell(
    *, record: PartyMember, to_cell: Unit, on: datetime.date, by: User, document: str = ""
) -> MemberEvent:
    """Move a member to another chi bộ of the same Đảng bộ (two events: out of the old, into
    the new). A chi bộ of another commune takes a transfer its Đảng ủy accepts."""
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    if to_cell.parent_id != record.commune_id:
        raise ValidationError(
            {
                "to_cell": _(
                    "%(cell)s thuộc Đảng bộ khác: hãy lập giấy chuyển sinh hoạt để nơi đến "
                    "tiếp nhận."
                )
                % {"cell": to_cell.name}
            }
        )
    check_cell(to_cell, record.commune, on)
    if to_cell.pk == record.cell_id:
        raise ValidationError({"to_cell": _("Đảng viên đang sinh hoạt ở chi bộ này.")})
    old = record.cell
    event_append(
        record=record,
        kind=EventKind.CELL_OUT,
        on=on,
        cell=old,
        by=by,
        document=document,
        other_place=to_cell.name,
    )
    return event_append(
        record=record,
        kind=EventKind.CELL_IN,
        on=on,
        cell=to_cell,
        by=by,
        document=document,
        other_place=old.name,
    )


@transaction.atomic
def transfer_out(
    *,
    record: PartyMember,
    kind: str,
    on: datetime.date,
    by: User,
    to_cell: Unit | None = None,
    to_place: str = "",
    document: str = "",
) -> Transfer | MemberEvent:
    """A member leaves for another organisation. Into a chi bộ of another commune in
    tongket: a transfer the receiving Đảng ủy accepts (nothing moves before). Elsewhere:
    the event is recorded now."""
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    if kind not in TransferKind.values:
        raise ValidationError({"kind": _("Hình thức chuyển không hợp lệ.")})
    if record.status not in IN_PARTY:
        raise ValidationError(_("Chỉ chuyển sinh hoạt được cho đảng viên đang trong danh sách."))
    not_ahead(on, "on", _("Ngày chuyển"))
    if to_cell is not None:
        target = commune_of(to_cell)
        if target.pk == record.commune_id:
            raise ValidationError({"to_cell": _("Chi bộ cùng Đảng bộ: hãy dùng “Chuyển chi bộ”.")})
        check_cell(to_cell, target, on)
        if Transfer.objects.filter(member=record, state=TransferState.REQUESTED).exists():
            raise ValidationError(_("Đảng viên đang có giấy chuyển chờ nơi đến tiếp nhận."))
        transfer = Transfer(
            member=record,
            kind=kind,
            from_cell=record.cell,
            to_cell=to_cell,
            on=on,
            note=document[:500],
        )
        return audit.create(transfer, by=by)
    if not to_place.strip():
        raise ValidationError({"to_place": _("Ghi nơi đến (tổ chức đảng nhận).")})
    event_kind = EventKind.TRANSFER_OUT if kind == TransferKind.OFFICIAL else EventKind.TEMP_OUT
    return event_append(
        record=record,
        kind=event_kind,
        on=on,
        by=by,
        document=document,
        other_place=to_place.strip(),
    )


@transaction.atomic
def transfer_accept(*, transfer: Transfer, by: User) -> Transfer:
    """The receiving Đảng ủy accepts: official, the record moves into its chi bộ (out of the
    old Đảng bộ, into the new, on the transfer's date); temporary, the member stays counted
    at home, away, and is active at the receiving chi bộ as a guest."""
    transfer = (
        Transfer.objects.select_for_update(of=("self",))
        .select_related("member", "to_cell", "from_cell")
        .get(pk=transfer.pk)
    )
    receiving = commune_of(transfer.to_cell)
    require(by, Action.EDIT, receiving)
    if transfer.state != TransferState.REQUESTED:
        raise ValidationError(_("Giấy chuyển này đã được trả lời."))
    if transfer.kind == TransferKind.OFFICIAL:
        _move_record(transfer, by)
    else:
        transfer.guest = _host_guest(transfer, receiving, by)
    return audit.transition(transfer, "state", TransferState.ACCEPTED, by=by, answered_on=today())


def _move_record(transfer: Transfer, by: User) -> None:
    """Out of the old Đảng bộ, into the receiving chi bộ, with the status the member had."""
    record, origin = transfer.member, transfer.member.cell
    event_append(
        record=record,
        kind=EventKind.TRANSFER_OUT,
        on=transfer.on,
        cell=origin,
        by=by,
        other_place=transfer.to_cell.name,
    )
    event_append(
        record=record,
        kind=EventKind.TRANSFER_IN,
        on=transfer.on,
        cell=transfer.to_cell,
        by=by,
        status_in=record.status,
        other_place=origin.name,
    )


def _host_guest(transfer: Transfer, receiving: Unit, by: User) -> PartyMember:
    """Away at home, a guest record at the receiving chi bộ."""
    record, origin = transfer.member, transfer.member.cell
    event_append(
        record=record,
        kind=EventKind.TEMP_OUT,
        on=transfer.on,
        cell=origin,
        by=by,
        other_place=transfer.to_cell.name,
    )
    guest = audit.create(
        PartyMember(
            person=record.person,
            kind=MemberKind.GUEST,
            commune=receiving,
            cell=transfer.to_cell,
            home_member=record,
            home_organization=origin.name,
            admitted_on=record.admitted_on,
            full_on=record.full_on,
        ),
        by=by,
    )
    event_append(
        record=guest,
        kind=EventKind.TEMP_IN,
        on=transfer.on,
        cell=transfer.to_cell,
        by=by,
        other_place=origin.name,
    )
    return guest


@transaction.atomic
def transfer_refuse(*, transfer: Transfer, by: User, note: str = "") -> Transfer:
    transfer = (
        Transfer.objects.select_for_update(of=("self",))
        .select_related("to_cell")
        .get(pk=transfer.pk)
    )
    require(by, Action.EDIT, commune_of(transfer.to_cell))
    if transfer.state != TransferState.REQUESTED:
        raise ValidationError(_("Giấy chuyển này đã được trả lời."))
    return audit.transition(
        transfer, "state", TransferState.REFUSED, by=by, answered_on=today(), note=note[:500]
    )


@transaction.atomic
def member_return(*, record: PartyMember, on: datetime.date, by: User) -> MemberEvent:
    """A member active elsewhere temporarily comes back; a guest record they had in another
    Đảng bộ of tongket ends the same day."""
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    event = event_append(record=record, kind=EventKind.TEMP_BACK, on=on, by=by)
    for transfer in (
        Transfer.objects.select_for_update(of=("self",))
        .filter(member=record, kind=TransferKind.TEMPORARY, state=TransferState.ACCEPTED)
        .select_related("guest__cell")
    ):
        if transfer.guest is not None and transfer.guest.status == MemberStatus.GUEST:
            event_append(
                record=transfer.guest,
                kind=EventKind.TEMP_IN_END,
                on=on,
                by=by,
            )
        audit.transition(transfer, "state", TransferState.RETURNED, by=by)
    return event


@transaction.atomic
def guest_create(
    *,
    commune: Unit,
    cell: Unit,
    full_name: str,
    birth_date: datetime.date | None,
    on: datetime.date,
    home_organization: str,
    by: User,
    gender: str = "",
) -> PartyMember:
    """A member of an organisation outside tongket comes to be active here temporarily."""
    require(by, Action.EDIT, commune)
    check_cell(cell, commune, on)
    if not home_organization.strip():
        raise ValidationError({"home_organization": _("Ghi nơi sinh hoạt chính thức.")})
    person = _person_for(
        commune=commune, full_name=full_name, birth_date=birth_date, gender=gender, by=by
    )
    guest = audit.create(
        PartyMember(
            person=person,
            kind=MemberKind.GUEST,
            commune=commune,
            cell=cell,
            home_organization=home_organization.strip(),
        ),
        by=by,
    )
    event_append(
        record=guest, kind=EventKind.TEMP_IN, on=on, cell=cell, by=by, other_place=home_organization
    )
    guest.refresh_from_db()
    return guest


@transaction.atomic
def guest_end(*, record: PartyMember, on: datetime.date, by: User) -> MemberEvent:
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    return event_append(record=record, kind=EventKind.TEMP_IN_END, on=on, by=by)
