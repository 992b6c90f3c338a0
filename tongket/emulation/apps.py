from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "tongket.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self) -> None:
        # The home page's work list: this app's provider registers with units.worklist.
        from . import worklist  # noqa: F401
