"""Reading a document: what it proposes, and every bad file refused with a Vietnamese
message and nothing saved (no document, no fact, no file kept)."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tongket.textfacts import services
from tongket.textfacts.models import ProposedFact, SourceDocument

from .conftest import REPORT, docx_bytes

pytestmark = pytest.mark.django_db


def read(world, **kwargs):
    return services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, **kwargs
    )


def nothing_saved(media) -> bool:
    files = list(media.rglob("*")) if media.exists() else []
    return (
        not SourceDocument.objects.exists()
        and not ProposedFact.objects.exists()
        and not any(path.is_file() for path in files)
    )


def test_a_docx_is_kept_with_its_facts(world, catalogue, media):
    content = docx_bytes(REPORT)
    document = read(world, upload=SimpleUploadedFile("bao-cao-2025.docx", content))
    assert document.source == "docx"
    assert document.file.name.startswith(f"textfacts/{world.a.pk}/2025/")
    assert (media / document.file.name).read_bytes() == content
    facts = {fact.subject: fact for fact in document.facts.all()}
    revenue = facts["tổng thu ngân sách nhà nước trên địa bàn"]
    assert revenue.indicator == catalogue.revenue
    assert revenue.proposal["value"] == "12.4"
    assert revenue.proposal["is_estimate"] is True
    assert revenue.proposal["written"] == "12,4 tỷ đồng"
    numbers = [document.text[a:b] for a, b in revenue.numbers]
    assert numbers == ["12,4", "104"]
    streets = facts["tuyến phố văn minh"]
    assert (streets.proposal["numerator"], streets.proposal["denominator"]) == ("42", "42")
    award = next(fact for fact in document.facts.all() if fact.kind == "award_count")
    assert award.proposal["body"] == "chairman"
    assert (award.proposal["collectives"], award.proposal["individuals"]) == ("21", "57")


def test_a_value_is_rescaled_to_the_indicator_unit_never_invented(world, catalogue, media):
    document = read(
        world, text="Năm 2025, tổng thu ngân sách nhà nước trên địa bàn đạt 23.518.402.117 đồng."
    )
    fact = document.facts.get()
    assert fact.indicator == catalogue.revenue
    assert fact.proposal["value"] == "23.52"  # the indicator keeps 2 decimals, in tỷ đồng
    assert "làm tròn" in fact.proposal["note"]


def test_a_number_with_wrong_separators_is_flagged_without_a_value(world, catalogue, media):
    document = read(
        world, text="Năm 2025, tổng thu ngân sách nhà nước trên địa bàn đạt 23.518,402,117 đồng."
    )
    fact = document.facts.get()
    assert fact.kind == "problem"
    assert "value" not in fact.proposal
    assert fact.proposal["decision"] == "reject"
    assert fact.problem


def test_another_communes_figure_starts_rejected(world, catalogue, media):
    text = (
        "Năm 2025, tổng thu ngân sách nhà nước trên địa bàn phường đạt 12,4 tỷ đồng. "
        "Phường Đậu Liêu có tổng thu ngân sách nhà nước trên địa bàn đạt 30,1 tỷ đồng."
    )
    facts = list(read(world, text=text).facts.order_by("position"))
    assert [fact.proposal["decision"] for fact in facts] == ["save", "reject"]
    assert "Đậu Liêu" in facts[1].proposal["reason"]


def test_a_corrupt_docx_is_refused(world, catalogue, media):
    upload = SimpleUploadedFile("bao-cao.docx", b"PK\x03\x04 not really a zip file")
    with pytest.raises(ValidationError) as caught:
        read(world, upload=upload)
    assert "bị hỏng hoặc không phải tệp Word .docx" in str(caught.value)
    assert nothing_saved(media)


def test_empty_text_is_refused(world, catalogue, media):
    with pytest.raises(ValidationError) as caught:
        read(world, text="   \n  ")
    assert "dán nội dung văn bản" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        read(world, upload=SimpleUploadedFile("trong.txt", b""))
    assert "rỗng" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        read(world, upload=SimpleUploadedFile("dau.txt", "… – ; .\n".encode()))
    assert "không có chữ nào" in str(caught.value)
    assert nothing_saved(media)


def test_a_scanned_pdf_without_a_text_layer_is_refused(world, catalogue, media):
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(page).rectangle((50, 50, 550, 120), fill="black")  # a scanned line
    buffer = io.BytesIO()
    page.save(buffer, "PDF")
    with pytest.raises(ValidationError) as caught:
        read(world, upload=SimpleUploadedFile("ban-chup.pdf", buffer.getvalue()))
    assert "không có lớp chữ" in str(caught.value)
    assert nothing_saved(media)


class _Huge:
    """A 50 MB upload that must never be read."""

    name = "bao-cao-kem-anh.docx"
    size = 50 * 1024 * 1024

    def seek(self, *args):
        raise AssertionError("a file over the cap was read")

    read = seek


def test_a_file_over_the_cap_is_refused_by_its_size_unread(world, catalogue, media):
    with pytest.raises(ValidationError) as caught:
        read(world, upload=_Huge())
    message = str(caught.value)
    assert "50 MB" in message.replace(",0", "") and "vượt quá giới hạn 20 MB" in message
    assert nothing_saved(media)


def test_the_cap_is_a_setting(world, catalogue, media, settings):
    settings.TEXTFACTS_MAX_UPLOAD_MB = 1
    upload = SimpleUploadedFile("dai.txt", ("Năm 2025 " * 200_000).encode())
    with pytest.raises(ValidationError) as caught:
        read(world, upload=upload)
    assert "vượt quá giới hạn 1 MB" in str(caught.value)
    assert nothing_saved(media)


def test_an_old_word_file_says_how_to_convert_it(world, catalogue, media):
    upload = SimpleUploadedFile("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ValidationError) as caught:
        read(world, upload=upload)
    assert "lưu lại thành .docx" in str(caught.value)
    assert nothing_saved(media)


def test_reading_needs_the_right_to_enter(world, catalogue, media):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.document_read(
            unit=world.a, year=2025, period="year", by=world.leader_a, text=REPORT
        )
    with pytest.raises(PermissionDenied):
        services.document_read(
            unit=world.a, year=2025, period="year", by=world.officer_b, text=REPORT
        )
    assert nothing_saved(media)


def test_a_pdf_with_a_text_layer_is_read(world, catalogue, media):
    """The PDF LibreOffice makes of the Word report gives the same facts."""
    from tongket.documents.office.pdf import docx_to_pdf

    pdf = docx_to_pdf(docx_bytes(REPORT))
    document = read(world, upload=SimpleUploadedFile("bao-cao.pdf", pdf))
    assert document.source == "pdf"
    found = {fact.indicator.code for fact in document.facts.all() if fact.indicator}
    assert found == {"KT01", "VH04", "VH02"}
    assert document.facts.filter(kind="award_count").count() == 1


def test_party_figures_go_to_the_party_indicators(world, catalogue, media):
    from tongket.targets import services as targets
    from tongket.targets.choices import IndicatorGroup, ValueKind

    targets.indicator_create(
        owner=world.province,
        code="XD01",
        year=2025,
        by=world.province_officer,
        name="Số đảng viên kết nạp mới",
        group=IndicatorGroup.PARTY_BUILDING,
        unit_of_measure="đảng viên",
        value_kind=ValueKind.COUNT,
    )
    document = read(
        world, text="Năm 2025, Đảng bộ phường kết nạp 6 đảng viên mới, nâng tổng số lên 812."
    )
    admissions = document.facts.get(kind="party_figure", subject="Kết nạp đảng viên mới")
    assert admissions.indicator.code == "XD01"
    assert admissions.proposal["value"] == "6" and admissions.proposal["decision"] == "save"


def test_conference_facts_are_shown_for_reading(world, catalogue, media):
    document = read(
        world,
        text=(
            "Sáng ngày 09/01/2026, UBND phường Hòa Bình tổ chức hội nghị tổng kết công tác năm "
            "2025. Dự hội nghị có đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh."
        ),
    )
    facts = {fact.subject: fact for fact in document.facts.filter(kind="conference")}
    assert {fact.status for fact in facts.values()} == {"info"}
    assert facts["Ngày họp"].proposal["shown"] == ["09/01/2026"]
    assert facts["Loại hội nghị"].proposal["shown"] == ["Hội nghị tổng kết công tác năm"]
    assert facts["Khách mời"].proposal["shown"] == ["Trần Văn Minh", "Phó Chủ tịch UBND tỉnh"]
