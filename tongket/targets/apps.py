from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "tongket.targets"
    label = "targets"
    verbose_name = "Chỉ tiêu và kết quả"

    def ready(self) -> None:
        # The home page's work list: this app's provider registers with units.worklist.
        from . import worklist  # noqa: F401
