"""The raters' points ledger in the Django admin: read-only (it is append-only; HR adjusts
points through its own page, which records the reason in the audit log)."""

from django.contrib import admin

from awards.points_models import RaterPointsEntry


@admin.register(RaterPointsEntry)
class RaterPointsEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "employee", "cycle", "kind", "points", "reason"]
    list_filter = ["kind", "cycle"]
    search_fields = ["employee__employee_id"]
    fields = ["employee", "cycle", "kind", "points", "generation", "reverses", "reason", "created_at", "created_by"]
    readonly_fields = fields
    actions = None

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
