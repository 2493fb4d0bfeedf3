"""Admin for a unit's history: events and dated facts, the inlines on the organisation form,
and the pages that answer questions (history and lineage, state on a date, units on a date,
printable page, spreadsheet export, one-workbook import)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..importing.admin import RecordAdmin
from ..models import Event, Organisation, Position, RankRecord, StructureSnapshot, UnitName, UnitRelation
from ..scoping import reference_q
from . import views
from .forms import DatedFactForm, EventForm
from .resources import (
    EventResource,
    PositionResource,
    RankRecordResource,
    StructureSnapshotResource,
    UnitNameResource,
    UnitRelationResource,
)

DATED = ["start_text", "end_text"]


class DatedTextColumns:
    """The from/until boxes of a dated fact, shown read-only to a user who may not change it
    (the form's own labels are not used when the box is not in the form)."""

    @admin.display(description=_("from"), ordering="start")
    def start_text(self, obj):
        return obj.start_text

    @admin.display(description=_("until"), ordering="end")
    def end_text(self, obj):
        return obj.end_text


@admin.register(Event)
class EventAdmin(RecordAdmin):
    form = EventForm
    resource_classes = [EventResource]
    # Adds "units on a date" and the workbook import to the list's tools (import-export wraps it).
    change_list_template = "admin/healthcentre/event/change_list.html"
    list_display = ["date_text", "kind", "organisation", "decision", "summary"]
    list_filter = ["kind", "date_precision"]
    # Each row shows its unit and decision: fetch them with the events, not one query per row.
    list_select_related = ["organisation", "decision"]
    search_fields = ["code", "summary__unaccent", "organisation__name__unaccent"]
    autocomplete_fields = ["organisation", "decision", "predecessors", "successors"]
    # Predecessors and successors may be any unit of the province (a merger crosses centres).
    reference_fields = ("predecessors", "successors")
    fields = ["code", "organisation", "kind", "date_text", "decision", "summary", "predecessors", "successors", "notes"]

    @admin.display(description=_("date"), ordering="date")
    def date_text(self, obj):
        return obj.date_text

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = Organisation.objects.filter(reference_q(request.user))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_urls(self):
        return [
            *views.UnitHistoryPage.paths(self, "unit/<int:pk>/", "healthcentre_unit_history", views.UNIT_VARIANTS),
            views.UnitsOnPage.path(self, "units-on/", "healthcentre_units_on"),
            views.WorkbookImportPage.path(self, "import-workbook/", "healthcentre_history_workbook"),
            *super().get_urls(),
        ]


class DatedFactAdmin(DatedTextColumns, RecordAdmin):
    form = DatedFactForm
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    search_fields = ["organisation__name__unaccent", "organisation__code"]

    @admin.display(description=_("period"), ordering="start")
    def period(self, obj):
        return obj.period_text


@admin.register(UnitName)
class UnitNameAdmin(DatedFactAdmin):
    resource_classes = [UnitNameResource]
    list_display = ["name", "organisation", "period"]
    search_fields = ["name__unaccent", *DatedFactAdmin.search_fields]
    fields = ["organisation", "name", *DATED, "notes"]


@admin.register(UnitRelation)
class UnitRelationAdmin(DatedFactAdmin):
    resource_classes = [UnitRelationResource]
    list_display = ["organisation", "kind", "authority", "period"]
    list_filter = ["kind"]
    list_select_related = ["organisation", "authority"]
    autocomplete_fields = ["organisation", "authority", "decision"]
    reference_fields = ("authority",)
    fields = ["organisation", "kind", "authority", *DATED, "decision", "notes"]


@admin.register(RankRecord)
class RankRecordAdmin(DatedFactAdmin):
    resource_classes = [RankRecordResource]
    list_display = ["organisation", "hospital_rank", "technical_level", "planned_beds", "period"]
    list_filter = ["hospital_rank", "technical_level"]
    fields = ["organisation", *DATED, "hospital_rank", "technical_level", "planned_beds", "decision", "notes"]
    autocomplete_fields = ["organisation", "decision"]


@admin.register(StructureSnapshot)
class StructureSnapshotAdmin(DatedFactAdmin):
    resource_classes = [StructureSnapshotResource]
    list_display = ["organisation", "period", "directors", "offices", "departments", "stations", "staff"]
    fields = ["organisation", *DATED, "directors", "offices", "departments", "stations", "staff", "notes"]


@admin.register(Position)
class PositionAdmin(DatedFactAdmin):
    resource_classes = [PositionResource]
    list_display = ["person", "title", "organisation", "period"]
    list_filter = ["title"]
    list_select_related = ["organisation", "person"]
    autocomplete_fields = ["person", "organisation"]
    search_fields = ["person__full_name__unaccent", *DatedFactAdmin.search_fields]
    fields = ["person", "organisation", "title", "title_as_written", *DATED, "notes"]
