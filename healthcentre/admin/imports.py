from django.contrib import admin

from ..models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The log of uploads. Nobody edits it; a user sees their own uploads, a superuser all."""

    list_display = [
        "started_at",
        "user",
        "target",
        "file_name",
        "status",
        "rows_created",
        "rows_updated",
        "rows_unchanged",
        "error_count",
    ]
    list_filter = ["status", "target"]
    list_select_related = ["user"]
    search_fields = ["file_name", "file_sha256"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
