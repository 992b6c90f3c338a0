from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "tongket.petitions"
    label = "petitions"
    verbose_name = "Buổi làm việc, kiến nghị"
