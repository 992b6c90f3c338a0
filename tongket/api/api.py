"""The REST API at /api/v1/: one NinjaAPI, bearer-token (or session) authentication, and the
routers of the domain apps. Endpoints call the same selectors, services and access layer as
the screens; errors come back as {"detail": ..., "errors": {...}} in Vietnamese."""

import logging

from django.core import signals
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import HttpBearer, django_auth

from tongket.conferences import api as conferences_api
from tongket.documents import api as documents_api
from tongket.emulation import api as emulation_api
from tongket.party import api as party_api
from tongket.petitions import api as petitions_api
from tongket.targets import api as targets_api
from tongket.units import api as units_api
from tongket.units.edge import status_message
from tongket.units.messages import schema_message
from tongket.units.middleware import conflict_message

from .openapi import TongketAPI
from .parser import BodyEncodingError, BodyTextError, GuardedParser
from .services import TokenProblem, token_check

request_logger = logging.getLogger("django.request")


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user, problem = token_check(token)
        if user is not None:
            request.user = user
        else:
            request.tongket_token_problem = problem
        return user


TOKEN_MESSAGES = {
    TokenProblem.REVOKED: "Khóa API này đã bị thu hồi. Hãy tạo khóa mới ở trang “Khóa API”.",
    TokenProblem.EXPIRED: "Khóa API này đã hết hạn. Hãy tạo khóa mới ở trang “Khóa API”.",
    TokenProblem.UNKNOWN: "Khóa API không đúng. Hãy kiểm tra lại khóa đã chép.",
}


api = TongketAPI(
    title="tongket API",
    version="1",
    description="API của tongket: đơn vị, chỉ tiêu, kế hoạch, kết quả, thi đua khen thưởng.",
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
    docs_url="/docs",
    parser=GuardedParser(),
)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = "; ".join(message for messages in errors.values() for message in messages)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


def _field_name(loc) -> str:
    """Where an error is, as the client named it: ("body", "payload", "venue") is "venue",
    ("query", "year") is "year"."""
    parts = [str(part) for part in loc]
    if parts[:1] == ["body"]:
        parts = parts[2:]
    elif parts[:1] in (["query"], ["path"], ["header"], ["cookie"], ["form"]):
        parts = parts[1:]
    return ".".join(parts) or "__all__"


@api.exception_handler(SchemaValidationError)
def on_schema_error(request, exc: SchemaValidationError):
    errors = {}
    for error in exc.errors:
        errors.setdefault(_field_name(error.get("loc", ())), []).append(schema_message(error))
    return api.create_response(
        request, {"detail": "Dữ liệu gửi lên không hợp lệ.", "errors": errors}, status=422
    )


def _body_text_response(request, exc: BodyTextError):
    return api.create_response(
        request,
        {"detail": "Dữ liệu gửi lên có ký tự không được phép.", "errors": exc.errors},
        status=422,
    )


@api.exception_handler(BodyTextError)
def on_body_text(request, exc: BodyTextError):
    return _body_text_response(request, exc)


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    """Ninja's own refusals (an unreadable body above all) in Vietnamese; a body holding
    forbidden characters reaches here wrapped by ninja's body reader."""
    if isinstance(exc.__cause__, BodyTextError):
        return _body_text_response(request, exc.__cause__)
    if isinstance(exc.__cause__, BodyEncodingError):
        detail = str(exc.__cause__)
    elif exc.status_code == 400:
        detail = "Nội dung gửi lên không đọc được: cần JSON viết bằng UTF-8."
    elif exc.status_code == 403 and "CSRF" in str(exc):
        detail = (
            "Thiếu mã bảo vệ CSRF: khi dùng phiên đăng nhập của trình duyệt, hãy gửi kèm "
            "tiêu đề X-CSRFToken; chương trình khác hãy dùng khóa API."
        )
    else:
        detail = status_message(exc.status_code)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(Exception)
def on_server_error(request, exc: Exception):
    """Any other failure: logged like Django logs a 500 (and re-raised by the test client),
    answered as JSON."""
    request_logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=exc,
        extra={"status_code": 500, "request": request},
    )
    signals.got_request_exception.send(sender=None, request=request)
    return api.create_response(request, {"detail": status_message(500)}, status=500)


@api.exception_handler(IntegrityError)
def on_write_conflict(request, exc):
    return api.create_response(request, {"detail": conflict_message()}, status=409)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    detail = str(exc) or "Bạn không có quyền thực hiện thao tác này."
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(
        request, {"detail": "Không tìm thấy hoặc bạn không có quyền xem."}, status=404
    )


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    problem = getattr(request, "tongket_token_problem", None)
    detail = TOKEN_MESSAGES.get(problem, status_message(401))
    return api.create_response(request, {"detail": detail}, status=401)


# Each domain app's router, under the app's name, as tongket/urls.py names each app's URLs.
api.add_router("/units/", units_api.router)
api.add_router("/targets/", targets_api.router)
api.add_router("/emulation/", emulation_api.router)
api.add_router("/party/", party_api.router)
api.add_router("/petitions/", petitions_api.router)
api.add_router("/conferences/", conferences_api.router)
api.add_router("/documents/", documents_api.router)
