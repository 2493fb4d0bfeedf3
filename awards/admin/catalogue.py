from django.contrib import admin

from healthcentre.importing.admin import RecordAdmin, ScopedAdminMixin

from ..models import AwardForm
from ..resources import AwardFormResource


@admin.register(AwardForm)
class AwardFormAdmin(RecordAdmin):
    """The catalogue is national reference data: every role reads it, only a superuser edits it."""

    resource_classes = [AwardFormResource]
    list_display = ["name", "code", "category", "level", "eligible_recipients", "reward_multiple", "prerequisite"]
    list_filter = ["category", "level", "eligible_recipients"]
    list_select_related = ["prerequisite"]
    search_fields = ["name__unaccent", "code"]

    def get_queryset(self, request):
        # Not scoped to units: the catalogue belongs to no unit (it has no scope_paths).
        return super(ScopedAdminMixin, self).get_queryset(request)

    def _superuser_only(self, request, obj=None):
        return request.user.is_superuser

    has_add_permission = _superuser_only
    has_change_permission = _superuser_only
    has_delete_permission = _superuser_only
    has_import_permission = _superuser_only
