"""The member list as .xlsx, in the columns the import reads back."""

from __future__ import annotations

from collections.abc import Iterable

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.choices import Gender

from ..choices import Education, MemberStatus
from ..columns import MEMBER_COLUMNS
from ..models import PartyMember


def members_xlsx(records: Iterable[PartyMember], caption: str) -> bytes:
    headers = [column.header for column in MEMBER_COLUMNS] + ["Tình trạng", "Miễn sinh hoạt"]
    rows = [
        [
            record.person.full_name,
            record.person.birth_date,
            Gender(record.person.gender).label if record.person.gender else "",
            record.cell.name,
            record.admitted_on,
            record.full_on,
            record.joined_on
            if record.joined_on and record.joined_on != record.admitted_on
            else None,
            record.card_number,
            Education(record.education).label if record.education else "",
            record.badge_before,
            MemberStatus(record.status).label if record.status else "",
            "Có" if record.exempt else "",
        ]
        for record in records
    ]
    return write_xlsx([Sheet(title="Đảng viên", caption=None, headers=headers, rows=rows)])
