from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "tongket.portal"
    label = "portal"
    verbose_name = "Cổng thông tin"
