from django.urls import path

from . import job_views, views
from .party_urls import urlpatterns as party_patterns
from .petitions.urls import urlpatterns as petition_patterns

app_name = "documents"

urlpatterns = [
    path("hoi-nghi/<int:pk>/", views.conference, name="conference"),
    path("hoi-nghi/<int:pk>/bao-cao.docx", views.report_download, name="report_docx"),
    path("hoi-nghi/<int:pk>/bang-bieu.xlsx", views.report_tables, name="report_xlsx"),
    path(
        "hoi-nghi/<int:pk>/noi-nhan/<str:layout>/",
        views.report_recipients,
        name="report_recipients",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/noi-nhan/",
        views.decision_recipients,
        name="decision_recipients",
    ),
    path("hoi-nghi/<int:pk>/bao-cao-pdf/", views.report_pdf, name="report_pdf"),
    path("hoi-nghi/<int:pk>/nhap-so-lieu/", views.results_import, name="results_import"),
    path("hoi-nghi/<int:pk>/viet-tin/", views.article_generate, name="article_generate"),
    path("tin-bai/<int:pk>/", views.article, name="article"),
    path("tin-bai/<int:pk>/dang/", views.article_publish, name="article_publish"),
    path("tin-bai/<int:pk>/go/", views.article_unpublish, name="article_unpublish"),
    path("tep/<int:pk>/", views.generated_file, name="file"),
    path("viec-nen/", job_views.jobs, name="jobs"),
    path("viec-nen/<int:pk>/", job_views.job, name="job"),
    path("viec-nen/<int:pk>/tien-do/", job_views.job_progress, name="job_progress"),
    path("viec-nen/<int:pk>/chay-lai/", job_views.job_resume, name="job_resume"),
    path("viec-nen/<int:pk>/huy/", job_views.job_cancel, name="job_cancel"),
    path("khen-thuong/quyet-dinh/<int:pk>.docx", views.decision_docx, name="award_decision_docx"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/giay-khen.pdf",
        views.certificates_pdf,
        name="award_certificates_pdf",
    ),
    path("khen-thuong/bien-ban/<int:pk>.docx", views.minutes_docx, name="award_minutes_docx"),
    path("khen-thuong/giay-khen/<int:pk>.pdf", views.certificate_pdf, name="award_certificate_pdf"),
    *party_patterns,
    *petition_patterns,
]
