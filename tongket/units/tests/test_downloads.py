from tongket.units.downloads import XLSX, download, xlsx_download


def test_a_vietnamese_file_name_is_sent_encoded_for_browsers():
    response = download(b"%PDF", "giấy-khen-Đậu Liêu.pdf", "application/pdf")
    header = response["Content-Disposition"]
    assert header.startswith("attachment;")
    assert "filename*=utf-8''gi%E1%BA%A5y-khen-%C4%90%E1%BA%ADu%20Li%C3%AAu.pdf" in header


def test_an_ascii_file_name_is_plain():
    response = xlsx_download(b"x", "chi-tieu-2025.xlsx")
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="chi-tieu-2025.xlsx"'
