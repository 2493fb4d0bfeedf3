"""Indicator values and plan targets in the admin, with the fast import and the reports."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin

from ..models import DataValue, PlanTarget
from ..presentation import figure_text
from ..resources import DataValueResource, PlanTargetResource
from . import views
from .office import OfficeImportPage
from .search import SearchThroughRelationsMixin


class CappedCountPaginator(Paginator):
    """Counts at most a few thousand rows: with a million values a full COUNT(*) would cost
    more than the page itself, and nobody pages past the first hundred pages."""

    cap = 10_000

    @cached_property
    def count(self):
        return self.object_list.values("pk")[: self.cap + 1].count()


@admin.register(DataValue)
class DataValueAdmin(SearchThroughRelationsMixin, RecordAdmin):
    resource_classes = [DataValueResource]
    change_list_template = "admin/indicators/datavalue/change_list.html"
    list_display = ["organisation", "indicator", "period", "breakdown", "shown_figure", "is_derived", "import_run"]
    list_filter = ["period__kind", "period__year", "indicator__group", "is_derived", "qualifier"]
    # One query for the page: every column shown comes through a join, never a query per row.
    list_select_related = ["organisation", "indicator", "period", "breakdown", "import_run"]
    search_fields = [
        "organisation__code",
        "organisation__name__unaccent",
        "indicator__code",
        "indicator__name__unaccent",
    ]
    autocomplete_fields = ["organisation", "indicator"]
    paginator = CappedCountPaginator
    ordering = ["-id"]
    fieldsets = [
        (None, {"fields": ["organisation", "indicator", "period", "breakdown"]}),
        (_("Figure"), {"fields": ["value", "numerator", "denominator", "qualifier"]}),
        (_("Source"), {"fields": ["is_derived", "stated_change", "stated_change_kind", "note"]}),
    ]

    @admin.display(description=_("figure"))
    def shown_figure(self, obj):
        return figure_text(obj.indicator, obj.value, obj.numerator, obj.denominator, obj.qualifier)

    def get_urls(self):
        return [
            *views.ReportPage.paths(self, "report/", "indicators_report", ("page", "print", "xlsx", "docx")),
            views.TemplatePage.path(self, "template/", "indicators_template"),
            OfficeImportPage.path(self, "office-import/", "indicators_office_import"),
            views.ViolationsPage.path(self, "violations/", "indicators_violations"),
            *super().get_urls(),
        ]

    def import_action(self, request, **kwargs):
        # Values go through the set-based importer (both layouts), not row-by-row import-export.
        return views.ImportPage.as_view(model_admin=self)(request)


@admin.register(PlanTarget)
class PlanTargetAdmin(SearchThroughRelationsMixin, RecordAdmin):
    resource_classes = [PlanTargetResource]
    list_display = ["organisation", "indicator", "year", "value", "qualifier", "is_derived"]
    list_filter = ["year", "indicator__group", "is_derived"]
    list_select_related = ["organisation", "indicator"]
    search_fields = [
        "organisation__code",
        "organisation__name__unaccent",
        "indicator__code",
        "indicator__name__unaccent",
    ]
    autocomplete_fields = ["organisation", "indicator"]
