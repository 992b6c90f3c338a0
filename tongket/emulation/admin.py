"""Django admin views of the emulation data, for system administrators. Everyday work goes
through tongket's own screens and services (which check rights and write the audit log), so
workflow records are read-only here."""

from django.contrib import admin

from .models import (
    Award,
    AwardDecision,
    AwardKind,
    Ballot,
    Cluster,
    CouncilMember,
    CouncilSession,
    Movement,
    Nomination,
    Registration,
    Rule,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AwardKind)
class AwardKindAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "category", "order")


@admin.register(Rule)
class RuleAdmin(ReadOnlyAdmin):
    list_display = (
        "award_kind",
        "kind",
        "recipient",
        "value",
        "effective_from",
        "unit",
        "unverified",
    )
    list_filter = ("kind", "unverified")


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "unit", "state", "year")
    list_filter = ("state", "year")


@admin.register(AwardDecision)
class AwardDecisionAdmin(ReadOnlyAdmin):
    list_display = ("number_label", "commune", "signed_on", "signer_name")


for model in (Award, Ballot, Cluster, CouncilMember, CouncilSession, Movement, Registration):
    admin.site.register(model, ReadOnlyAdmin)
