from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tongket.api"
    label = "api"
    verbose_name = "API"
