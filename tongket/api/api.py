"""The REST API at /api/v1/: one NinjaAPI, bearer-token (or session) authentication, and the
routers of the domain apps. Endpoints call the same selectors, services and access layer as
the screens; errors come back as {"detail": ..., "errors": {...}} in Vietnamese."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import HttpBearer, django_auth

from tongket.conferences import api as conferences_api
from tongket.documents import api as documents_api
from tongket.emulation import api as emulation_api
from tongket.petitions import api as petitions_api
from tongket.targets import api as targets_api
from tongket.units import api as units_api
from tongket.units.middleware import conflict_message

from .services import token_user


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="tongket API",
    version="1",
    description="API của tongket: đơn vị, chỉ tiêu, kế hoạch, kết quả, thi đua khen thưởng.",
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = "; ".join(message for messages in errors.values() for message in messages)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


@api.exception_handler(SchemaValidationError)
def on_schema_error(request, exc: SchemaValidationError):
    errors = {}
    for error in exc.errors:
        location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        errors.setdefault(location or "__all__", []).append(error.get("msg", ""))
    return api.create_response(
        request, {"detail": "Dữ liệu gửi lên không hợp lệ.", "errors": errors}, status=422
    )


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
    return api.create_response(
        request,
        {"detail": "Cần đăng nhập hoặc gửi khóa API (Authorization: Bearer …)."},
        status=401,
    )


# Each domain app's router, under the app's name, as tongket/urls.py names each app's URLs.
api.add_router("/units/", units_api.router)
api.add_router("/targets/", targets_api.router)
api.add_router("/emulation/", emulation_api.router)
api.add_router("/petitions/", petitions_api.router)
api.add_router("/conferences/", conferences_api.router)
api.add_router("/documents/", documents_api.router)
