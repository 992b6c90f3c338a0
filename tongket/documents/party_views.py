"""Downloads of the party's decisions (party side only: the file goes through the party
module's access, a state-side user gets a 404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from tongket.party import selectors
from tongket.units.downloads import DOCX, download

from . import party


def _download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    admission = selectors.get_admission_for(request.user, pk)
    document = selectors.decision_document(admission, kind)
    if document is None:
        raise Http404
    return download(party.decision_docx(document), party.decision_filename(document), DOCX)


@login_required
def admission_docx(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "admission")


@login_required
def full_docx(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "full")
