"""Spreadsheet columns for supervision records (codes, never database ids)."""

from import_export import fields

from healthcentre.importing.resources import RecordResource, text_field
from healthcentre.importing.widgets import (
    ChoiceWidget,
    CodesWidget,
    CodeWidget,
    VNDateWidget,
    VNDecimalWidget,
    VNIntegerWidget,
)
from healthcentre.models import Decision, Organisation, Person

from .models import (
    ActionItem,
    ActionStatus,
    AreaSource,
    ContentArea,
    Finding,
    SupervisionRound,
    TeamMember,
    TeamRole,
    Visit,
    VisitKind,
)
from .rules import outside_area_message, station_outside_served_area
from .widgets import FindingWidget, VisitWidget


class DecisionNumberWidget(CodeWidget):
    """A decision named by its number as printed, e.g. 123/QĐ-TTYT."""

    def __init__(self, **kwargs):
        super().__init__(Decision, field="number", **kwargs)


class ContentAreaResource(RecordResource):
    code = text_field("code", "code")
    name = text_field("name", "name")
    source = fields.Field("source", "source", widget=ChoiceWidget(AreaSource))
    max_points = fields.Field("max_points", "max_points", widget=VNIntegerWidget())
    position = fields.Field("position", "position", widget=VNIntegerWidget())
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = ContentArea
        import_id_fields = ["code"]
        fields = ["code", "name", "source", "max_points", "position", "notes"]


class SupervisionRoundResource(RecordResource):
    code = text_field("code", "code")
    title = text_field("title", "title")
    supervising_unit = fields.Field("supervising_unit", "supervising_unit_code", widget=CodeWidget(Organisation))
    decision = fields.Field("decision", "decision_number", widget=DecisionNumberWidget())
    start_date = fields.Field("start_date", "start_date", widget=VNDateWidget())
    end_date = fields.Field("end_date", "end_date", widget=VNDateWidget())
    content_areas = fields.Field("content_areas", "content_area_codes", widget=CodesWidget(ContentArea))
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = SupervisionRound
        import_id_fields = ["code"]
        fields = ["code", "title", "supervising_unit", "decision", "start_date", "end_date", "content_areas", "notes"]


class TeamMemberResource(RecordResource):
    round = fields.Field("round", "round_code", widget=CodeWidget(SupervisionRound))
    person = fields.Field("person", "person_code", widget=CodeWidget(Person))
    role = fields.Field("role", "role", widget=ChoiceWidget(TeamRole))
    position = text_field("position", "position")

    class Meta(RecordResource.Meta):
        model = TeamMember
        import_id_fields = ["round", "person"]
        fields = ["round", "person", "role", "position"]


class VisitResource(RecordResource):
    round = fields.Field("round", "round_code", widget=CodeWidget(SupervisionRound))
    # A centre may support a station outside its own units (the admin warns), so any unit of
    # the province may be named.
    station = fields.Field("station", "station_code", widget=CodeWidget(Organisation, reference=True))
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(VisitKind))
    date = fields.Field("date", "date", widget=VNDateWidget())
    people_met = text_field("people_met", "people_met")
    people_met_persons = fields.Field("people_met_persons", "people_met_codes", widget=CodesWidget(Person))
    next_visit_due = fields.Field("next_visit_due", "next_visit_due", widget=VNDateWidget())
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = Visit
        import_id_fields = ["round", "station"]
        fields = ["round", "station", "kind", "date", "people_met", "people_met_persons", "next_visit_due", "notes"]

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if station_outside_served_area(instance):
            self.warn(kwargs.get("row_number"), "station", outside_area_message(instance))


class FindingResource(RecordResource):
    visit = fields.Field("visit", "round_code", widget=VisitWidget())
    station_code = fields.Field("visit__station__code", "station_code", readonly=True)
    heading_paths = {"round_code": "visit__round__code"}
    area = fields.Field("area", "area_code", widget=CodeWidget(ContentArea))
    findings = text_field("findings", "findings")
    score = fields.Field("score", "score", widget=VNDecimalWidget())
    recommendations = text_field("recommendations", "recommendations")

    class Meta(RecordResource.Meta):
        model = Finding
        import_id_fields = ["visit", "area"]
        fields = ["visit", "station_code", "area", "findings", "score", "recommendations"]


class ActionItemResource(RecordResource):
    visit = fields.Field("visit", "round_code", widget=VisitWidget())
    station_code = fields.Field("visit__station__code", "station_code", readonly=True)
    heading_paths = {"round_code": "visit__round__code"}
    number = fields.Field("number", "number", widget=VNIntegerWidget())
    finding = fields.Field("finding", "finding_area_code", widget=FindingWidget())
    description = text_field("description", "description")
    responsible_unit = fields.Field(
        "responsible_unit", "responsible_unit_code", widget=CodeWidget(Organisation, reference=True)
    )
    due_date = fields.Field("due_date", "due_date", widget=VNDateWidget())
    status = fields.Field("status", "status", widget=ChoiceWidget(ActionStatus))
    closed_date = fields.Field("closed_date", "closed_date", widget=VNDateWidget())
    closing_note = text_field("closing_note", "closing_note")

    class Meta(RecordResource.Meta):
        model = ActionItem
        import_id_fields = ["visit", "number"]
        fields = [
            "visit",
            "station_code",
            "number",
            "finding",
            "description",
            "responsible_unit",
            "due_date",
            "status",
            "closed_date",
            "closing_note",
        ]


__all__ = [
    "ActionItemResource",
    "ContentAreaResource",
    "FindingResource",
    "SupervisionRoundResource",
    "TeamMemberResource",
    "VisitResource",
]
