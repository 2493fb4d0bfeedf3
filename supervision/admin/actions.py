from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin

from ..models import ActionItem
from ..models.actions import CLOSED_STATUSES
from ..resources import ActionItemResource
from .display import overdue_badge


class FollowUpFilter(admin.SimpleListFilter):
    """Overdue, open or closed: the list of overdue items is this filter."""

    title = _("follow-up")
    parameter_name = "follow_up"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("open", _("Open")), ("closed", _("Closed"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue(timezone.localdate())
        if self.value() == "open":
            return queryset.still_open()
        if self.value() == "closed":
            return queryset.filter(status__in=CLOSED_STATUSES)
        return queryset


@admin.register(ActionItem)
class ActionItemAdmin(RecordAdmin):
    resource_classes = [ActionItemResource]
    import_export_change_list_template = "supervision/admin/action_change_list.html"
    list_display = ["__str__", "station", "responsible_unit", "due_date", "status", "closed_date", "flag"]
    list_filter = [FollowUpFilter, "status", "visit__round"]
    search_fields = ["description__unaccent", "visit__station__name__unaccent", "responsible_unit__name__unaccent"]
    autocomplete_fields = ["visit", "responsible_unit", "finding"]
    reference_fields = ("responsible_unit",)
    active_unit_fields = ("responsible_unit",)

    def record_day(self, obj):
        return obj.visit.date or obj.visit.round.start_date

    date_hierarchy = "due_date"
    fieldsets = [
        (None, {"fields": ["visit", "number", "finding", "description", "responsible_unit", "due_date"]}),
        (_("Follow-up"), {"fields": ["status", "closed_date", "closing_note"]}),
    ]

    def get_queryset(self, request):
        # The list names the station and the responsible unit of every row.
        return super().get_queryset(request).select_related("visit__station", "visit__round", "responsible_unit")

    @admin.display(description=_("station"), ordering="visit__station__name")
    def station(self, obj):
        return obj.visit.station

    @admin.display(description=_("overdue"))
    def flag(self, obj):
        return overdue_badge(obj)
