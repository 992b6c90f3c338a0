"""Downloads of award documents: the decision as Word, certificates as PDF. Access goes
through the same access layer as the emulation screens."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from tongket.emulation import selectors
from tongket.emulation.models import Award, AwardDecision
from tongket.lib.text import slug
from tongket.units import access
from tongket.units.downloads import DOCX, PDF, download

from . import awards, office


def _decision(request, pk) -> AwardDecision:
    return access.get_for(
        AwardDecision.objects.select_related("commune__parent", "session"), request.user, pk
    )


def _file_stem(decision: AwardDecision) -> str:
    return f"{slug(decision.number_label)}-{decision.signed_on.year}"


def _pdf_or_error(build) -> HttpResponse | bytes:
    try:
        return build()
    except office.OfficeConversionError as exc:
        return HttpResponse(
            _("Chưa tạo được tệp PDF: %(reason)s") % {"reason": exc},
            status=503,
            content_type="text/plain; charset=utf-8",
        )


@login_required
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    data = awards.decision_docx(selectors.decision_page(decision))
    return download(data, f"quyet-dinh-{_file_stem(decision)}.docx", DOCX)


@login_required
def certificates_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    result = _pdf_or_error(lambda: awards.certificates_pdf(selectors.decision_page(decision)))
    if isinstance(result, HttpResponse):
        return result
    return download(result, f"giay-khen-{_file_stem(decision)}.pdf", PDF)


@login_required
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The council minutes, for those who may see the session (its commune or its members)."""
    session = selectors.sessions_for(request.user).filter(pk=pk).first()
    if session is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    data = awards.minutes_docx(selectors.session_page(session, with_waiting=False))
    return download(data, f"bien-ban-hoi-dong-{session.held_on:%Y-%m-%d}.docx", DOCX)


@login_required
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    award = access.get_for(
        Award.objects.select_related("decision__commune__parent", "nomination__person"),
        request.user,
        pk,
    )
    page = selectors.decision_page(award.decision)
    chosen = [item for item in page.awards if item.pk == award.pk]
    result = _pdf_or_error(lambda: awards.certificates_pdf(page, chosen))
    if isinstance(result, HttpResponse):
        return result
    name = slug(award.nomination.nominee_name)
    return download(result, f"giay-khen-{name}-{award.decision.year}.pdf", PDF)
