from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tongket.documents"
    label = "documents"
    verbose_name = "Văn bản"
