from django.apps import AppConfig


class TextfactsConfig(AppConfig):
    name = "tongket.textfacts"
    label = "textfacts"
    verbose_name = "Đọc số liệu từ văn bản"
