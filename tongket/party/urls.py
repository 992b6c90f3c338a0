from django.urls import path

from . import views

app_name = "party"

urlpatterns = [
    path("", views.index, name="index"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("thong-ke/excel/", views.statistics_xlsx, name="statistics_xlsx"),
    path("toan-tinh/", views.province, name="province"),
    path("toan-tinh/excel/", views.province_xlsx, name="province_xlsx"),
    path("nhiem-ky/", views.terms, name="terms"),
    path("nhiem-ky/them/", views.term_create, name="term_create"),
    path("chi-bo/", views.cells, name="cells"),
    path("chi-bo/<int:pk>/loai/", views.cell_type, name="cell_type"),
    path("dang-vien/", views.members, name="members"),
    path("dang-vien/them/", views.member_create, name="member_create"),
    path("dang-vien/sinh-hoat-tam-thoi/", views.guest_create, name="guest_create"),
    path("dang-vien/excel/", views.members_export, name="members_export"),
    path("dang-vien/nhap/", views.members_import, name="members_import"),
    path("dang-vien/<int:pk>/", views.member_detail, name="member"),
    path("dang-vien/<int:pk>/sua/", views.member_update, name="member_update"),
    path("dang-vien/<int:pk>/su-kien/", views.member_event, name="member_event"),
    path("dang-vien/<int:pk>/chuyen-chi-bo/", views.member_move, name="member_move"),
    path("dang-vien/<int:pk>/chuyen-di/", views.member_transfer, name="member_transfer"),
    path("dang-vien/<int:pk>/tro-ve/", views.member_return, name="member_return"),
    path("dang-vien/<int:pk>/huy-hieu/", views.member_badge, name="member_badge"),
    path("chuyen-sinh-hoat/", views.transfers, name="transfers"),
    path(
        "chuyen-sinh-hoat/<int:pk>/<slug:answer>/",
        views.transfer_answer,
        name="transfer_answer",
    ),
    path("huy-hieu/", views.badges, name="badges"),
    path("ket-nap/", views.admissions, name="admissions"),
    path("ket-nap/them/", views.admission_create, name="admission_create"),
    path("ket-nap/<int:pk>/", views.admission_detail, name="admission"),
    path("ket-nap/<int:pk>/<slug:slug>/", views.admission_step, name="admission_step"),
    path("xep-loai/", views.ratings, name="ratings"),
    path("xep-loai/excel/", views.ratings_xlsx, name="ratings_xlsx"),
    path("xep-loai/tu-danh-gia/", views.rating_self, name="rating_self"),
    path("xep-loai/<int:pk>/de-xuat/", views.rating_propose, name="rating_propose"),
    path("xep-loai/quyet-dinh/", views.ratings_decide, name="ratings_decide"),
    path("quy-dinh/", views.rulebook, name="rulebook"),
    path("quy-dinh/them/", views.rule_create, name="rule_create"),
    path("quy-dinh/<int:pk>/sua/", views.rule_edit, name="rule_edit"),
]
