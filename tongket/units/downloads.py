"""File downloads for every app: one place that sets the content type and a
Content-Disposition that carries Vietnamese file names correctly (RFC 6266 filename*)."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_download(data: bytes, filename: str) -> HttpResponse:
    return download(data, filename, XLSX)
