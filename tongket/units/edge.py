"""The edge of tongket: what a request may carry before any view sees it, and what an API
error looks like whatever raised it.

EdgeMiddleware refuses, with a 400 in Vietnamese (a page for screens, JSON under /api/):
- a path or query string that holds a control character (a NUL reaching PostgreSQL is a
  server error; on SQLite it would be stored), or a query string that is not valid UTF-8;
- a form body (application/x-www-form-urlencoded) that is not valid UTF-8: Django would
  decode it with U+FFFD in place of the bad bytes and the form would store that.
Which control characters a form field or an API string may hold is decided per field by
the forms (tongket.units.forms.guard_text) and the API's body parser.

Under /api/ every error answer is JSON ({"detail": …}): Django's own 404, 405, CSRF and
server-error pages are turned into the same shape as the API's handlers give.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongket.lib.text import code_point, forbidden_characters

API_PREFIX = "/api/"
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def status_message(status: int) -> str:
    """A plain Vietnamese sentence for an HTTP error status."""
    messages = {
        400: _("Yêu cầu không hợp lệ."),
        401: _("Cần đăng nhập hoặc gửi khóa API (Authorization: Bearer …)."),
        403: _("Bạn không có quyền thực hiện thao tác này."),
        404: _("Không tìm thấy hoặc bạn không có quyền xem."),
        405: _("Địa chỉ này không nhận phương thức %(method)s."),
        409: _("Dữ liệu vừa được người khác thay đổi; hãy tải lại rồi làm lại."),
        413: _("Dữ liệu gửi lên quá lớn."),
        415: _("Kiểu dữ liệu gửi lên không được hỗ trợ."),
        429: _("Quá nhiều yêu cầu; hãy thử lại sau."),
    }
    if status in messages:
        return messages[status]
    if status >= 500:
        return _("Đã có lỗi hệ thống. Xin thử lại sau ít phút; nếu lỗi còn, hãy báo quản trị.")
    return messages[400]


def error_response(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """JSON {"detail": message} under /api/, otherwise the Vietnamese error page."""
    if is_api(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "400.html", {"message": message}, status=status)


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _query_parts(query: str) -> list[bytes]:
    raw = query.encode("latin-1", errors="replace")
    parts = []
    for pair in raw.split(b"&"):
        for piece in pair.split(b"=", 1):
            parts.append(unquote_to_bytes(piece.replace(b"+", b" ")))
    return parts


def input_problem(request: HttpRequest) -> str | None:
    """Why the request's path, query string or form body cannot be read, or None."""
    not_utf8 = _(
        "Địa chỉ hoặc dữ liệu gửi lên có byte không phải UTF-8 hợp lệ, nên không đọc được. "
        "Hãy gõ lại địa chỉ hoặc nội dung."
    )
    # Django already percent-encodes bytes of the path that are not UTF-8 ("/cong/%FF/" is
    # then a plain unknown address, a 404); the query string it would decode with U+FFFD.
    texts = [request.path_info]
    texts += [_decode(part) for part in _query_parts(request.META.get("QUERY_STRING", ""))]
    if any(text is None for text in texts):
        return not_utf8
    for text in texts:
        found = forbidden_characters(text)
        if found:
            return _(
                "Địa chỉ có ký tự điều khiển không được phép (%(chars)s). Hãy gõ lại địa chỉ."
            ) % {"chars": ", ".join(code_point(char) for char in found)}
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        body = request.body  # read once here; Django keeps it for request.POST
        if any(_decode(part) is None for part in _query_parts(body.decode("latin-1"))):
            return not_utf8
    return None


def _as_json_error(response: HttpResponse, method: str) -> HttpResponse:
    content_type = response.get("Content-Type", "")
    if response.status_code < 400 or content_type.startswith("application/json"):
        return response
    message = status_message(response.status_code)
    if response.status_code == 405:
        message = message % {"method": method}
    converted = JsonResponse({"detail": message}, status=response.status_code)
    for header in _KEPT_HEADERS:
        if header in response:
            converted[header] = response[header]
    return converted


class EdgeMiddleware:
    """Refuses unreadable input before anything else reads it; keeps API errors JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = input_problem(request)
        if problem:
            return error_response(request, 400, problem)
        response = self.get_response(request)
        if is_api(request):
            response = _as_json_error(response, request.method)
        return response
