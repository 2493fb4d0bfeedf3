"""The shared catalogue: indicators, breakdown items, validation rules, periods.

No unit owns these, so they are not scoped: everyone with the view permission reads them,
and only a superuser changes them, since a change alters every unit's reports.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from healthcentre.admin.readonly import ReadOnlyAdminMixin
from healthcentre.importing.admin import CatalogueAdmin

from ..models import Breakdown, Indicator, Period, ValidationRule
from ..resources import BreakdownResource, IndicatorResource, ValidationRuleResource


@admin.register(Indicator)
class IndicatorAdmin(CatalogueAdmin):
    resource_classes = [IndicatorResource]
    list_display = [
        "code",
        "name",
        "unit",
        "group",
        "kind",
        "time_aggregation",
        "hierarchy_aggregation",
        "higher_is_better",
    ]
    list_filter = ["group", "kind"]
    search_fields = ["code", "name__unaccent"]
    fieldsets = [
        (None, {"fields": ["code", "name", "unit", "group", "sort_order", "description"]}),
        (
            _("Calculation"),
            {
                "fields": [
                    "kind",
                    "factor",
                    "time_aggregation",
                    "hierarchy_aggregation",
                    "higher_is_better",
                    "breakdown_category",
                ]
            },
        ),
    ]


@admin.register(Breakdown)
class BreakdownAdmin(CatalogueAdmin):
    resource_classes = [BreakdownResource]
    list_display = ["code", "name", "category", "sort_order"]
    list_filter = ["category"]
    search_fields = ["code", "name__unaccent"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(CatalogueAdmin):
    resource_classes = [ValidationRuleResource]
    list_display = ["code", "name", "left", "operator", "right", "active"]
    list_filter = ["active"]
    search_fields = ["code", "name__unaccent", "left", "right"]


@admin.register(Period)
class PeriodAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Periods are made from their codes on import; listed so they can be searched and filtered."""

    list_display = ["code", "kind", "start", "end"]
    list_filter = ["kind", "year"]
    search_fields = ["code"]
