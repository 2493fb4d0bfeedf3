"""Spreadsheet columns for organisations, people and decisions (codes, never database ids)."""

from import_export import fields

from .importing.resources import RecordResource, text_field
from .importing.widgets import ChoiceWidget, CodeWidget, VNDateWidget
from .models import (
    Commune,
    Decision,
    HonourTitle,
    LegacyCommune,
    LegacyDistrict,
    Organisation,
    OrganisationKind,
    Person,
    Province,
)


class OrganisationResource(RecordResource):
    code = text_field("code", "code")
    name = text_field("name", "name")
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(OrganisationKind))
    parent = fields.Field("parent", "parent_code", widget=CodeWidget(Organisation))
    province = fields.Field("province", "province_code", widget=CodeWidget(Province, field="code"))
    commune = fields.Field("commune", "commune_code", widget=CodeWidget(Commune, field="code"))
    legacy_district = fields.Field(
        "legacy_district", "legacy_district_code", widget=CodeWidget(LegacyDistrict, field="code")
    )
    legacy_commune = fields.Field(
        "legacy_commune", "legacy_commune_code", widget=CodeWidget(LegacyCommune, field="code")
    )
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = Organisation
        import_id_fields = ["code"]
        fields = ["code", "name", "kind", "parent", "province", "commune", "legacy_district", "legacy_commune", "notes"]


class PersonResource(RecordResource):
    code = text_field("code", "code")
    full_name = text_field("full_name", "full_name")
    degrees = text_field("degrees", "degrees")
    honour_title = fields.Field("honour_title", "honour_title", widget=ChoiceWidget(HonourTitle))
    organisation = fields.Field("organisation", "organisation_code", widget=CodeWidget(Organisation))
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = Person
        import_id_fields = ["code"]
        fields = ["code", "full_name", "degrees", "honour_title", "organisation", "notes"]

    def required_columns(self) -> list[str]:
        # A person's code may be left out: it is made from the name (Person.save).
        return ["full_name"]


class DecisionResource(RecordResource):
    number = text_field("number", "number")
    date = fields.Field("date", "date", widget=VNDateWidget())
    issuer = fields.Field("issuer", "issuer_code", widget=CodeWidget(Organisation, reference=True))
    title = text_field("title", "title")
    filed_by = fields.Field("filed_by", "filed_by_code", widget=CodeWidget(Organisation))

    class Meta(RecordResource.Meta):
        model = Decision
        import_id_fields = ["issuer", "number", "date"]
        fields = ["number", "date", "issuer", "title", "filed_by"]


__all__ = ["DecisionResource", "OrganisationResource", "PersonResource"]
