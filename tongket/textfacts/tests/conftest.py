"""Text import fixtures: the targets catalogue of the shared world (revenue in tỷ đồng,
households, poverty rate, civilised streets as a ratio) and a report of phường A."""

from __future__ import annotations

import io

import pytest

from tongket.targets.tests.conftest import catalogue  # noqa: F401  (a fixture)

REPORT = (
    "BÁO CÁO KẾT QUẢ NĂM 2025 CỦA PHƯỜNG HÒA BÌNH\n"
    "Năm 2025, tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng, bằng "
    "104% kế hoạch; tỷ lệ hộ nghèo giảm còn 0,31%; duy trì 42/42 tuyến phố văn minh.\n"
    "Nhân dịp này, Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân.\n"
)


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
