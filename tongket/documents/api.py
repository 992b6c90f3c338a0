"""API for the report, the article and background jobs, over the same services."""

from __future__ import annotations

import datetime

from django.http import JsonResponse
from ninja import Field, Router, Schema, Status

from tongket.conferences import selectors as conference_selectors
from tongket.units import access
from tongket.units.api_types import ErrorOut, Flag, InSchema, Year
from tongket.units.choices import Action
from tongket.units.downloads import DOCX, download

from . import selectors, services
from .choices import JobKind
from .data import report_data
from .issuing import NotReady
from .report import report_docx, report_filename

router = Router(tags=["Văn bản"])


class ArticleOut(Schema):
    id: int
    conference_id: int
    headline: str
    body: str
    byline: str
    state: str
    published_at: datetime.datetime | None
    left_out: list[str]


class ArticleIn(InSchema):
    """A field left out keeps what the article holds."""

    headline: str = Field(default=None, description="Bỏ trống: giữ tiêu đề đã lưu.")
    body: str = Field(default=None, description="Bỏ trống: giữ nội dung đã lưu.")
    byline: str = Field(default=None, description="Bỏ trống: giữ tên tác giả đã lưu.")


class JobIn(InSchema):
    unit_id: int
    year: Year
    pdf: Flag = False


class JobOut(Schema):
    id: int
    kind: str
    state: str
    total: int
    done: int
    percent: int
    errors: list[str]


@router.get(
    "/conferences/{int:pk}/report.docx",
    response={409: ErrorOut},
    summary="Báo cáo tổng kết (Word); 409 nêu từng phần còn thiếu",
)
def report(request, pk: int, layout: str | None = None):
    conference = conference_selectors.get_conference_for(request.user, pk)
    data = report_data(conference, layout)
    try:
        docx = report_docx(data)
    except NotReady as exc:
        return not_ready_json(exc)
    return download(docx, report_filename(data, "docx"), DOCX)


def not_ready_json(exc: NotReady) -> JsonResponse:
    """409: the document cannot be made yet; each missing part named with where to fill it."""
    return JsonResponse(
        {"detail": exc.message, "missing": [item.as_dict() for item in exc.missing]},
        status=409,
    )


@router.post(
    "/conferences/{int:pk}/article", response={201: ArticleOut}, summary="Viết tin bài từ số liệu"
)
def generate_article(request, pk: int):
    conference = conference_selectors.get_conference_for(request.user, pk, Action.EDIT)
    return Status(201, services.article_generate(conference=conference, by=request.user))


@router.get("/articles/{int:pk}", response=ArticleOut, summary="Một tin bài")
def get_article(request, pk: int):
    return selectors.get_article_for(request.user, pk)


@router.put(
    "/articles/{int:pk}",
    response=ArticleOut,
    summary="Sửa tin bài (tin đã đăng mà người sửa không có quyền đăng thì trở lại bản nháp)",
)
def update_article(request, pk: int, payload: ArticleIn):
    article = selectors.get_article_for(request.user, pk, Action.EDIT)
    return services.article_update(
        article=article, by=request.user, **payload.dict(exclude_unset=True)
    )


@router.post("/articles/{int:pk}/publish", response=ArticleOut, summary="Đăng tin bài")
def publish_article(request, pk: int):
    return services.article_publish(
        article=selectors.get_article_for(request.user, pk, Action.APPROVE), by=request.user
    )


@router.post("/jobs", response={202: JobOut}, summary="Tạo báo cáo, tin bài cả tỉnh (chạy nền)")
def start_job(request, payload: JobIn):
    unit = access.get_unit_for(request.user, payload.unit_id)
    job = services.job_start(
        kind=JobKind.PROVINCE_DOCUMENTS,
        unit=unit,
        year=payload.year,
        params={"pdf": payload.pdf},
        by=request.user,
    )
    return Status(202, job)


@router.get("/jobs/{int:pk}", response=JobOut, summary="Tiến độ việc chạy nền")
def job_progress(request, pk: int):
    return services.job_fail_if_stale(selectors.get_job_for(request.user, pk))
