"""PDF through LibreOffice: a converter of the pool kept running (converters.py), or when the
pool cannot convert, a one-shot soffice headless with its own private profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid

PDF_TIMEOUT_SECONDS = 120


class OfficeConversionError(RuntimeError):
    """LibreOffice is missing or failed to convert; str() is a Vietnamese message for the user."""


def soffice_path() -> str | None:
    """Path of LibreOffice's soffice (TONGKET_SOFFICE overrides), or None if not installed."""
    configured = os.environ.get("TONGKET_SOFFICE")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = PDF_TIMEOUT_SECONDS) -> bytes:
    """Convert .docx bytes to PDF: by a converter of the pool when one answers, else with a
    one-shot soffice. Raises OfficeConversionError with a Vietnamese message on failure."""
    from . import converters

    converted = converters.convert(docx_bytes, timeout=timeout)
    if converted is not None and converted.startswith(b"%PDF"):
        return converted
    return one_shot_pdf(docx_bytes, timeout=timeout)


def one_shot_pdf(docx_bytes: bytes, *, timeout: float = PDF_TIMEOUT_SECONDS) -> bytes:
    """Convert .docx bytes to PDF with a LibreOffice headless started for this document.

    Each call gets its own temporary directory and its own LibreOffice profile, so several
    conversions can run at the same time (threads or worker processes) without locking each
    other out. Raises OfficeConversionError with a Vietnamese message on any failure.
    """
    binary = soffice_path()
    if binary is None:
        raise OfficeConversionError(
            "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF. "
            "Hãy cài gói Debian: sudo apt-get install -y libreoffice-writer-nogui"
        )
    with tempfile.TemporaryDirectory(prefix="tongket-pdf-") as workdir:
        source = os.path.join(workdir, "vanban.docx")
        with open(source, "wb") as handle:
            handle.write(docx_bytes)
        profile = os.path.join(workdir, f"profile-{uuid.uuid4().hex}")
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            workdir,
            source,
        ]
        env = {**os.environ, "HOME": workdir}
        try:
            completed = subprocess.run(
                command, capture_output=True, timeout=timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise OfficeConversionError(
                f"LibreOffice không chuyển xong sang PDF trong {int(timeout)} giây."
            ) from exc
        except OSError as exc:
            raise OfficeConversionError(f"Không chạy được LibreOffice: {exc}") from exc
        target = os.path.join(workdir, "vanban.pdf")
        if completed.returncode != 0 or not os.path.exists(target):
            detail = (completed.stderr or completed.stdout or b"").decode("utf-8", "replace")
            raise OfficeConversionError(
                "LibreOffice không chuyển được văn bản sang PDF"
                + (f": {detail.strip()[:300]}" if detail.strip() else ".")
            )
        with open(target, "rb") as handle:
            return handle.read()
