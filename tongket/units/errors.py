"""Error answers in Vietnamese: Django's handler400/403/404/500 and its CSRF failure view.
Screens get a page; anything under /api/ gets JSON {"detail": …}.

The 400 and 500 pages render without the request (a bad Host header or a broken database
must not break the error page itself); 403 and 404 keep the navigation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from .edge import is_api, status_message


def _json(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def _page(template: str, status: int, context: dict, request: HttpRequest | None = None):
    body = loader.get_template(template).render(context, request)
    return HttpResponse(body, status=status)


def _exception_text(exception) -> str:
    message = exception.args[0] if exception is not None and exception.args else ""
    return message if isinstance(message, str) else ""


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    message = _("Yêu cầu không hợp lệ: địa chỉ, tên máy chủ hoặc dữ liệu gửi lên không đọc được.")
    if is_api(request):
        return _json(400, message)
    return _page("400.html", 400, {"message": message})


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    message = _exception_text(exception)
    if is_api(request):
        return _json(403, message or status_message(403))
    return _page("403.html", 403, {"exception": message}, request)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if is_api(request):
        return _json(404, status_message(404))
    return _page("404.html", 404, {}, request)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return _json(500, status_message(500))
    return _page("500.html", 500, {})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = _(
        "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ (CSRF), nên thao tác chưa được thực hiện. "
        "Hãy tải lại trang rồi gửi lại; nếu vẫn vậy, hãy bật cookie cho trang này."
    )
    if is_api(request):
        return _json(403, message)
    return _page("403_csrf.html", 403, {"message": message}, request)
