from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "tongket.units"
    label = "units"
    verbose_name = "Đơn vị, con người, phân quyền"

    def ready(self) -> None:
        # Receivers: failed sign-ins into the audit log; the two-factor step at sign-in.
        from .security import logins, twofactor  # noqa: F401
