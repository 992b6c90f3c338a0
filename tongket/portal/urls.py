from django.urls import path

from . import petitions, views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("anh/<int:pk>/", views.photo, name="photo"),
    path("<str:code>/", views.commune, name="commune"),
    path("<str:code>/tin/<int:pk>/", views.article, name="article"),
    path("<str:code>/kien-nghi/", petitions.petition_form, name="petition"),
    path("<str:code>/tra-loi-kien-nghi/", petitions.petition_answers, name="petition_answers"),
]
