"""Django admin views of the party data, for system administrators, read-only: everyday work
goes through tongket's own screens and services, which check the party side's rights and
write the audit log."""

from django.contrib import admin

from .models import (
    Admission,
    BadgeAward,
    CellProfile,
    Introducer,
    MemberEvent,
    PartyMember,
    QualityRating,
    Rule,
    TermDetail,
    Transfer,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Rule)
class RuleAdmin(ReadOnlyAdmin):
    list_display = ("kind", "key", "value", "effective_from", "unit", "repealed", "unverified")
    list_filter = ("kind", "unverified")


@admin.register(PartyMember)
class PartyMemberAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "commune", "cell", "status", "card_number")
    list_filter = ("status", "kind")


@admin.register(MemberEvent)
class MemberEventAdmin(ReadOnlyAdmin):
    list_display = ("member", "kind", "on", "cell")
    list_filter = ("kind",)


for model in (Admission, BadgeAward, CellProfile, Introducer, QualityRating, TermDetail, Transfer):
    admin.site.register(model, ReadOnlyAdmin)
