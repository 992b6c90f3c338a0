from django.urls import path

from . import party_views

urlpatterns = [
    path("dang/ket-nap/<int:pk>.docx", party_views.admission_docx, name="party_admission_docx"),
    path("dang/chinh-thuc/<int:pk>.docx", party_views.full_docx, name="party_full_docx"),
]
