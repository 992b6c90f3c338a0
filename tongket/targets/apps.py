from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "tongket.targets"
    label = "targets"
    verbose_name = "Chỉ tiêu và kết quả"
