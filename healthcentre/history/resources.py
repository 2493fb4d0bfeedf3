"""Spreadsheet columns for a unit's history: events (with predecessor and successor codes),
names over time, dated relations, ranks, structures and positions.

Partial dates are one column written as users write them ("1958", "7/2013", "01/5/2005");
predecessors and successors are unit codes separated by ";".
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from ..importing.resources import RecordResource, text_field
from ..importing.widgets import ChoiceWidget, CodesWidget, CodeWidget, VNIntegerWidget, citable_q
from ..models import (
    Decision,
    Event,
    EventKind,
    HospitalRank,
    Organisation,
    Person,
    Position,
    PositionTitle,
    RankRecord,
    RelationKind,
    StructureSnapshot,
    TechnicalLevel,
    UnitName,
    UnitRelation,
)
from ..vocabulary import Precision, format_partial_date, parse_partial_date

SEPARATOR = ";"


class PartialDateColumn(fields.Field):
    """One column filling a date and its precision; exported as it was written."""

    def __init__(self, attribute, column_name, precision_attribute=None):
        self.precision_attribute = precision_attribute or f"{attribute}_precision"
        super().__init__(attribute=attribute, column_name=column_name, widget=widgets.Widget())

    def clean(self, row, **kwargs):
        """The date alone (what an import id compares); `save` also stores the precision."""
        parsed = parse_partial_date(row.get(self.column_name))
        return parsed[0] if parsed else None

    def save(self, instance, row, is_m2m=False, **kwargs):
        parsed = parse_partial_date(row.get(self.column_name))
        date, precision = parsed if parsed else (None, "")
        setattr(instance, self.attribute, date)
        setattr(instance, self.precision_attribute, precision)

    def get_value(self, instance):
        return getattr(instance, self.attribute), getattr(instance, self.precision_attribute)

    def export(self, instance, **kwargs):
        """A whole date as a date cell in a workbook (import-export asks for native types
        there); a year or a month, and every date in a CSV, as written ("1958", "07/2013")."""
        date, precision = self.get_value(instance)
        if kwargs.get("force_native_type") and date is not None and precision == Precision.DAY:
            return date
        return format_partial_date(date, precision)


class HistoryResource(RecordResource):
    """A resource with partial-date columns: an unreadable date is one error, on its column."""

    class Meta(RecordResource.Meta):
        abstract = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as exc:
            errors = exc.update_error_dict({})
            for field in self.fields.values():
                if isinstance(field, PartialDateColumn) and field.attribute in errors:
                    errors.pop(field.precision_attribute, None)
            raise ValidationError(errors) from None


class DecisionWidget(widgets.Widget):
    """A decision written as its number and date, '794/QĐ-UBND ngày 13/12/2018', or the number
    alone when only one decision has it."""

    def clean(self, value, row=None, **kwargs):
        from ..vocabulary import parse_date

        text = str(value or "").strip()
        if not text:
            return None
        number, _sep, date_text = text.partition(" ngày ")
        queryset = Decision.objects.filter(number=number.strip()).filter(citable_q(Decision, kwargs.get("user")))
        if date_text:
            queryset = queryset.filter(date=parse_date(date_text.strip()))
        matches = list(queryset[:2])
        if not matches:
            raise ValueError(_("No decision “%(value)s” is recorded; add it to the decisions first.") % {"value": text})
        if len(matches) > 1:
            raise ValueError(_("Several decisions are numbered “%(value)s”; add “ngày dd/mm/yyyy”.") % {"value": text})
        return matches[0]

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


def decision_field():
    return fields.Field("decision", "decision", widget=DecisionWidget())


def unit_field():
    return fields.Field("organisation", "organisation_code", widget=CodeWidget(Organisation))


def dated_fields():
    return PartialDateColumn("start", "start"), PartialDateColumn("end", "end")


class EventResource(HistoryResource):
    code = text_field("code", "code")
    organisation = unit_field()
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(EventKind))
    date = PartialDateColumn("date", "date")
    decision = decision_field()
    summary = text_field("summary", "summary")
    predecessors = fields.Field("predecessors", "predecessor_codes", widget=CodesWidget(Organisation, reference=True))
    successors = fields.Field("successors", "successor_codes", widget=CodesWidget(Organisation, reference=True))
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = Event
        import_id_fields = ["code"]
        fields = [
            "code",
            "organisation",
            "kind",
            "date",
            "decision",
            "summary",
            "predecessors",
            "successors",
            "notes",
        ]

    def import_instance(self, instance, row, **kwargs):
        """Read the predecessor and successor codes before validation, so the history rules see
        them (django-import-export would only read them after saving)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for name in ("predecessors", "successors"):
            field = self.fields[name]
            if field.column_name not in row:
                continue
            try:
                setattr(instance, f"pending_{name}", field.clean(row, user=self.user))
            except ValueError as exc:
                errors[name] = ValidationError(str(exc))
                # The rules would only add noise about links that could not be read.
                instance.links_unreadable = True
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        for name in ("predecessors", "successors"):
            pending = getattr(instance, f"pending_{name}", None)
            if pending is not None:
                getattr(instance, name).set(pending)


class UnitNameResource(HistoryResource):
    organisation = unit_field()
    name = text_field("name", "name")
    start, end = dated_fields()
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = UnitName
        import_id_fields = ["organisation", "name", "start"]
        fields = ["organisation", "name", "start", "end", "notes"]


class UnitRelationResource(HistoryResource):
    organisation = unit_field()
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(RelationKind))
    authority = fields.Field("authority", "authority_code", widget=CodeWidget(Organisation, reference=True))
    start, end = dated_fields()
    decision = decision_field()
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = UnitRelation
        import_id_fields = ["organisation", "kind", "authority", "start"]
        fields = ["organisation", "kind", "authority", "start", "end", "decision", "notes"]


class RankRecordResource(HistoryResource):
    organisation = unit_field()
    start, end = dated_fields()
    hospital_rank = fields.Field("hospital_rank", "hospital_rank", widget=ChoiceWidget(HospitalRank))
    technical_level = fields.Field("technical_level", "technical_level", widget=ChoiceWidget(TechnicalLevel))
    planned_beds = fields.Field("planned_beds", "planned_beds", widget=VNIntegerWidget())
    decision = decision_field()
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = RankRecord
        import_id_fields = ["organisation", "start"]
        fields = [
            "organisation",
            "start",
            "end",
            "hospital_rank",
            "technical_level",
            "planned_beds",
            "decision",
            "notes",
        ]


class StructureSnapshotResource(HistoryResource):
    organisation = unit_field()
    start, end = dated_fields()
    directors = fields.Field("directors", "directors", widget=VNIntegerWidget())
    offices = fields.Field("offices", "offices", widget=VNIntegerWidget())
    departments = fields.Field("departments", "departments", widget=VNIntegerWidget())
    stations = fields.Field("stations", "stations", widget=VNIntegerWidget())
    staff = fields.Field("staff", "staff", widget=VNIntegerWidget())
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = StructureSnapshot
        import_id_fields = ["organisation", "start"]
        fields = ["organisation", "start", "end", "directors", "offices", "departments", "stations", "staff", "notes"]


class PositionResource(HistoryResource):
    person = fields.Field("person", "person_code", widget=CodeWidget(Person))
    organisation = unit_field()
    title = fields.Field("title", "title", widget=ChoiceWidget(PositionTitle))
    title_as_written = text_field("title_as_written", "title_as_written")
    start, end = dated_fields()
    notes = text_field("notes", "notes")

    class Meta(HistoryResource.Meta):
        model = Position
        import_id_fields = ["person", "organisation", "title", "start"]
        fields = ["person", "organisation", "title", "title_as_written", "start", "end", "notes"]


__all__ = [
    "EventResource",
    "PositionResource",
    "RankRecordResource",
    "StructureSnapshotResource",
    "UnitNameResource",
    "UnitRelationResource",
]
