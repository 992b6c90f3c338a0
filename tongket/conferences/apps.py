from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "tongket.conferences"
    label = "conferences"
    verbose_name = "Hội nghị tổng kết"
