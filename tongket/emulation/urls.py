from django.urls import path

from . import views

app_name = "emulation"

urlpatterns = [
    path("", views.index, name="index"),
    path("quy-dinh/", views.rulebook, name="rulebook"),
    path("quy-dinh/them/", views.rule_create, name="rule_create"),
    path("quy-dinh/<int:pk>/sua/", views.rule_edit, name="rule_edit"),
    path("quy-dinh/van-ban/them/", views.legal_document_edit, name="legal_document_create"),
    path("quy-dinh/van-ban/<int:pk>/sua/", views.legal_document_edit, name="legal_document_edit"),
    path("phong-trao/", views.movements, name="movements"),
    path("cum-khoi/", views.clusters, name="clusters"),
    path("cum-khoi/them/", views.cluster_create, name="cluster_create"),
    path("cum-khoi/<int:pk>/", views.cluster_detail, name="cluster"),
    path("cum-khoi/<int:pk>/giao-uoc/", views.pledge_create, name="pledge_create"),
    path("giao-uoc/<int:pk>/ky/", views.pledge_sign, name="pledge_sign"),
    path("giao-uoc/<int:pk>/cham-diem/", views.pledge_score, name="pledge_score"),
    path("dang-ky/", views.registrations, name="registrations"),
    path("khen-thuong-truoc/", views.past_awards, name="past_awards"),
    path("de-nghi/", views.nominations, name="nominations"),
    path("de-nghi/them/", views.nomination_create, name="nomination_create"),
    path("de-nghi/nhap-excel/", views.nomination_import, name="nomination_import"),
    path("de-nghi/<int:pk>/", views.nomination_detail, name="nomination"),
    path("de-nghi/<int:pk>/sua/", views.nomination_edit, name="nomination_edit"),
    path("de-nghi/<int:pk>/gui/", views.nomination_submit, name="nomination_submit"),
    path("de-nghi/<int:pk>/tra-lai/", views.nomination_return, name="nomination_return"),
    path("de-nghi/<int:pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
    path("hoi-dong/", views.council, name="council"),
    path("hoi-dong/phien-hop/them/", views.session_create, name="session_create"),
    path("hoi-dong/phien-hop/<int:pk>/", views.session_detail, name="session"),
    path("hoi-dong/phien-hop/<int:pk>/dua-ra/", views.session_schedule, name="session_schedule"),
    path("hoi-dong/phien-hop/<int:pk>/bo-phieu/", views.session_votes, name="session_votes"),
    path("hoi-dong/phien-hop/<int:pk>/duyet/", views.session_approve, name="session_approve"),
    path("hoi-dong/phien-hop/<int:pk>/bien-ban/", views.session_minutes, name="session_minutes"),
    path(
        "hoi-dong/phien-hop/<int:pk>/thong-tin-bien-ban/",
        views.session_minutes_info,
        name="session_minutes_info",
    ),
    path(
        "hoi-dong/phien-hop/<int:pk>/so-bien-ban/",
        views.session_minutes_number,
        name="session_minutes_number",
    ),
    path("quyet-dinh/", views.decisions, name="decisions"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("thong-ke/xlsx/", views.statistics_xlsx, name="statistics_xlsx"),
]
