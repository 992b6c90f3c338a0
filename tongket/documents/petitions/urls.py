from django.urls import path

from . import views

urlpatterns = [
    path("kien-nghi/ke-hoach/<int:pk>.docx", views.plan_download, name="petition_plan_docx"),
    path(
        "kien-nghi/ke-hoach/<int:pk>/viet-tin/",
        views.article_generate,
        name="petition_article_generate",
    ),
    path("kien-nghi/thong-bao/<int:pk>.docx", views.notice_download, name="petition_notice_docx"),
    path("kien-nghi/bao-cao/<int:pk>.docx", views.report_download, name="petition_report_docx"),
    path(
        "kien-nghi/bao-cao/<int:pk>.xlsx",
        views.report_list_download,
        name="petition_report_xlsx",
    ),
    path("kien-nghi/tin-bai/<int:pk>/", views.article, name="petition_article"),
    path(
        "kien-nghi/tin-bai/<int:pk>/dang/", views.article_publish, name="petition_article_publish"
    ),
    path(
        "kien-nghi/tin-bai/<int:pk>/go/",
        views.article_unpublish,
        name="petition_article_unpublish",
    ),
]
