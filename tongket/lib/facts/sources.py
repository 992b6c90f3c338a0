"""Text in: a Word file (.docx), a text file (.txt, UTF-8), a PDF with a text layer, or text
pasted by the officer. Anything that cannot be read raises TextImportError with a Vietnamese
message, before any fact is proposed.

- .docx (python-docx): paragraphs and tables in reading order; a table row becomes one line
  with its cells separated by tabs (merged cells once), which the table reader understands.
- .txt: UTF-8 only (a byte order mark is allowed); other encodings are refused with a message
  saying how to save the file again, never guessed.
- .pdf (pypdf, a pinned runtime dependency: pure Python, no external program, so every
  deployment reads PDFs the same way; Debian's pdftotext gives the same text on the PDFs
  LibreOffice and Word produce): the text layer, with lines a PDF wraps inside a paragraph
  joined again. A scanned PDF has no text layer and is refused.
- Size: refused above `max_bytes` (10 MB by default), before the file is parsed.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from typing import BinaryIO

from tongket.lib.numbers import format_number

from .errors import TextImportError

__all__ = ["DEFAULT_MAX_BYTES", "normalise", "read_text", "read_upload"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = {ord(char): " " for char in "\u00a0\u202f\u2007\u2009"}
_SENTENCE_END = re.compile(r"[.:;!?…]\s*$")


def _megabytes(size: int) -> str:
    return format_number(size / (1024 * 1024), 1)


def _too_large(name: str, size: int, limit: int) -> TextImportError:
    return TextImportError(
        f'Tệp "{name}" nặng {_megabytes(size)} MB, vượt quá giới hạn {_megabytes(limit)} MB. '
        "Hãy tải lên riêng phần báo cáo cần đọc (ví dụ bản Word không kèm ảnh).",
        "too_large",
    )


def _read_bytes(data: bytes | BinaryIO, name: str, max_bytes: int) -> bytes:
    """The file's bytes; a file object is read no further than the limit."""
    if isinstance(data, bytes | bytearray):
        if len(data) > max_bytes:
            raise _too_large(name, len(data), max_bytes)
        return bytes(data)
    content = data.read(max_bytes + 1)
    if len(content) > max_bytes:
        size = getattr(data, "size", None) or len(content)
        raise _too_large(name, size, max_bytes)
    return content


def normalise(text: str) -> str:
    """NFC, Unix line ends, no invisible characters, ordinary spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _checked(text: str, name: str) -> str:
    text = normalise(text)
    if not any(char.isalnum() for char in text):
        raise TextImportError(
            f'Tệp "{name}" không có chữ nào để đọc. Hãy kiểm tra lại tệp hoặc dán nội dung '
            "vào ô văn bản.",
            "empty",
        )
    return text


def read_text(text: str, *, max_chars: int = DEFAULT_MAX_BYTES) -> str:
    """Text pasted by the officer, checked and normalised."""
    if len(text or "") > max_chars:
        raise TextImportError(
            f"Văn bản dán vào dài {format_number(len(text))} ký tự, vượt quá giới hạn "
            f"{format_number(max_chars)} ký tự. Hãy dán riêng phần báo cáo cần đọc.",
            "too_large",
        )
    if not (text or "").strip():
        raise TextImportError("Chưa có nội dung văn bản để đọc.", "empty")
    return _checked(text, "văn bản dán vào")


def read_upload(
    data: bytes | BinaryIO, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """The text of an uploaded .docx, .txt or .pdf file."""
    name = filename.rsplit("/", 1)[-1] or "tệp"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    readers = {"docx": _docx_text, "txt": _txt_text, "pdf": _pdf_text, "doc": _old_doc}
    if extension not in readers:
        raise TextImportError(
            f'Không đọc được tệp "{name}": chỉ nhận tệp Word (.docx), văn bản (.txt) hoặc '
            "PDF (.pdf).",
            "unsupported",
        )
    content = _read_bytes(data, name, max_bytes)
    if not content:
        raise TextImportError(f'Tệp "{name}" rỗng (0 byte).', "empty")
    return _checked(readers[extension](content, name), name)


def _old_doc(content: bytes, name: str) -> str:
    raise TextImportError(
        f'Tệp "{name}" là định dạng Word cũ (.doc). Hãy mở bằng Word hoặc LibreOffice và lưu '
        "lại thành .docx rồi tải lên.",
        "old_doc",
    )


def _txt_text(content: bytes, name: str) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _encoding_error(name, "UTF-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _encoding_error(name, "khác UTF-8") from error


def _encoding_error(name: str, found: str) -> TextImportError:
    return TextImportError(
        f'Tệp "{name}" được lưu bằng bảng mã {found} (có thể là Windows-1258, TCVN3 hoặc '
        "VNI). Tongket chỉ đọc văn bản mã UTF-8: hãy mở tệp, chọn Lưu thành (Save As) với "
        "mã UTF-8 rồi tải lên lại, hoặc dán nội dung vào ô văn bản.",
        "encoding",
    )


def _docx_text(content: bytes, name: str) -> str:
    if content.startswith(_OLE_SIGNATURE):
        return _old_doc(content, name)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(content))
        lines: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(element, document).text)
            elif tag == "tbl":
                lines.extend(_table_lines(Table(element, document)))
                lines.append("")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as error:
        raise TextImportError(
            f'Tệp "{name}" bị hỏng hoặc không phải tệp Word .docx ({type(error).__name__}). '
            "Hãy mở lại bằng Word, lưu thành .docx rồi tải lên.",
            "corrupt_docx",
        ) from error
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    """One line per row, cells separated by tabs; a merged cell is written once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        lines.append("\t".join(cells))
    return lines


def _pdf_text(content: bytes, name: str) -> str:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TextImportError(
                f'Tệp PDF "{name}" có mật khẩu. Hãy bỏ mật khẩu hoặc tải lên bản Word gốc.',
                "encrypted_pdf",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except TextImportError:
        raise
    except Exception as error:
        raise TextImportError(
            f'Tệp PDF "{name}" bị hỏng, không đọc được ({type(error).__name__}). Hãy xuất lại '
            "PDF từ Word hoặc tải lên bản Word gốc.",
            "corrupt_pdf",
        ) from error
    text = "\n".join(pages)
    if not any(char.isalpha() for char in text):
        raise TextImportError(
            f'Tệp PDF "{name}" không có lớp chữ (là bản chụp hoặc bản quét), nên không đọc được '
            "số liệu. Hãy tải lên bản Word gốc hoặc PDF xuất trực tiếp từ Word.",
            "no_text_layer",
        )
    return join_wrapped_lines(text)


def join_wrapped_lines(text: str) -> str:
    """A PDF breaks a paragraph into lines: join a line to the next when the sentence goes
    on ("… ước thực hiện 12,4 tỷ" / "đồng, bằng 104% …"): the line does not end a sentence
    and either the next starts in lower case or with a digit, or the line is a full-width one."""
    raw_lines = [line.rstrip() for line in text.split("\n")]
    width = max((len(line) for line in raw_lines), default=0)
    out: list[str] = []
    for line in raw_lines:
        if out and out[-1] and line:
            previous = out[-1]
            first = line.lstrip()[:1]
            full = len(previous.rsplit("\n", 1)[-1]) >= 0.7 * width
            continues = first.islower() or first.isdigit() or (full and len(previous) >= 40)
            if not _SENTENCE_END.search(previous) and continues:
                out[-1] = previous + " " + line.lstrip()
                continue
        out.append(line)
    return "\n".join(out)
