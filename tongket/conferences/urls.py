from django.urls import path

from . import views

app_name = "conferences"

urlpatterns = [
    path("", views.index, name="index"),
    path("them/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/khach-moi/", views.guest_add, name="guest_add"),
    path("<int:pk>/khach-moi/<int:guest_pk>/bo/", views.guest_remove, name="guest_remove"),
    path("<int:pk>/anh/", views.photo_add, name="photo_add"),
    path("<int:pk>/anh/<int:photo_pk>/", views.photo_file, name="photo_file"),
    path("<int:pk>/anh/<int:photo_pk>/xoa/", views.photo_delete, name="photo_delete"),
    path("<int:pk>/khen-thuong/", views.award_decisions, name="award_decisions"),
    path("<int:pk>/khach-moi/ghi-ten/", views.guest_add_named, name="guest_add_named"),
    path("<int:pk>/phat-bieu/", views.speech_add, name="speech_add"),
    path("<int:pk>/phat-bieu/<int:speech_pk>/bo/", views.speech_remove, name="speech_remove"),
    path("<int:pk>/anh/<int:photo_pk>/vi-tri/", views.photo_place, name="photo_place"),
    path("<int:pk>/khen-thuong-so-luong/", views.award_records, name="award_records"),
    path("<int:pk>/khen-thuong-so-luong/them/", views.award_record_add, name="award_record_add"),
    path("<int:pk>/so-bao-cao/<str:layout>/", views.report_number, name="report_number"),
]
