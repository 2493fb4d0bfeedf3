"""Spreadsheet columns for the award catalogue, decisions and award records.

A decision with 28 recipients is one upload of the records sheet: each row repeats the
decision's columns (number, date, issuer, occasion) and names one recipient — or gives a
number of recipients where the source names nobody. Rows of the same decision share one
AwardDecision, found or created from those columns.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from healthcentre.importing.columns import header_key
from healthcentre.importing.problems import Problem
from healthcentre.importing.resources import RecordResource, text_field
from healthcentre.importing.widgets import ChoiceWidget, CodeWidget, VNDecimalWidget, VNIntegerWidget, YesNoWidget
from healthcentre.models import Organisation, Person
from healthcentre.vocabulary import ParseError, clean_code, clean_text, format_partial_date, parse_partial_date

from . import rules
from .models import (
    AwardCategory,
    AwardDecision,
    AwardForm,
    AwardLevel,
    AwardRecord,
    AwardStatus,
    EligibleRecipients,
    RecipientKind,
)
from .periods import format_period, parse_period


def one_or_zero() -> YesNoWidget:
    """A yes/no column that the awards sheets have always written as 1 or 0."""
    return YesNoWidget(written=(1, 0))


class StatusWidget(ChoiceWidget):
    """An empty status is an award that was made: most sheets list decided awards."""

    def __init__(self, **kwargs):
        super().__init__(AwardStatus, **kwargs)

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs) or AwardStatus.APPROVED


class PartialDateField(fields.Field):
    """A date written as 2025, 2/2025 or 27/02/2025; stores the date and its precision."""

    def __init__(self, attribute, column_name, precision_attribute):
        self.precision_attribute = precision_attribute
        super().__init__(attribute=attribute, column_name=column_name)

    def parse(self, row):
        try:
            parsed = parse_partial_date(row.get(self.column_name))
        except ParseError as exc:
            raise ValueError(str(exc)) from None
        return parsed if parsed else (None, "")

    def clean(self, row, **kwargs):
        return self.parse(row)[0]

    def save(self, instance, row, is_m2m=False, **kwargs):
        date, precision = self.parse(row)
        setattr(instance, self.attribute, date)
        setattr(instance, self.precision_attribute, precision)

    def export(self, instance, **kwargs):
        return format_partial_date(getattr(instance, self.attribute), getattr(instance, self.precision_attribute))


class PeriodField(fields.Field):
    def clean(self, row, **kwargs):
        try:
            return parse_period(row.get(self.column_name))
        except ParseError as exc:
            raise ValueError(str(exc)) from None

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.period_start, instance.period_end = self.clean(row)

    def export(self, instance, **kwargs):
        return format_period(instance.period_start, instance.period_end)


class AwardFormResource(RecordResource):
    code = text_field("code", "code")
    name = text_field("name", "name")
    category = fields.Field("category", "category", widget=ChoiceWidget(AwardCategory))
    level = fields.Field("level", "level", widget=ChoiceWidget(AwardLevel))
    eligible_recipients = fields.Field(
        "eligible_recipients", "eligible_recipients", widget=ChoiceWidget(EligibleRecipients)
    )
    usual_authority = text_field("usual_authority", "usual_authority")
    reward_multiple = fields.Field("reward_multiple", "reward_multiple", widget=VNDecimalWidget())
    prerequisite = fields.Field("prerequisite", "prerequisite_code", widget=CodeWidget(AwardForm))
    prerequisite_times = fields.Field("prerequisite_times", "prerequisite_times", widget=VNIntegerWidget())
    prerequisite_consecutive = fields.Field(
        "prerequisite_consecutive", "prerequisite_consecutive", widget=one_or_zero()
    )
    cycle_years = fields.Field("cycle_years", "cycle_years", widget=VNIntegerWidget())
    legal_basis = text_field("legal_basis", "legal_basis")
    rank = fields.Field("rank", "rank", widget=VNIntegerWidget())

    class Meta(RecordResource.Meta):
        model = AwardForm
        import_id_fields = ["code"]
        fields = [
            "code",
            "name",
            "category",
            "level",
            "eligible_recipients",
            "usual_authority",
            "reward_multiple",
            "prerequisite",
            "prerequisite_times",
            "prerequisite_consecutive",
            "cycle_years",
            "legal_basis",
            "rank",
        ]


class AwardDecisionResource(RecordResource):
    number = text_field("number", "number")
    date = PartialDateField("date", "date", "date_precision")
    issuer = fields.Field("issuer", "issuer_code", widget=CodeWidget(Organisation, reference=True))
    presenter = fields.Field("presenter", "presenter_code", widget=CodeWidget(Organisation, reference=True))
    occasion = text_field("occasion", "occasion")
    filed_by = fields.Field("filed_by", "filed_by_code", widget=CodeWidget(Organisation))
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = AwardDecision
        import_id_fields = ["issuer", "number", "date", "occasion"]
        fields = ["number", "date", "issuer", "presenter", "occasion", "filed_by", "notes"]


DECISION_COLUMNS = ("decision_number", "decision_date", "issuer_code", "presenter_code", "occasion")


class AwardRecordResource(RecordResource):
    """One row per recipient; the decision's columns repeat on every row of that decision."""

    decision_number = fields.Field("decision__number", "decision_number", readonly=True)
    decision_date = fields.Field("decision", "decision_date", readonly=True)
    issuer_code = fields.Field("decision__issuer__code", "issuer_code", readonly=True)
    presenter_code = fields.Field("decision__presenter__code", "presenter_code", readonly=True)
    occasion = fields.Field("decision__occasion", "occasion", readonly=True)
    form = fields.Field("form", "form_code", widget=CodeWidget(AwardForm))
    status = fields.Field("status", "status", widget=StatusWidget())
    recipient_kind = fields.Field("recipient_kind", "recipient_kind", widget=ChoiceWidget(RecipientKind))
    recipient_unit = fields.Field("recipient_unit", "recipient_unit_code", widget=CodeWidget(Organisation))
    recipient_person = fields.Field("recipient_person", "recipient_person_code", widget=CodeWidget(Person))
    count = fields.Field("count", "count", widget=VNIntegerWidget())
    count_at_least = fields.Field("count_at_least", "count_at_least", widget=one_or_zero())
    organisation = fields.Field("organisation", "organisation_code", widget=CodeWidget(Organisation))
    achievement_period = PeriodField("period_start", "achievement_period")
    heading_paths = {"decision_date": "decision__date"}
    headings = {"achievement_period": gettext_lazy("achievement period (years)")}
    citation = text_field("citation", "citation")
    notes = text_field("notes", "notes")

    class Meta(RecordResource.Meta):
        model = AwardRecord
        # Rows are matched to stored records in get_instance (decision + form + recipient).
        import_id_fields: list[str] = []
        fields = [
            "decision_number",
            "decision_date",
            "issuer_code",
            "presenter_code",
            "occasion",
            "form",
            "status",
            "recipient_kind",
            "recipient_unit",
            "recipient_person",
            "count",
            "count_at_least",
            "organisation",
            "achievement_period",
            "citation",
            "notes",
        ]

    def dehydrate_decision_date(self, record):
        return record.decision.date_display if record.decision_id else ""

    # --- import ------------------------------------------------------------------------

    def _code(self, row, column, model, reference=False):
        value = row.get(column)
        if value is None or str(value).strip() == "":
            return None
        try:
            return CodeWidget(model, reference=reference).clean(value, row, user=self.user)
        except ValueError as exc:
            raise ValidationError({column: [str(exc)]}) from None

    @staticmethod
    def _read(row, column: str, clean) -> str:
        """A decision column as the vocabulary reads it, or the row's problem in that column."""
        try:
            return clean(row.get(column))
        except ParseError as exc:
            raise ValidationError({column: [str(exc)]}) from None

    def _row_unit(self, row):
        """The unit that will keep the row's record, which files the decision if it is new."""
        unit = self._code(row, "organisation_code", Organisation) or self._code(
            row, "recipient_unit_code", Organisation
        )
        if unit is None:
            person = self._code(row, "recipient_person_code", Person)
            unit = person.organisation if person else None
        return unit

    def decision_of_row(self, row):
        """The decision the row's decision columns name, created on first use; None if all are empty."""
        if all(str(row.get(c) or "").strip() == "" for c in DECISION_COLUMNS):
            return None
        issuer = self._code(row, "issuer_code", Organisation, reference=True)
        if issuer is None:
            raise ValidationError({"issuer_code": [_("Give the code of the body that issued the decision.")]})
        presenter = self._code(row, "presenter_code", Organisation, reference=True)
        try:
            parsed = parse_partial_date(row.get("decision_date"))
        except ParseError as exc:
            raise ValidationError({"decision_date": [str(exc)]}) from None
        date, precision = parsed if parsed else (None, "")
        number = self._read(row, "decision_number", lambda value: clean_text(clean_code(value)))
        occasion = " ".join(self._read(row, "occasion", clean_text).split())
        lookup = AwardDecision.objects.filter(issuer=issuer, number=number, date=date, date_precision=precision)
        decision = (lookup.filter(occasion=occasion) if not number else lookup).first()
        if decision is not None:
            return decision
        filed_by = self._row_unit(row)
        if filed_by is None:
            raise ValidationError({"recipient_unit_code": [_("Name the recipient, or the unit in organisation_code.")]})
        decision = AwardDecision(
            number=number,
            date=date,
            date_precision=precision,
            issuer=issuer,
            presenter=presenter,
            occasion=occasion,
            filed_by=filed_by,
            import_run=self.import_run,
        )
        try:
            decision.full_clean()
        except ValidationError as exc:
            columns = {"number": "decision_number", "date": "decision_date", "presenter": "presenter_code"}
            raise ValidationError({columns.get(k, "decision_number"): v for k, v in exc.message_dict.items()}) from None
        decision.save()
        return decision

    def required_columns(self) -> list[str]:
        return ["form_code"]

    def map_header(self, dataset) -> list[Problem]:
        """A file that names no recipient can only hold counted records, so it needs the count."""
        problems = super().map_header(dataset)
        headers = set(dataset.headers or ())
        if not problems and not headers & {"recipient_unit_code", "recipient_person_code"} and "count" not in headers:
            problems.append(Problem(None, "count", _("The column is missing: without recipients, give their number.")))
        return problems

    def natural_key(self, row) -> tuple | None:
        """The record get_instance would find: the decision (its occasion counts only when it
        has no number), the form and the recipient, or where none is named the kind and unit."""
        number = header_key(row.get("decision_number"))
        decision = (header_key(row.get("issuer_code")), number, header_key(row.get("decision_date")))
        occasion = "" if number else header_key(" ".join(str(row.get("occasion") or "").split()))
        person, unit = header_key(row.get("recipient_person_code")), header_key(row.get("recipient_unit_code"))
        recipient: tuple[str, ...]
        if person:
            recipient = ("person", person)
        elif unit:
            recipient = ("unit", unit)
        else:
            recipient = ("count", header_key(row.get("recipient_kind")), header_key(row.get("organisation_code")))
        return (*decision, occasion, header_key(row.get("form_code")), *recipient)

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        self.row_decision = self.decision_of_row(row)

    def get_instance(self, instance_loader, row):
        try:
            form = CodeWidget(AwardForm).clean(row.get("form_code"))
            person = self._code(row, "recipient_person_code", Person)
            unit = self._code(row, "recipient_unit_code", Organisation)
            kind = ChoiceWidget(RecipientKind).clean(row.get("recipient_kind"))
            organisation = self._code(row, "organisation_code", Organisation)
        except (ValueError, ValidationError):
            return None  # the same columns are read again as fields and reported there
        if form is None:
            return None
        match = AwardRecord.objects.filter(decision=self.row_decision, form=form)
        if person:
            match = match.filter(recipient_person=person)
        elif unit:
            match = match.filter(recipient_unit=unit)
        else:
            match = match.filter(
                recipient_person__isnull=True,
                recipient_unit__isnull=True,
                recipient_kind=kind,
                organisation=organisation,
            )
        return match.first()

    def import_instance(self, instance, row, **kwargs):
        instance.decision = self.row_decision
        super().import_instance(instance, row, **kwargs)
        instance.fill_derived()

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        for finding in rules.check(instance):
            self.warn(kwargs.get("row_number"), finding.field, finding.message)
