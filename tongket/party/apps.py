from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "tongket.party"
    label = "party"
    verbose_name = "Công tác Đảng"

    def ready(self) -> None:
        # The home page's work list: this app's provider registers with units.worklist.
        from . import worklist  # noqa: F401
