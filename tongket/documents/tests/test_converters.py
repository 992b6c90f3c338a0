"""PDFs through LibreOffice converters kept running (unoserver on loopback): the pool
converts, a converter killed is replaced, and a PDF is still made meanwhile (one-shot)."""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tongket.documents import office
from tongket.documents.office import converters, pdf

pytestmark = pytest.mark.skipif(
    not os.path.exists(str(Path(__file__).resolve().parents[3] / ".venv-uno" / "bin" / "python"))
    or office.soffice_path() is None,
    reason="Thiếu LibreOffice hoặc .venv-uno (make system-deps): bỏ qua bộ chuyển PDF chạy sẵn.",
)


def _docx(text: str) -> bytes:
    doc = office.new_document()
    office.add_paragraph(doc, text)
    return office.to_bytes(doc)


def _text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def pool(settings, tmp_path):
    settings.PDF_CONVERTERS = 1
    settings.PDF_CONVERTER_DIR = tmp_path / "converters"
    yield converters
    converters.stop_all()


def _soffice_pids(state: dict) -> list[int]:
    """LibreOffice processes of a converter (its process group, unoserver aside)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            if os.getpgid(int(entry.name)) == state["pid"] and b"soffice" in command:
                pids.append(int(entry.name))
        except (OSError, ProcessLookupError):
            continue
    return pids


def test_the_pool_converts_without_starting_libreoffice_again(pool, monkeypatch):
    assert pool.start_all(wait=True)[0] is not None

    def no_one_shot(*args, **kwargs):
        raise AssertionError("one-shot soffice used although the pool answers")

    monkeypatch.setattr(pdf, "one_shot_pdf", no_one_shot)
    first = pool.read_state(0)
    converted = office.docx_to_pdf(_docx("Báo cáo tổng kết năm 2025"))
    assert "Báo cáo tổng kết năm 2025" in _text(converted)
    assert "Phường Hòa Bình" in _text(office.docx_to_pdf(_docx("Phường Hòa Bình")))
    assert pool.read_state(0)["pid"] == first["pid"]  # the same converter, kept running
    assert [row["ready"] for row in pool.status()] == [True]


def test_a_killed_converter_is_replaced_and_the_pdf_still_made(pool):
    state = pool.start_all(wait=True)[0]
    office_pids = _soffice_pids(state)
    assert office_pids
    for pid in office_pids:
        os.kill(pid, signal.SIGKILL)
    # The next conversion finds it dead or failing: a PDF all the same (one-shot meanwhile).
    assert "Chuyển sau sự cố" in _text(office.docx_to_pdf(_docx("Chuyển sau sự cố")))
    replaced = pool.ensure(0, wait=True)
    assert replaced is not None and replaced["pid"] != state["pid"]
    assert "Lại chạy sẵn" in _text(pool.convert(_docx("Lại chạy sẵn"), timeout=60))


def test_a_killed_unoserver_is_replaced_with_its_libreoffice(pool):
    state = pool.start_all(wait=True)[0]
    os.killpg(state["pid"], signal.SIGKILL)
    time.sleep(0.2)
    assert not pool.alive(state["pid"])
    assert "Vẫn có PDF" in _text(office.docx_to_pdf(_docx("Vẫn có PDF")))
    replaced = pool.ensure(0, wait=True)
    assert replaced is not None and replaced["pid"] != state["pid"]
    assert "Lại chạy sẵn" in _text(pool.convert(_docx("Lại chạy sẵn"), timeout=60))


def test_without_the_pool_a_pdf_is_made_by_one_shot_soffice(settings):
    settings.PDF_CONVERTERS = 0
    assert converters.convert(b"unused", timeout=5) is None
    assert "Không có bộ chuyển" in _text(office.docx_to_pdf(_docx("Không có bộ chuyển")))


def test_the_command_starts_reports_and_stops_the_pool(pool):
    out = io.StringIO()
    call_command("pdf_converters", "start", stdout=out)
    assert "1/1 bộ chuyển PDF đã sẵn sàng" in out.getvalue()
    pid = pool.read_state(0)["pid"]
    call_command("pdf_converters", "status", stdout=out)
    assert f"Bộ chuyển 1: sẵn sàng (pid {pid}" in out.getvalue()
    call_command("pdf_converters", "stop", stdout=out)
    assert "Đã dừng 1 bộ chuyển PDF" in out.getvalue()
    assert not pool.alive(pid)
    call_command("pdf_converters", "status", stdout=out)
    assert "Bộ chuyển 1: đã dừng" in out.getvalue()
