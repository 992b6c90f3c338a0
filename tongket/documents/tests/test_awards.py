"""Award documents through their URLs: the decision as DOCX in its body's layout with the
number from the book, the signer holding the position on the date and the legal grounds
cited in full; the minutes only once they can be signed; only for those who may see them.
(Their PDFs are checked once each in test_official.py.)"""

# ruff: noqa: F811  (the emulation fixtures are imported by name)

import datetime
import io

import docx
from django.urls import reverse

from tongket.emulation import services as emulation
from tongket.emulation.tests.conftest import decided, em, kinds  # noqa: F401
from tongket.units.models import IssuedNumber


def _open(response):
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    return document, text, cells.replace("\u00a0", " ")


def test_the_decision_docx_has_the_header_number_grounds_awardees_and_total(em, decided, login):
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decided.chairman.pk])
    )
    assert response.status_code == 200
    document, text, cells = _open(response)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA BÌNH" in cells
    assert "Số: 3/QĐ-UBND" in cells
    assert "Hòa Bình, ngày 08 tháng 01 năm 2026" in cells
    assert "QUYẾT ĐỊNH" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH" in text
    # Full citations: number, date, issuer, title; never a bare "Nghị định 73/2024/NĐ-CP".
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in text
    assert (
        "Căn cứ Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định "
        "mức lương cơ sở" in text
    )
    assert "Căn cứ Nghị định 73/2024/NĐ-CP;" not in text
    assert "5.616.000 đồng (Bằng chữ: Năm triệu sáu trăm mười sáu nghìn đồng)" in text
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 1."))
    assert article.runs[0].text == "Điều 1." and article.runs[0].bold
    assert not article.runs[1].bold
    # The Chủ tịch decides in person: "CHỦ TỊCH" alone, the name under it.
    signature = [p.text for p in document.tables[-2].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["CHỦ TỊCH", "Lê Thị Thu Hà"]
    assert "Nguyễn Văn An" in cells and "702.000" in cells
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30


def test_the_party_decision_uses_the_party_layout_and_signer(em, decided, login):
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decided.party.pk])
    )
    document, text, cells = _open(response)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "Số 12-QĐ/ĐU" in cells
    assert "Số: 12" not in cells
    assert "- Căn cứ Quy định số 232-QĐ/TW ngày 20 tháng 01 năm 2025" in text
    assert "Quy định về công tác khen thưởng của Đảng" not in text
    signature = [p.text for p in document.tables[-2].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn Hùng"]


def test_decisions_take_their_numbers_from_the_bodies_books(em, decided):
    chairman = IssuedNumber.objects.get(pk=decided.chairman.issued_number_id)
    party = IssuedNumber.objects.get(pk=decided.party.issued_number_id)
    assert (chairman.body, chairman.doc_type, chairman.number) == ("peoples_committee", "QĐ", 3)
    assert (party.body, party.doc_type, party.number) == ("party_committee", "QĐ", 12)


def test_a_phó_chủ_tịch_signs_kt_chủ_tịch(em, kinds, login):
    from tongket.emulation.tests.conftest import leaders, nominate, vote_through
    from tongket.units import services as unit_services

    leaders(em.world)
    deputy = unit_services.person_create(
        full_name="Phạm Quốc Bảo", unit=em.world.a, by=em.world.root
    )
    unit_services.position_create(
        person=deputy,
        unit=em.world.a,
        title="Phó Chủ tịch UBND phường",
        start_date=datetime.date(2021, 6, 1),
        by=em.world.root,
    )
    session = vote_through(em, [nominate(em, em.people[0], "ldtt")])
    decision = emulation.council_result_approve(
        session=session,
        body="chairman",
        signed_on=datetime.date(2026, 1, 8),
        signer=deputy,
        by=em.world.root,
    )
    assert decision.number == 1 and decision.signer_title == "Phó Chủ tịch"
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decision.pk])
    )
    document, _, _ = _open(response)
    signature = [p.text for p in document.tables[-2].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Quốc Bảo"]


def test_a_decision_without_a_signer_on_the_date_names_what_is_missing(em, kinds, login):
    from tongket.emulation.tests.conftest import nominate, vote_through

    session = vote_through(em, [nominate(em, em.people[0], "ldtt")])
    decision = emulation.council_result_approve(
        session=session,
        body="chairman",
        signed_on=datetime.date(2026, 1, 8),
        signer_name="Lê Thị Thu Hà",
        by=em.world.root,
    )
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decision.pk])
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Chưa có ai giữ chức Chủ tịch UBND phường Hòa Bình vào ngày 08/01/2026" in page
    assert reverse("units:people") in page
    assert response["Content-Type"].startswith("text/html")


def test_another_commune_cannot_download_the_decision_or_certificates(em, decided, login):
    client = login(em.world.officer_b)
    award = decided.chairman.awards.first()
    assert (
        client.get(reverse("documents:award_decision_docx", args=[decided.chairman.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("documents:award_certificate_pdf", args=[award.pk])).status_code == 404
    )
    assert (
        client.get(
            reverse("documents:award_certificates_pdf", args=[decided.chairman.pk])
        ).status_code
        == 404
    )


def test_minutes_wait_for_chair_secretary_times_and_number(em, decided, login):
    url = reverse("documents:award_minutes_docx", args=[decided.session.pk])
    client = login(em.world.officer_a)
    response = client.get(url)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Phiên họp chưa ghi người chủ trì, thư ký, giờ bắt đầu và giờ kết thúc." in page
    assert "Biên bản chưa có số trong sổ văn bản." in page
    assert reverse("emulation:session", args=[decided.session.pk]) in page


def test_the_minutes_carry_times_number_every_vote_and_both_signatures(em, decided, login):
    session = decided.session
    client = login(em.world.officer_a)
    info = reverse("emulation:session_minutes_info", args=[session.pk])
    client.post(
        info,
        {
            "place": "Hội trường UBND phường",
            "chair_name": "Lê Thị Thu Hà",
            "secretary_name": "Trịnh Thị Lan",
            "start_time": "08:00",
            "end_time": "10:30",
        },
    )
    client.post(reverse("emulation:session_minutes_number", args=[session.pk]))
    response = client.get(reverse("documents:award_minutes_docx", args=[session.pk]))
    assert response.status_code == 200
    document, text, cells = _open(response)
    assert "Số: 1/BB-HĐTĐKT" in cells
    assert "UBND PHƯỜNG HÒA BÌNH" in cells and "THI ĐUA - KHEN THƯỞNG" in cells
    assert "bắt đầu lúc 8 giờ 00 phút, ngày 05 tháng 01 năm 2026" in text
    assert "kết thúc lúc 10 giờ 30 phút" in text
    assert "có mặt 5/5 thành viên" in text
    votes = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    assert len(votes.rows) == 1 + session.ballots.count()
    assert all(row.cells[5].text.startswith("5/5") for row in votes.rows[1:])
    signatures = document.tables[-1].rows[0].cells
    assert [p.text for p in signatures[0].paragraphs if p.text] == ["THƯ KÝ", "Trịnh Thị Lan"]
    assert [p.text for p in signatures[1].paragraphs if p.text] == ["CHỦ TRÌ", "Lê Thị Thu Hà"]
    assert "—" not in text + cells
    assert login(em.world.officer_b).get(info).status_code in (404, 405)


def test_the_minutes_info_refuses_an_end_before_the_start(em, decided, login):
    session = decided.session
    login(em.world.officer_a).post(
        reverse("emulation:session_minutes_info", args=[session.pk]),
        {"chair_name": "A", "secretary_name": "B", "start_time": "10:00", "end_time": "09:00"},
    )
    session.refresh_from_db()
    assert session.chair_name == "" and session.start_time is None
