from django.contrib import admin

from ..models import ImportRun
from .readonly import ReadOnlyAdminMixin


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
