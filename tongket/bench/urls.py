"""The product's URLs with the floor page in front; the error handlers stay the product's."""

from django.urls import path

from tongket.urls import handler400, handler403, handler404, handler500
from tongket.urls import urlpatterns as product

from . import views

FLOOR_PATH = "do-san/"

urlpatterns = [path(FLOOR_PATH, views.floor, name="bench_floor"), *product]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
