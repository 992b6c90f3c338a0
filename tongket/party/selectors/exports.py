"""The member list as .xlsx, in the columns the import reads back."""

from __future__ import annotations

from collections.abc import Iterable

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.choices import Gender

from ..choices import Education, MemberStatus
from ..columns import MEMBER_COLUMNS
from ..models import PartyMember


def members_xlsx(records: Iterable[PartyMember], caption: str) -> bytes:
    """The list in the import's columns (first sheet, reads back in), and each member's
    status on a second sheet."""
    records = list(records)
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
        ]
        for record in records
    ]
    statuses = [
        [
            record.person.full_name,
            record.cell.name,
            MemberStatus(record.status).label if record.status else "",
            "Có" if record.exempt else "",
            "Có" if record.away else "",
        ]
        for record in records
    ]
    return write_xlsx(
        [
            Sheet(title="Đảng viên", headers=[c.header for c in MEMBER_COLUMNS], rows=rows),
            Sheet(
                title="Tình trạng",
                caption=caption,
                headers=[
                    "Họ và tên",
                    "Chi bộ",
                    "Tình trạng",
                    "Miễn sinh hoạt",
                    "Sinh hoạt nơi khác",
                ],
                rows=statuses,
            ),
        ]
    )
