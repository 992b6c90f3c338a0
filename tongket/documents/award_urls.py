from django.urls import path

from . import award_views

urlpatterns = [
    path(
        "khen-thuong/quyet-dinh/<int:pk>.docx",
        award_views.decision_docx,
        name="award_decision_docx",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/giay-khen.pdf",
        award_views.certificates_pdf,
        name="award_certificates_pdf",
    ),
    path(
        "khen-thuong/bien-ban/<int:pk>.docx",
        award_views.minutes_docx,
        name="award_minutes_docx",
    ),
    path(
        "khen-thuong/giay-khen/<int:pk>.pdf",
        award_views.certificate_pdf,
        name="award_certificate_pdf",
    ),
]
