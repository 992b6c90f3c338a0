from django.urls import path

from . import views

app_name = "textfacts"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/bo/", views.discard, name="discard"),
    path("<int:pk>/tep/", views.source_file, name="file"),
    path("cach-goi-khac/", views.synonyms, name="synonyms"),
    path("cach-goi-khac/<int:pk>/xoa/", views.synonym_delete, name="synonym_delete"),
]
