from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "tongket.units"
    label = "units"
    verbose_name = "Đơn vị, con người, phân quyền"
