from django.contrib import admin

from healthcentre.importing.admin import RecordAdmin, ScopedAdminMixin

from ..models import ContentArea
from ..resources import ContentAreaResource


@admin.register(ContentArea)
class ContentAreaAdmin(RecordAdmin):
    """The catalogue is national reference data: everyone with access reads it, a superuser keeps it."""

    resource_classes = [ContentAreaResource]
    list_display = ["code", "name", "source", "max_points", "position"]
    list_filter = ["source"]
    search_fields = ["name__unaccent", "code"]

    def get_queryset(self, request):
        # Not owned by a unit, so the scoping of RecordAdmin does not apply.
        return super(ScopedAdminMixin, self).get_queryset(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
