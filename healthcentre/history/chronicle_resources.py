"""Spreadsheet columns for a unit's chronicle (entries and the people and units involved) and
its facilities and capabilities. Dates are written as in the history sheets ("2011", "5/2020")."""

from import_export import fields

from ..importing.resources import RecordResource, text_field
from ..importing.widgets import ChoiceWidget, CodeWidget, VNDecimalWidget, VNIntegerWidget, YesNoWidget
from ..models import (
    ChronicleEntry,
    ChronicleKind,
    ChronicleParticipant,
    Facility,
    FacilityKind,
    Organisation,
    ParticipantRole,
    Person,
)
from .resources import dated_fields, decision_field, unit_field


class ChronicleEntryResource(RecordResource):
    code = text_field("code", "code")
    organisation = unit_field()
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(ChronicleKind))
    start, end = dated_fields()
    title = text_field("title", "title")
    description = text_field("description", "description")
    decision = decision_field()
    document = text_field("document", "document")
    source = text_field("source", "source")
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = ChronicleEntry
        import_id_fields = ["code"]
        fields = [
            "code",
            "organisation",
            "kind",
            "start",
            "end",
            "title",
            "description",
            "decision",
            "document",
            "source",
            "notes",
        ]


class ChronicleParticipantResource(RecordResource):
    entry = fields.Field("entry", "entry_code", widget=CodeWidget(ChronicleEntry))
    role = fields.Field("role", "role", widget=ChoiceWidget(ParticipantRole))
    person = fields.Field("person", "person_code", widget=CodeWidget(Person))
    organisation = fields.Field("organisation", "organisation_code", widget=CodeWidget(Organisation, reference=True))
    name_as_written = text_field("name_as_written", "name_as_written")
    position_at_the_time = text_field("position_at_the_time", "position_at_the_time")

    class Meta(RecordResource.Meta):
        model = ChronicleParticipant
        import_id_fields = ["entry", "role", "person", "organisation", "name_as_written"]
        fields = ["entry", "role", "person", "organisation", "name_as_written", "position_at_the_time"]


class FacilityResource(RecordResource):
    code = text_field("code", "code")
    organisation = unit_field()
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(FacilityKind))
    name = text_field("name", "name")
    start, end = dated_fields()
    quantity = fields.Field("quantity", "quantity", widget=VNIntegerWidget())
    quantity_is_lower_bound = fields.Field("quantity_is_lower_bound", "quantity_is_lower_bound", widget=YesNoWidget())
    floors = fields.Field("floors", "floors", widget=VNIntegerWidget())
    floor_area_m2 = fields.Field("floor_area_m2", "floor_area_m2", widget=VNDecimalWidget())
    beds = fields.Field("beds", "beds", widget=VNIntegerWidget())
    description = text_field("description", "description")
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = Facility
        import_id_fields = ["code"]
        fields = [
            "code",
            "organisation",
            "kind",
            "name",
            "start",
            "end",
            "quantity",
            "quantity_is_lower_bound",
            "floors",
            "floor_area_m2",
            "beds",
            "description",
            "notes",
        ]
