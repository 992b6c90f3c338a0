"""Reading uploaded files and pasted text, and refusing what cannot be read."""

import io
import shutil
import subprocess
import zipfile

import docx
import pypdf
import pytest
from PIL import Image

from tongket.lib.facts import TextImportError, extract_facts
from tongket.lib.facts.sources import DEFAULT_MAX_BYTES, join_wrapped_lines, read_text, read_upload


def docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def refused(data, name, code, **options) -> TextImportError:
    with pytest.raises(TextImportError) as caught:
        read_upload(data, name, **options)
    assert caught.value.code == code
    assert str(caught.value)  # a Vietnamese sentence for the officer
    return caught.value


# .docx


def test_a_word_file_gives_paragraphs_and_table_cells_in_reading_order():
    def build(document):
        document.add_paragraph("Năm 2025, kết quả như sau:")
        table = document.add_table(rows=2, cols=3)
        for cell, value in zip(table.rows[0].cells, ["Chỉ tiêu", "ĐVT", "Thực hiện"], strict=True):
            cell.text = value
        for cell, value in zip(
            table.rows[1].cells, ["Thu ngân sách", "tỷ đồng", "12,4"], strict=True
        ):
            cell.text = value
        document.add_paragraph("Nơi nhận: Lưu VT.")

    text = read_upload(docx_bytes(build), "bao-cao.docx")
    assert text.split("\n") == [
        "Năm 2025, kết quả như sau:",
        "Chỉ tiêu\tĐVT\tThực hiện",
        "Thu ngân sách\ttỷ đồng\t12,4",
        "",
        "Nơi nhận: Lưu VT.",
    ]


def test_a_merged_cell_is_written_once():
    def build(document):
        table = document.add_table(rows=1, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Tổng thu ngân sách"
        table.cell(0, 2).text = "12,4"

    text = read_upload(docx_bytes(build), "a.docx")
    assert text.split("\n")[0] == "Tổng thu ngân sách\t12,4"


def test_figures_are_read_from_a_word_files_table():
    def build(document):
        document.add_paragraph("BÁO CÁO kết quả năm 2025")
        table = document.add_table(rows=2, cols=4)
        for row, values in zip(
            table.rows,
            [
                ["Chỉ tiêu", "Đơn vị tính", "Thực hiện", "So với kế hoạch (%)"],
                ["Sản lượng lương thực", "tấn", "1.204,6", "100,4"],
            ],
            strict=True,
        ):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    text = read_upload(docx_bytes(build), "bao-cao.docx")
    (fact,) = extract_facts(text, year=2025)
    assert (fact.subject, str(fact.amount), fact.unit, str(fact.pct_of_plan)) == (
        "Sản lượng lương thực",
        "1204.6",
        "tấn",
        "100.4",
    )


def test_a_corrupt_word_file_is_refused():
    refused(b"PK\x03\x04 not really a zip", "bao-cao.docx", "corrupt_docx")


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    refused(buffer.getvalue(), "bao-cao.docx", "corrupt_docx")


def test_an_old_word_file_is_refused_with_how_to_save_it_again():
    error = refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "bao-cao.doc", "old_doc")
    assert ".docx" in str(error)


def test_an_old_word_file_named_docx_is_refused_too():
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "bao-cao.docx", "old_doc")


def test_a_word_file_without_text_is_empty():
    refused(docx_bytes(lambda document: document.add_paragraph("   ")), "trong.docx", "empty")


# .txt


def test_a_utf8_text_file_is_read_with_or_without_a_byte_order_mark():
    content = "Thu ngân sách đạt 12,4 tỷ đồng.".encode()
    assert read_upload(content, "a.txt") == read_upload(b"\xef\xbb\xbf" + content, "a.txt")


def test_a_text_file_in_another_encoding_is_refused_not_guessed():
    content = "Thu ngân sách đạt 12,4 tỷ đồng.".encode("cp1258", errors="replace")
    error = refused(content, "bao-cao.txt", "encoding")
    assert "UTF-8" in str(error)
    refused("Thu ngân sách".encode("utf-16"), "bao-cao.txt", "encoding")


def test_an_empty_text_file_is_refused():
    refused(b"", "trong.txt", "empty")
    refused(b"  \n\t \n", "trong.txt", "empty")


def test_text_is_normalised_to_composed_characters_and_plain_spaces():
    decomposed = "Tho\u0302n Phu\u0301 Xua\u0302n co\u0301 1\u00a0845 ho\u0302\u0323."
    assert read_upload(decomposed.encode(), "a.txt") == "Thôn Phú Xuân có 1 845 hộ."


# Size


def test_a_50_megabyte_file_is_refused_before_it_is_read():
    error = refused(b"x" * (50 * 1024 * 1024), "bao-cao.docx", "too_large")
    assert "50,0 MB" in str(error) and "10,0 MB" in str(error)


def test_a_large_upload_stream_is_not_read_past_the_limit():
    stream = io.BytesIO(b"x" * (DEFAULT_MAX_BYTES + 5000))
    refused(stream, "bao-cao.txt", "too_large")
    assert stream.tell() == DEFAULT_MAX_BYTES + 1


def test_the_size_limit_is_a_parameter():
    refused(b"x" * 2048, "a.txt", "too_large", max_bytes=1024)
    assert read_upload("Thu ngân sách".encode(), "a.txt", max_bytes=1024) == "Thu ngân sách"


# .pdf


def test_a_scanned_pdf_without_a_text_layer_is_refused():
    image = Image.new("RGB", (600, 800), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PDF")
    error = refused(buffer.getvalue(), "ban-chup.pdf", "no_text_layer")
    assert "bản chụp" in str(error)


def test_a_corrupt_pdf_is_refused():
    refused(b"%PDF-1.7\n this is not a pdf", "hong.pdf", "corrupt_pdf")


def test_a_pdf_with_a_password_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="bimat", owner_password="bimat")
    buffer = io.BytesIO()
    writer.write(buffer)
    refused(buffer.getvalue(), "mat-khau.pdf", "encrypted_pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is a system dependency")
def test_a_pdf_exported_from_word_is_read_with_its_lines_joined(tmp_path):
    paragraph = (
        "Năm 2025, tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng, bằng "
        "104% kế hoạch giao; sản lượng lương thực đạt 1.204,6 tấn; duy trì 42/42 tuyến phố "
        "văn minh."
    )
    (tmp_path / "a.docx").write_bytes(
        docx_bytes(lambda document: document.add_paragraph(paragraph))
    )
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "a.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = read_upload((tmp_path / "a.pdf").read_bytes(), "a.pdf")
    assert " ".join(text.split()) == paragraph
    amounts = [str(fact.amount) for fact in extract_facts(text, year=2025) if fact.amount]
    assert amounts == ["12.4", "1204.6", "42"]


def test_wrapped_pdf_lines_are_joined_but_headings_are_not():
    text = (
        "BÁO CÁO\nKết quả năm 2025\nThu ngân sách ước thực hiện 12,4 tỷ\nđồng, bằng 104%\nkế hoạch."
    )
    assert join_wrapped_lines(text).split("\n") == [
        "BÁO CÁO",
        "Kết quả năm 2025",
        "Thu ngân sách ước thực hiện 12,4 tỷ đồng, bằng 104% kế hoạch.",
    ]


# Other files and pasted text


def test_an_unsupported_file_is_refused():
    refused(b"a,b\n1,2", "so-lieu.csv", "unsupported")


def test_pasted_text_is_read_and_an_empty_or_too_long_paste_refused():
    assert read_text("Thu ngân sách đạt 12,4 tỷ đồng.\r\n") == "Thu ngân sách đạt 12,4 tỷ đồng.\n"
    with pytest.raises(TextImportError) as empty:
        read_text("   ")
    assert empty.value.code == "empty"
    with pytest.raises(TextImportError) as long:
        read_text("a" * 101, max_chars=100)
    assert long.value.code == "too_large"
