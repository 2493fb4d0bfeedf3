"""Spreadsheet columns for the catalogue and plans (django-import-export, via RecordResource).

Values go through the set-based importer in importing/ instead; `DataValueResource` is the
stock resource kept for export and as the baseline the benchmark compares against.
"""

from import_export import fields, widgets

from healthcentre.importing.resources import RecordResource, text_field
from healthcentre.importing.widgets import ChoiceWidget, CodeWidget, VNDecimalWidget, VNIntegerWidget, YesNoWidget
from healthcentre.models import Organisation

from .importing.long import import_long
from .models import (
    Aggregation,
    Breakdown,
    BreakdownCategory,
    DataValue,
    Indicator,
    IndicatorGroup,
    IndicatorKind,
    Operator,
    Period,
    PlanTarget,
    ValidationRule,
)


class QualifierWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        from .importing.cells import parse_qualifier

        return parse_qualifier(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


def flag() -> YesNoWidget:
    """A yes/no column of the catalogue sheets, written as 1 or 0; an empty cell is "no", as an
    unticked box in the admin form."""
    return YesNoWidget(written=(1, 0))


class IndicatorResource(RecordResource):
    code = text_field("code")
    name = text_field("name")
    unit = text_field("unit")
    group = fields.Field("group", "group", widget=ChoiceWidget(IndicatorGroup))
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(IndicatorKind))
    factor = fields.Field("factor", "factor", widget=VNDecimalWidget())
    time_aggregation = fields.Field("time_aggregation", "time_aggregation", widget=ChoiceWidget(Aggregation))
    hierarchy_aggregation = fields.Field(
        "hierarchy_aggregation", "hierarchy_aggregation", widget=ChoiceWidget(Aggregation)
    )
    higher_is_better = fields.Field("higher_is_better", "higher_is_better", widget=flag())
    breakdown_category = fields.Field(
        "breakdown_category", "breakdown_category", widget=ChoiceWidget(BreakdownCategory)
    )
    sort_order = fields.Field("sort_order", "sort_order", widget=VNIntegerWidget())
    description = text_field("description")

    class Meta(RecordResource.Meta):
        model = Indicator
        import_id_fields = ["code"]
        fields = [
            "code",
            "name",
            "unit",
            "group",
            "kind",
            "factor",
            "time_aggregation",
            "hierarchy_aggregation",
            "higher_is_better",
            "breakdown_category",
            "sort_order",
            "description",
        ]


class BreakdownResource(RecordResource):
    code = text_field("code")
    name = text_field("name")
    category = fields.Field("category", "category", widget=ChoiceWidget(BreakdownCategory))
    sort_order = fields.Field("sort_order", "sort_order", widget=VNIntegerWidget())

    class Meta(RecordResource.Meta):
        model = Breakdown
        import_id_fields = ["code"]
        fields = ["code", "name", "category", "sort_order"]


class ValidationRuleResource(RecordResource):
    code = text_field("code")
    name = text_field("name")
    left = text_field("left")
    operator = fields.Field("operator", "operator", widget=ChoiceWidget(Operator))
    right = text_field("right")
    message = text_field("message")
    active = fields.Field("active", "active", widget=flag())

    class Meta(RecordResource.Meta):
        model = ValidationRule
        import_id_fields = ["code"]
        fields = ["code", "name", "left", "operator", "right", "message", "active"]


class PlanTargetResource(RecordResource):
    organisation = fields.Field("organisation", "unit_code", widget=CodeWidget(Organisation))
    indicator = fields.Field("indicator", "indicator_code", widget=CodeWidget(Indicator))
    year = fields.Field("year", "year", widget=VNIntegerWidget())
    value = fields.Field("value", "value", widget=VNDecimalWidget())
    qualifier = fields.Field("qualifier", "qualifier", widget=QualifierWidget())
    is_derived = fields.Field("is_derived", "derived", widget=flag())
    note = text_field("note")

    class Meta(RecordResource.Meta):
        model = PlanTarget
        import_id_fields = ["organisation", "indicator", "year"]
        fields = ["organisation", "indicator", "year", "value", "qualifier", "is_derived", "note"]


class DataValueResource(RecordResource):
    """The long layout as a stock ModelResource: export, and the benchmark's baseline."""

    organisation = fields.Field("organisation", "unit_code", widget=CodeWidget(Organisation))
    indicator = fields.Field("indicator", "indicator_code", widget=CodeWidget(Indicator))
    period = fields.Field("period", "period", widget=CodeWidget(Period))
    breakdown = fields.Field("breakdown", "breakdown_code", widget=CodeWidget(Breakdown))
    value = fields.Field("value", "value", widget=VNDecimalWidget())
    numerator = fields.Field("numerator", "numerator", widget=VNDecimalWidget())
    denominator = fields.Field("denominator", "denominator", widget=VNDecimalWidget())
    qualifier = fields.Field("qualifier", "qualifier", widget=QualifierWidget())
    note = text_field("note")

    class Meta(RecordResource.Meta):
        model = DataValue
        import_id_fields = ["organisation", "indicator", "period", "breakdown"]
        fields = [
            "organisation",
            "indicator",
            "period",
            "breakdown",
            "value",
            "numerator",
            "denominator",
            "qualifier",
            "note",
        ]


class LongLayoutSeed:
    """Lets `load_seeds` send a long-layout seed file through the same importer the admin runs."""

    def import_data(self, dataset, dry_run=False, file_name="", file_sha256="", user=None, **kwargs):
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(dataset.headers)
        writer.writerows(dataset)
        return import_long(
            out.getvalue().encode("utf-8"), file_name=file_name, user=user, dry_run=dry_run, file_sha256=file_sha256
        )


__all__ = [
    "BreakdownResource",
    "DataValueResource",
    "IndicatorResource",
    "LongLayoutSeed",
    "PlanTargetResource",
    "ValidationRuleResource",
]
