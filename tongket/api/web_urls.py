"""The API token screens (not under /api/: they are pages, not API answers)."""

from django.urls import path

from . import views

app_name = "tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("<int:pk>/thu-hoi/", views.token_revoke, name="revoke"),
    path("quan-tri/", views.tokens_admin, name="admin"),
    path("quan-tri/<int:pk>/thu-hoi/", views.token_admin_revoke, name="admin_revoke"),
]
