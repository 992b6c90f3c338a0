"""The Django admin, for superusers only; officials use tongket's own screens."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEntry, Person, Position, RoleGrant, Unit, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "name_folded")
    raw_id_fields = ("parent", "merged_into")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "unit")
    search_fields = ("full_name", "name_folded")
    raw_id_fields = ("unit",)


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("person", "title", "unit", "start_date", "end_date")
    raw_id_fields = ("person", "unit")


@admin.register(User)
class TongketUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("tongket", {"fields": ("person", "unit")}))
    raw_id_fields = ("person", "unit")


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "side", "unit")
    raw_id_fields = ("user", "unit")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "model", "object_repr")
    list_filter = ("action", "model")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
