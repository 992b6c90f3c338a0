"""Reading a document: the file (or pasted text) is checked and read before anything is
saved; only a document that gave text is kept, with its file and the facts proposed.

The size cap (setting TEXTFACTS_MAX_UPLOAD_MB) is checked on the upload's declared size
first, so a 50 MB file is refused without being read, then again while reading."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib import facts as reader
from tongket.lib.numbers import format_number
from tongket.targets.choices import Period
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import Source
from ..models import ProposedFact, SourceDocument
from ..selectors.catalogue import catalogue_for, commune_of, recorded_awards
from .proposals import Context, proposed_fact

# Control characters a Word file may carry (page breaks, bells) become spaces, one for one,
# so the offsets of every fact stay those of the text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def max_upload_bytes() -> int:
    return settings.TEXTFACTS_MAX_UPLOAD_MB * 1024 * 1024


def too_large_message(name: str, size: int) -> str:
    return _(
        "Tệp “%(name)s” nặng %(size)s MB, vượt quá giới hạn %(max)s MB nên không được đọc. "
        "Hãy tải lên riêng phần báo cáo cần đọc (ví dụ bản Word không kèm ảnh)."
    ) % {
        "name": name,
        "size": format_number(size / 2**20, 1),
        "max": format_number(settings.TEXTFACTS_MAX_UPLOAD_MB),
    }


def _check_target(unit: Unit, year: int, period: str, by: User) -> None:
    access.require(by, Action.ENTER, unit)
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    if period not in Period.values:
        raise ValidationError({"period": _("Kỳ báo cáo không hợp lệ.")})


def _source_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension if extension in (Source.DOCX, Source.TXT, Source.PDF) else ""


def read_source(*, upload=None, text: str = "") -> tuple[str, str, str, int]:
    """(text read, source, file name, size) of an upload or a pasted text; a ValidationError
    with the reader's Vietnamese message when it cannot be read."""
    try:
        if upload is not None:
            name = (upload.name or "").rsplit("/", 1)[-1][:200]
            if (upload.size or 0) > max_upload_bytes():
                raise ValidationError({"file": too_large_message(name, upload.size)})
            upload.seek(0)
            read = reader.read_upload(upload, name, max_bytes=max_upload_bytes())
            return read, _source_of(name), name, upload.size
        read = reader.read_text(text, max_chars=max_upload_bytes())
        return read, Source.PASTED, "", len(text.encode())
    except reader.TextImportError as error:
        raise ValidationError({"file" if upload else "text": str(error)}, code=error.code) from None


def propose(text: str, unit: Unit, year: int, period: str) -> list[ProposedFact]:
    """The facts of the text, as the review screen prefills them (unsaved)."""
    versions, matcher = catalogue_for(unit, year)
    commune = commune_of(unit)
    ctx = Context(
        unit=unit,
        year=year,
        period=period,
        versions={version.indicator.code: version for version in versions},
        commune=commune,
        matcher=matcher,
        recorded=recorded_awards(commune, year),
    )
    found = reader.extract_facts(
        text, commune=commune.name if commune else None, year=year, matcher=matcher
    )
    return [proposed_fact(fact, ctx, text, index) for index, fact in enumerate(found, start=1)]


@transaction.atomic
def document_read(
    *, unit: Unit, year: int, period: str, by: User, upload=None, text: str = ""
) -> SourceDocument:
    """Read an uploaded .docx, .txt or .pdf, or a pasted text, for `unit`'s period: keep the
    file and the text, and propose its facts. Nothing is saved when it cannot be read."""
    _check_target(unit, year, period, by)
    if upload is None and not (text or "").strip():
        raise ValidationError(_("Hãy chọn tệp (.docx, .txt, .pdf) hoặc dán nội dung văn bản."))
    read, source, name, size = read_source(upload=upload, text=text)
    read = _CONTROL.sub(" ", read)
    facts = propose(read, unit, year, period)
    document = SourceDocument(
        unit=unit,
        year=year,
        period=period,
        source=source,
        original_name=name,
        size=size,
        text=read,
        created_by=by,
    )
    if upload is not None:
        upload.seek(0)
        document.file.save(name, upload, save=False)
    audit.create(document, by=by, note=_("%(n)s số liệu đề xuất") % {"n": len(facts)})
    for fact in facts:
        fact.document = document
    ProposedFact.objects.bulk_create(facts)
    return document
