from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tongket.units import views as unit_views
from tongket.units.security.logins import LoginView

urlpatterns = [
    path("", unit_views.home, name="home"),
    path("dang-nhap/", LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", unit_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("", include("tongket.units.urls")),
    path("chi-tieu/", include("tongket.targets.urls")),
    path("thi-dua/", include("tongket.emulation.urls")),
    path("dang/", include("tongket.party.urls")),
    path("kien-nghi/", include("tongket.petitions.urls")),
    path("hoi-nghi/", include("tongket.conferences.urls")),
    path("van-ban/", include("tongket.documents.urls")),
    path("doc-van-ban/", include("tongket.textfacts.urls")),
    path("cong/", include("tongket.portal.urls")),
    path("api/v1/", include("tongket.api.urls")),
    path("khoa-api/", include("tongket.api.web_urls")),
    path("django-admin/", admin.site.urls),
]

handler400 = "tongket.units.errors.bad_request"
handler403 = "tongket.units.errors.permission_denied"
handler404 = "tongket.units.errors.page_not_found"
handler500 = "tongket.units.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
