from django.urls import include, path

from . import views
from .security import views as security_views

app_name = "units"

unit_patterns = [
    path("", views.tree, name="tree"),
    path("them/", views.unit_create, name="unit_create"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
]
people_patterns = [
    path("", views.people, name="people"),
    path("them/", views.person_create, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person"),
    path("<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("<int:pk>/chuc-vu/them/", views.position_create, name="position_create"),
]
admin_patterns = [
    path("", views.admin_home, name="admin_home"),
    path("tai-khoan/", views.accounts, name="accounts"),
    path("tai-khoan/them/", views.account_create, name="account_create"),
    path("tai-khoan/<int:pk>/", views.account_detail, name="account"),
    path("phan-quyen/<int:pk>/thu-hoi/", views.grant_revoke, name="grant_revoke"),
    path("nhat-ky/", views.audit, name="audit"),
    path("bao-mat/", security_views.policy, name="security_policy"),
    path(
        "tai-khoan/<int:pk>/hai-buoc/xoa/",
        security_views.two_factor_reset,
        name="two_factor_reset",
    ),
]

urlpatterns = [
    path("dang-nhap/xac-thuc/", security_views.verify, name="two_factor_verify"),
    path("tai-khoan/hai-buoc/", security_views.two_factor, name="two_factor"),
    path("don-vi/", include(unit_patterns)),
    path("nguoi/", include(people_patterns)),
    path("quan-tri/", include(admin_patterns)),
]
