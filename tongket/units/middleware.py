"""A safety net under the services. They check uniqueness before writing (codes, numbers,
cells), but two people can pass that check at the same moment; the database then refuses the
second write. That person gets a plain Vietnamese answer (409), never a server error, and
their transaction has been rolled back, so nothing is half-saved."""

import logging

from django.db import IntegrityError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def conflict_message() -> str:
    return _(
        "Dữ liệu này vừa được người khác thay đổi cùng lúc nên thao tác của bạn chưa được lưu. "
        "Hãy tải lại trang, xem lại rồi làm lại."
    )


class IntegrityConflictMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IntegrityError):
            return None
        logger.warning("write conflict on %s: %s", request.path, exception)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"detail": conflict_message()}, status=409)
        return render(request, "409.html", {"message": conflict_message()}, status=409)
