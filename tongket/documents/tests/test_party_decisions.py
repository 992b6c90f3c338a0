"""The party's decisions as Word files, read as the Bí thư who signs them: the HD 36 header,
the number from the Đảng ủy's book (restarting with each term), the grounds, the articles
and the signature of whoever held the position that day."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from tongket.party import services
from tongket.party.tests.conftest import candidate, walk, with_seats
from tongket.units import services as unit_services

D = datetime.date


@pytest.fixture
def pw(party_world):
    return with_seats(party_world)


def text_of(data: bytes) -> tuple[list[str], list[str]]:
    document = docx.Document(io.BytesIO(data))
    # Headings keep their words together with no-break spaces; read them as plain spaces.
    cells = [
        cell.text.replace("\xa0", " ")
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs if p.text.strip()]
    return cells, paragraphs


def download(client, user, name, pk):
    client.force_login(user)
    response = client.get(reverse(f"documents:{name}", args=[pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return text_of(response.content)


def test_the_admission_decision_reads_as_the_party_writes_it(client, pw):
    admission = walk(pw, candidate(pw), upto="decide")
    cells, paragraphs = download(client, pw.party_officer_a, "party_admission_docx", admission.pk)
    header = " / ".join(cells)
    for part in (
        "ĐẢNG BỘ TỈNH THỬ NGHIỆM",
        "ĐẢNG ỦY PHƯỜNG HÒA BÌNH",
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ):
        assert part in header
    assert "Số 1-QĐ/ĐU" in cells and "Số: 1" not in header
    assert "Hòa Bình, ngày 05 tháng 4 năm 2025" in cells
    assert paragraphs[:3] == ["QUYẾT ĐỊNH", "kết nạp đảng viên", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH"]
    assert "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in paragraphs
    assert any(p.startswith("Căn cứ Quy định số 232-QĐ/TW") for p in paragraphs)
    assert (
        "Điều 1. Kết nạp quần chúng Đỗ Minh Khang, sinh ngày 15/04/2000, vào Đảng Cộng sản Việt "
        "Nam, sinh hoạt tại Chi bộ Tổ dân phố số 1." in paragraphs
    )
    assert any("Thời gian dự bị của đảng viên là 12 tháng" in p for p in paragraphs)
    signature = " / ".join(cells)
    assert "T/M ĐẢNG ỦY" in signature and "BÍ THƯ" in signature and "Nguyễn Văn Hùng" in signature
    assert "Lưu Văn phòng Đảng ủy" in signature


def test_the_decision_making_full_dates_membership_from_the_probations_end(client, pw):
    admission = walk(pw, candidate(pw), upto="ceremony")
    admission = services.admission_full_vote(
        admission=admission, vote_on=D(2026, 4, 20), votes_for=3, full_members=3, by=pw.root
    )
    admission = services.admission_make_full(
        admission=admission, decision_on=D(2026, 5, 2), by=pw.root
    )
    cells, paragraphs = download(client, pw.party_leader_a, "party_full_docx", admission.pk)
    assert "Số 1-QĐ/ĐU" in cells  # no term recorded: the Đảng ủy's 2026 series
    assert paragraphs[1] == "công nhận đảng viên chính thức"
    assert any(
        "là đảng viên chính thức của Đảng Cộng sản Việt Nam kể từ ngày 10/04/2026" in p
        for p in paragraphs
    )
    assert "Điều 2. Tuổi Đảng của đồng chí Đỗ Minh Khang tính từ ngày 10/04/2025." in paragraphs


def test_party_numbers_restart_with_each_term_and_a_deputy_signs_without_a_bi_thu(client, pw):
    from tongket.units.models import Position

    services.term_record(
        commune=pw.a,
        name="2020–2025",
        congress_date=D(2020, 8, 20),
        start_date=D(2020, 8, 22),
        by=pw.root,
    )
    first = walk(pw, candidate(pw, "Người Thứ Nhất"), upto="decide")
    services.term_record(
        commune=pw.a,
        name="2025–2030",
        congress_date=D(2025, 4, 1),
        start_date=D(2025, 4, 2),
        by=pw.root,
    )
    second = walk(pw, candidate(pw, "Người Thứ Hai"), upto="committee_vote", day=D(2025, 4, 25))
    unit_services.position_end(
        position=Position.objects.get(role="party_secretary"), end_date=D(2025, 5, 29), by=pw.root
    )
    second = services.admission_decide(admission=second, decision_on=D(2025, 5, 30), by=pw.root)
    assert str(first.decision) == "1-QĐ/ĐU" and first.decision.issued_on < D(2025, 4, 21)
    assert str(second.decision) == "1-QĐ/ĐU"
    cells, _ = download(client, pw.party_officer_a, "party_admission_docx", second.pk)
    signature = " / ".join(cells)
    assert "PHÓ BÍ THƯ" in signature and "Hồ Thị Minh Nguyệt" in signature


def test_no_decision_yet_is_a_404(client, pw):
    admission = candidate(pw)
    client.force_login(pw.party_officer_a)
    assert (
        client.get(reverse("documents:party_admission_docx", args=[admission.pk])).status_code
        == 404
    )
