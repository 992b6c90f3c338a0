"""Every document type tongket generates, opened twice as the person who signs it would read
it: the DOCX with python-docx and the PDF (LibreOffice, then pdftotext -layout). Each checks
the number's form, the heading lines (place names never split), the signer block and what the
issue asks of it. PDFs are converted once per document through a module-scoped cache, so the
module costs one LibreOffice run per document type."""

# ruff: noqa: F811  (the emulation fixtures are imported by name)

from __future__ import annotations

import datetime
import hashlib
import io
import subprocess
from decimal import Decimal

import docx
import pytest
from pypdf import PdfReader

from tongket.conferences.selectors import conference_queryset
from tongket.conferences.tests.builders import make_conference
from tongket.documents import awards, office
from tongket.documents.data import report_data
from tongket.documents.report import report_docx, report_filename
from tongket.emulation import selectors as emulation
from tongket.emulation import services as emulation_services
from tongket.emulation.tests.conftest import decided, em, kinds  # noqa: F401
from tongket.targets import services as targets

from .builders import ready

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def pdf():
    """pdf(docx_bytes) -> (pages, layout text): each distinct document converted once."""
    made: dict[str, tuple[int, str]] = {}

    def convert(data: bytes) -> tuple[int, str]:
        key = hashlib.sha256(data).hexdigest()
        if key not in made:
            converted = office.docx_to_pdf(data)
            pages = len(PdfReader(io.BytesIO(converted)).pages)
            text = subprocess.run(
                ["pdftotext", "-layout", "-", "-"],
                input=converted,
                capture_output=True,
                check=True,
            ).stdout.decode("utf-8")
            made[key] = (pages, text.replace(NBSP, " "))
        return made[key]

    return convert


def _docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def _lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts).replace(NBSP, " ")


def _line_with(text: str, words: str) -> str:
    """The PDF line that holds `words` whole (a split name is on no single line)."""
    found = [line for line in text.splitlines() if words in line]
    assert found, f"{words!r} is on no single line of the PDF"
    return found[0]


def _no_placeholders(text: str) -> None:
    assert "—" not in text
    assert "Số:  " not in text and "Số:\n" not in text
    assert "None" not in text


# Reports ----------------------------------------------------------------------------------


def _report(conference, layout):
    data = report_data(conference_queryset().get(pk=conference.pk), layout)
    return data, report_docx(data)


def test_state_report_in_docx_and_pdf(year_end, pdf):
    data, raw = _report(year_end, "state")
    document = _docx(raw)
    header = document.tables[0]
    assert _lines(header.rows[0].cells[0]) == [
        f"ỦY{NBSP}BAN{NBSP}NHÂN{NBSP}DÂN",
        f"PHƯỜNG{NBSP}HÒA{NBSP}BÌNH",
    ]
    assert header.rows[1].cells[0].text == "Số: 15/BC-UBND"
    signature = document.tables[-1].rows[0].cells
    assert _lines(signature[1]) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Thu Hà"]
    recipients = _lines(signature[0])
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu: VT."
    assert all(line.endswith(";") for line in recipients[1:-1])
    assert "- Thường trực Đảng ủy, HĐND phường;" in recipients
    text = _text(document)
    assert "Bảng 1. Kết quả thực hiện các chỉ tiêu năm 2025" in text
    _no_placeholders(text)
    assert report_filename(data, "docx").endswith("-ubnd.docx")

    pages, printed = pdf(raw)
    assert pages >= 2
    assert "ỦY BAN NHÂN DÂN" in _line_with(printed, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Độc lập - Tự do - Hạnh phúc" in _line_with(printed, "PHƯỜNG HÒA BÌNH")
    assert "Hòa Bình, ngày 09 tháng 01 năm 2026" in _line_with(printed, "Số: 15/BC-UBND")
    assert "CHỦ TỊCH" in printed and "Lê Thị Thu Hà" in printed
    assert "Biểu đồ 1. Tỷ lệ thực hiện năm 2025 so với kế hoạch (%)" in printed
    _no_placeholders(printed)


def test_party_report_in_docx_and_pdf(year_end, pdf):
    data, raw = _report(year_end, "party")
    document = _docx(raw)
    header = document.tables[0]
    left = [line.replace(NBSP, " ") for line in _lines(header.rows[0].cells[0])]
    assert left[0] == "ĐẢNG BỘ TỈNH THỬ NGHIỆM" and left[-1] == "*"
    assert " ".join(left[1:-1]) == "ĐẢNG ỦY PHƯỜNG HÒA BÌNH"
    assert header.rows[1].cells[0].text == "Số 12-BC/ĐU"
    kind = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert kind.runs[0].font.size.pt == 16
    signature = document.tables[-1].rows[0].cells
    assert _lines(signature[1]) == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn Hùng"]
    assert _lines(signature[0])[-1] == "- Lưu Văn phòng Đảng ủy."
    assert "Lê Thị Thu Hà" not in _text(document)  # never the state signer
    assert report_filename(data, "docx").endswith("-dang-uy.docx")

    _pages, printed = pdf(raw)
    assert "Số 12-BC/ĐU" in printed and "Số: 12" not in printed
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in printed
    _line_with(printed, "PHƯỜNG HÒA BÌNH")
    assert "T/M ĐẢNG ỦY" in printed and "Nguyễn Văn Hùng" in printed
    assert "Độc lập - Tự do" not in printed
    _no_placeholders(printed)


def test_the_two_layouts_are_two_files_with_two_names_and_two_contents(year_end, login, world):
    client = login(world.officer_a)
    url = f"/van-ban/hoi-nghi/{year_end.pk}/bao-cao.docx"
    state, party = client.get(url + "?mau=state"), client.get(url + "?mau=party")
    assert state.status_code == party.status_code == 200
    assert state["Content-Disposition"] != party["Content-Disposition"]
    assert "-ubnd.docx" in state["Content-Disposition"]
    assert "-dang-uy.docx" in party["Content-Disposition"]
    assert state.content != party.content
    page = client.get(f"/van-ban/hoi-nghi/{year_end.pk}/").content.decode()
    assert page.count("bao-cao.docx?mau=") == 2


def _half_year(world):
    conference = make_conference(
        world,
        kind="half_year_review",
        date=datetime.date(2025, 7, 10),
        directions="Tập trung thu ngân sách\nHỗ trợ tiểu thủ công nghiệp",
        shortcomings="Thu ngân sách từ đất còn chậm",
    )
    for code, value in (("THU_NS", "5.9"), ("GTSX_TTCN", "40")):
        targets.result_save(
            unit=world.a,
            indicator=world.indicators[code],
            year=2025,
            period="h1",
            by=world.officer_a,
            expected_version=0,
            value=Decimal(value),
        )
    return ready(world, conference)


def test_six_month_report_in_docx_and_pdf(world, indicators, pdf):
    world.indicators = indicators
    conference = _half_year(world)
    data, raw = _report(conference, "state")
    text = _text(_docx(raw))
    assert "báo cáo kết quả thực hiện nhiệm vụ sáu tháng đầu năm 2025" in text
    assert "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU SÁU THÁNG ĐẦU NĂM 2025" in text
    assert "ước thực hiện" not in text or "kế hoạch năm" in text
    assert "tổng thu ngân sách nhà nước trên địa bàn đạt 5,9 tỷ đồng, bằng 49,6% kế hoạch năm" in (
        text.lower()
    )
    assert "giá trị sản xuất tiểu thủ công nghiệp đạt 40 tỷ đồng, bằng 36,5% kế hoạch năm" in text
    assert "không đạt" not in text.lower()  # no verdict on half a year against a year's plan
    assert "NHIỆM VỤ SÁU THÁNG CUỐI NĂM 2025" in text
    assert "2026" not in text
    table = next(t for t in _docx(raw).tables if t.rows[0].cells[0].text == "TT")
    assert [c.text for c in table.rows[0].cells][3:] == [
        "Kế hoạch năm",
        "Thực hiện 6 tháng",
        "% KH năm",
    ]
    assert "sáu tháng đầu năm 2025 so với kế hoạch năm" in text
    assert "so-ket-6-thang" in report_filename(data, "docx")

    _pages, printed = pdf(raw)
    assert "Sơ kết công tác sáu tháng đầu năm 2025" in printed
    assert "bằng 49,6% kế hoạch năm" in " ".join(printed.split())
    assert "Không đạt" not in printed and "không đạt" not in printed
    assert "Số: 1/BC-UBND" in printed
    _no_placeholders(printed)


# What a report needs before it is made -------------------------------------------------------


def test_a_report_without_number_or_signer_is_a_page_naming_what_is_missing(world, login, db):
    conference = make_conference(world, directions="Hoàn thành chỉ tiêu")
    client = login(world.officer_a)
    response = client.get(f"/van-ban/hoi-nghi/{conference.pk}/bao-cao.docx?mau=state")
    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Báo cáo chưa có số trong sổ văn bản của UBND phường." in page
    assert f"/hoi-nghi/{conference.pk}/" in page  # where to take the number
    assert "Chưa có ai giữ chức Chủ tịch UBND phường Hòa Bình vào ngày 09/01/2026" in page
    assert "/nguoi/?unit=" in page  # where to record the position
    screen = client.get(f"/van-ban/hoi-nghi/{conference.pk}/").content.decode()
    assert 'id="missing-state"' in screen and 'id="missing-party"' in screen


def test_the_api_answers_409_naming_each_missing_part(world, client, db):
    import json

    from tongket.api.services import token_create

    conference = make_conference(world, directions="Hoàn thành chỉ tiêu")
    _, raw = token_create(user=world.officer_a)
    response = client.get(
        f"/api/v1/documents/conferences/{conference.pk}/report.docx?layout=party",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 409
    body = json.loads(response.content)
    whats = [item["what"] for item in body["missing"]]
    assert any("sổ văn bản của Đảng ủy" in what for what in whats)
    assert any("Bí thư Đảng ủy phường Hòa Bình" in what for what in whats)
    assert all(item["url"] for item in body["missing"])


def test_a_deputy_chosen_to_sign_the_report_signs_kt_chu_tich(world, year_end):
    from tongket.conferences import services as conference_services
    from tongket.conferences.tests.builders import official

    deputy = official(world, "Phạm Quốc Bảo", "Phó Chủ tịch UBND phường", unit=world.a)
    conference_services.conference_update(conference=year_end, signer=deputy, by=world.officer_a)
    _, raw = _report(year_end, "state")
    signature = _docx(raw).tables[-1].rows[0].cells[1]
    assert _lines(signature) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phạm Quốc Bảo",
    ]


def test_a_chosen_signer_without_the_position_on_the_date_is_named(world, year_end):
    from tongket.conferences import services as conference_services
    from tongket.conferences.tests.builders import official
    from tongket.documents.issuing import NotReady

    former = official(
        world,
        "Hà Văn Cũ",
        "Phó Chủ tịch UBND phường",
        unit=world.a,
        end=datetime.date(2025, 6, 30),
    )
    conference_services.conference_update(conference=year_end, signer=former, by=world.officer_a)
    with pytest.raises(NotReady) as refused:
        _report(year_end, "state")
    assert "Đồng chí Hà Văn Cũ không giữ chức Chủ tịch UBND hay Phó Chủ tịch UBND" in str(
        refused.value
    )


# Award decisions, certificates, minutes ----------------------------------------------------


def test_chairman_decision_in_docx_and_pdf(em, decided, pdf):
    raw = awards.decision_docx(emulation.decision_page(decided.chairman))
    document = _docx(raw)
    assert document.tables[0].rows[1].cells[0].text == "Số: 3/QĐ-UBND"
    assert _lines(document.tables[0].rows[0].cells[0]) == [
        f"ỦY{NBSP}BAN{NBSP}NHÂN{NBSP}DÂN",
        f"PHƯỜNG{NBSP}HÒA{NBSP}BÌNH",
    ]
    pages, printed = pdf(raw)
    flat = " ".join(printed.split())
    assert "Số: 3/QĐ-UBND" in printed
    _line_with(printed, "PHƯỜNG HÒA BÌNH")
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in flat
    assert "Căn cứ Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ" in flat
    assert "Điều 1. Khen thưởng" in flat and "Điều 3." in flat
    assert "TM. ỦY BAN NHÂN DÂN" not in printed  # the Chủ tịch decides in person
    assert "CHỦ TỊCH" in _line_with(printed, "Nơi nhận:")
    assert "DANH SÁCH KHEN THƯỞNG" in printed and pages >= 2
    _no_placeholders(printed)


def test_party_decision_in_docx_and_pdf(em, decided, pdf):
    raw = awards.decision_docx(emulation.decision_page(decided.party))
    _pages, printed = pdf(raw)
    flat = " ".join(printed.split())
    assert "Số 12-QĐ/ĐU" in printed and "Số: " not in printed
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in printed
    assert "- Căn cứ Quy định số 232-QĐ/TW ngày 20 tháng 01 năm 2025" in flat
    assert "T/M ĐẢNG ỦY" in printed and "BÍ THƯ" in printed and "Nguyễn Văn Hùng" in printed
    _no_placeholders(printed)


def test_certificates_in_docx_and_pdf_one_landscape_page_each(em, decided, pdf):
    page = emulation.decision_page(decided.chairman)
    raw = awards.certificates_docx(page, page.awards[:2])
    document = _docx(raw)
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert "w:pgBorders" in section._sectPr.xml  # the border is drawn, no picture
    assert not document.inline_shapes
    title = next(p for p in document.paragraphs if p.text == "GIẤY CHỨNG NHẬN")
    assert title.runs[0].font.size.pt >= 40 and title.runs[0].bold
    pages, printed = pdf(raw)
    assert pages == 2
    assert printed.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 2
    for award in page.awards[:2]:
        assert award.nomination.nominee_name in printed
    assert printed.count("Quyết định số 3/QĐ-UBND") == 2
    assert "Đã đạt danh hiệu “Lao động tiên tiến” năm 2025" in printed
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH" in printed
    assert "Lê Thị Thu Hà" in printed and "TM. ỦY BAN" not in printed


def test_party_certificate_says_giay_khen_and_is_signed_for_the_committee(em, decided, pdf):
    page = emulation.decision_page(decided.party)
    raw = awards.certificates_docx(page)
    title = next(p for p in _docx(raw).paragraphs if p.text == "GIẤY KHEN")
    assert title.runs[0].font.size.pt >= 40
    pages, printed = pdf(raw)
    assert pages == len(page.awards) == 1
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in printed and "Độc lập" not in printed
    assert "TẶNG" in printed and "GIẤY KHEN" in printed
    assert "Quyết định số 12-QĐ/ĐU" in printed
    assert "T/M ĐẢNG ỦY" in printed and "Nguyễn Văn Hùng" in printed


def test_minutes_in_docx_and_pdf(em, decided, pdf):
    session = decided.session
    emulation_services.session_minutes_update(
        session=session,
        chair_name="Lê Thị Thu Hà",
        secretary_name="Trịnh Thị Lan",
        start_time=datetime.time(8, 0),
        end_time=datetime.time(10, 30),
        by=em.world.root,
    )
    emulation_services.session_minutes_number_take(session=session, by=em.world.root)
    session.refresh_from_db()
    raw = awards.minutes_docx(emulation.session_page(session, with_waiting=False))
    header = _docx(raw).tables[0]
    assert header.rows[1].cells[0].text == "Số: 1/BB-HĐTĐKT"
    _pages, printed = pdf(raw)
    assert "Số: 1/BB-HĐTĐKT" in printed
    _line_with(printed, "UBND PHƯỜNG HÒA BÌNH")
    _line_with(printed, "THI ĐUA - KHEN THƯỞNG")
    assert "8 giờ 00 phút" in printed and "10 giờ 30 phút" in printed
    signatures = _line_with(printed, "THƯ KÝ")
    assert "CHỦ TRÌ" in signatures  # side by side
    names = _line_with(printed, "Trịnh Thị Lan")
    assert "Lê Thị Thu Hà" in names
    assert printed.count("5/5 (100%)") == session.ballots.count()
    _no_placeholders(printed)


def test_long_names_in_headings_are_never_split_in_the_pdf(world, pdf):
    from tongket.documents.issuing import PARTY_HEADER_WIDTH_MM, party_agency, state_agency
    from tongket.units import services as unit_services
    from tongket.units.choices import UnitKind

    xa = unit_services.unit_create(
        code="X-DL", name="Xã Đậu Liêu", kind=UnitKind.XA, parent=world.province, by=world.root
    )
    long = unit_services.unit_create(
        code="P-NTH",
        name="Phường Nguyễn Thái Học Mở Rộng",
        kind=UnitKind.PHUONG,
        parent=world.province,
        by=world.root,
    )
    document = office.new_document("party")
    for unit in (xa, long):
        office.add_party_header(
            document,
            agency=party_agency(unit, PARTY_HEADER_WIDTH_MM),
            number_line="Số 1-BC/ĐU",
            place="X",
            on=datetime.date(2026, 1, 9),
        )
    office.add_state_header(
        document,
        agency=state_agency(long),
        number_line="Số: 1/BC-UBND",
        place="X",
        on=datetime.date(2026, 1, 9),
    )
    _, printed = pdf(office.to_bytes(document))
    _line_with(printed, "ĐẢNG ỦY XÃ ĐẬU LIÊU")
    _line_with(printed, "PHƯỜNG NGUYỄN THÁI HỌC MỞ RỘNG")  # the party header: on its own line
    assert "ĐẢNG ỦY PHƯỜNG NGUYỄN" not in printed
    # The state header cannot hold it even at 11 pt: the kind word over the whole name.
    assert printed.count("NGUYỄN THÁI HỌC MỞ RỘNG") == 2


def test_a_long_achievement_still_fits_one_certificate_page(em, decided, pdf):
    from tongket.emulation.models import Nomination

    page = emulation.decision_page(decided.party)
    award = page.awards[0]
    long_text = "Hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào thi đua của phường; " * 5
    Nomination.objects.filter(pk=award.nomination_id).update(achievement=long_text.strip())
    page = emulation.decision_page(decided.party)
    pages, printed = pdf(awards.certificates_docx(page, page.awards[:1]))
    assert pages == 1 and "dẫn đầu phong trào" in printed
