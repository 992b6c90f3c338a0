"""Members from the office's .xlsx list: all or nothing, every bad row named; the exported
list reads back in."""

import pytest
from django.core.exceptions import ValidationError

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.party import selectors, services
from tongket.party.columns import MEMBER_COLUMNS
from tongket.party.models import PartyMember

from .conftest import member, saved_rows

HEADERS = [column.header for column in MEMBER_COLUMNS]


def sheet(*rows) -> bytes:
    return write_xlsx([Sheet(title="Đảng viên", headers=HEADERS, rows=[list(row) for row in rows])])


def row(
    name,
    cell="Chi bộ Tổ dân phố số 1",
    admitted="10/01/2010",
    full="10/01/2011",
    card="",
    born="01/05/1980",
    joined="",
):
    return [name, born, "Nam", cell, admitted, full, joined, card, "Trung học phổ thông", ""]


def test_a_clean_list_is_imported_with_its_events(pw):
    data = sheet(
        row("Nguyễn Văn Một", card="1001"),
        row(
            "Trần Thị Hai", cell="Cơ quan phường", admitted="15/03/2025", full="", born="02/02/1995"
        ),
        row("Lê Văn Ba", joined="01/06/2020", card="1003"),
    )
    assert services.members_import_xlsx(commune=pw.a, data=data, by=pw.party_officer_a) == 3
    records = {r.person.full_name: r for r in PartyMember.objects.all()}
    assert (
        records["Trần Thị Hai"].status == "probationary"
        and records["Trần Thị Hai"].cell == pw.cell_a2
    )
    assert list(records["Lê Văn Ba"].events.values_list("kind", flat=True)) == ["transfer_in"]


def test_a_list_with_bad_rows_saves_nothing_and_names_every_row(pw):
    member(pw, "Đã Có", card_number="2002")
    data = sheet(
        row("Đúng Một", card="3001"),
        row("Sai Chi Bộ", cell="Chi bộ Không Có"),
        row("Ngược Ngày", admitted="10/01/2012", full="10/01/2011"),
        row("Trùng Thẻ Trong Tệp", card="3001"),
        row("Trùng Thẻ Đã Có", card="2002"),
        row("Quá Trẻ", admitted="01/03/2025", full="", born="01/01/2010"),
    )
    before = saved_rows()
    with pytest.raises(ValidationError) as caught:
        services.members_import_xlsx(commune=pw.a, data=data, by=pw.party_officer_a)
    messages = caught.value.messages
    assert saved_rows() == before
    expected = [
        "Dòng 3: không có chi bộ “Chi bộ Không Có”",
        "Dòng 4: ngày vào Đảng sau ngày chính thức",
        "Dòng 5: số thẻ 3001 trùng với dòng 2",
        "Dòng 6: số thẻ 2002 đã có trong danh sách",
        "Dòng 7: ngày 01/03/2025 mới 15 tuổi 2 tháng, chưa đủ 18 tuổi",
    ]
    for text in expected:
        assert any(message.startswith(text) for message in messages), (text, messages)
    assert not any(message.startswith("Dòng 2") for message in messages)


def test_a_file_that_is_not_a_workbook_is_refused(pw):
    with pytest.raises(ValidationError, match="không phải là bảng tính Excel"):
        services.members_import_xlsx(commune=pw.a, data=b"not a workbook", by=pw.party_officer_a)


def test_the_exported_list_reads_back_in(pw):
    member(pw, "Xuất Ra", card_number="4004", badge_before=30)
    records = selectors.members_list(pw.root, commune=pw.a)
    data = selectors.members_xlsx(records, "Danh sách")
    PartyMember.objects.all().delete()
    imported = services.members_import_xlsx(commune=pw.a, data=data, by=pw.root)
    again = PartyMember.objects.get()
    assert imported == 1 and (again.card_number, again.badge_before) == ("4004", 30)
