from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "tongket.petitions"
    label = "petitions"
    verbose_name = "Buổi làm việc, kiến nghị"

    def ready(self) -> None:
        # The home page's work list: this app's provider registers with units.worklist.
        from . import worklist  # noqa: F401
