"""The one import/export pattern every app follows: subclass RecordResource.

What it adds to django-import-export's ModelResource:
- all or nothing: any bad row rolls the whole file back, preview or confirm;
- one ImportRun per upload, which the written rows point to;
- scoping: a row that would create or change a record outside the user's units is refused;
- problems listed as (spreadsheet row, column, message) for the preview page and the run;
- exports that a spreadsheet cannot execute (cells starting with = + - @ tab CR are quoted).
"""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from ..models import ImportRun
from ..scoping import record_visible
from ..spreadsheets import neutralise_formula
from .formats import ImportFileError


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row else _("file")
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_field(attribute: str, column: str | None = None) -> fields.Field:
    """A text column; an empty cell is stored as an empty text, as the admin form would."""
    return fields.Field(attribute, column or attribute, widget=widgets.CharWidget(allow_blank=True))


class RecordResource(resources.ModelResource):
    class Meta:
        abstract = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    import_run: ImportRun | None = None
    user = None

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        self.user = kwargs.get("user")
        self.found_warnings = []
        self.import_run = ImportRun.objects.create(
            user=self.user if getattr(self.user, "pk", None) else None,
            target=str(self._meta.model._meta.verbose_name_plural),
            file_name=(kwargs.get("file_name") or "")[:255],
            file_sha256=kwargs.pop("file_sha256", ""),
            dry_run=dry_run,
        )
        # All or nothing: without this, rows failing validation are skipped and the rest written.
        kwargs["rollback_on_validation_errors"] = True
        result = super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=use_transactions, **kwargs
        )
        result.problems = self.problems(result, dataset)
        # Warnings only matter for a file that would be written; a rejected file lists its errors.
        result.warnings = (
            []
            if result.problems
            else [
                Problem(self.spreadsheet_row(dataset, number), self.column_of(attribute), str(message))
                for number, attribute, message in self.found_warnings
            ]
        )
        result.import_run = self.import_run
        self._finish_run(result, dry_run)
        return result

    def _finish_run(self, result, dry_run: bool) -> None:
        run = self.import_run
        totals = result.totals
        run.rows_total = result.total_rows
        run.rows_created = totals.get("new", 0)
        run.rows_updated = totals.get("update", 0)
        run.rows_unchanged = totals.get("skip", 0)
        run.rows_deleted = totals.get("delete", 0)
        run.error_count = len(result.problems)
        run.errors = "\n".join(str(p) for p in result.problems)[:20000]
        if result.problems:
            run.status = ImportRun.Status.REJECTED
        elif dry_run:
            run.status = ImportRun.Status.PREVIEWED
        else:
            run.status = ImportRun.Status.COMMITTED
        run.save()

    def column_of(self, attribute: str) -> str:
        for field in self.get_import_fields():
            if field.attribute == attribute or field.column_name == attribute:
                return field.column_name
        return "" if attribute == NON_FIELD_ERRORS else attribute

    def warn(self, row_number: int, attribute: str, message) -> None:
        """Note something an officer should read before confirming; it does not stop the import."""
        self.found_warnings.append((row_number, attribute, message))

    @staticmethod
    def spreadsheet_row(dataset, number: int) -> int:
        """The row Excel shows for import-export's data row `number` (counted from 1)."""
        lines = getattr(dataset, "source_lines", None)
        # Without blank rows dropped, the spreadsheet's header row is the only offset.
        return lines[number - 1] if lines and 0 < number <= len(lines) else number + 1

    def problems(self, result, dataset) -> list[Problem]:
        """Every problem of the import, each with its spreadsheet row and column."""

        def line(number):
            return self.spreadsheet_row(dataset, number)

        found = [Problem(None, "", str(error.error)) for error in result.base_errors]
        for number, errors in result.row_errors():
            for error in errors:
                found.append(Problem(line(number), "", _("unexpected error: %(error)s") % {"error": error.error}))
        for invalid in result.invalid_rows:
            for attribute, messages in invalid.error_dict.items():
                for message in messages:
                    found.append(Problem(line(invalid.number), self.column_of(attribute), str(message)))
        # A cell read twice (a partial date fills two fields) reports its problem once.
        return list(dict.fromkeys(found))

    def get_instance(self, instance_loader, row):
        # A bad code in an identifying column would otherwise stop the row as an "unexpected
        # error" without a column; as a new row, the column's own cleaning names it.
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    def import_instance(self, instance, row, **kwargs):
        if instance.pk and self.user is not None and not record_visible(instance, self.user):
            # Worded as a taken code, not as "another unit's record": an outsider learns no
            # more than the uniqueness of codes already tells.
            raise ValidationError(_("This code is already in use; choose another code."))
        super().import_instance(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        unreadable = {key: list(value) for key, value in (import_validation_errors or {}).items()}
        errors = {}
        try:
            # A copy: the base class extends the lists it is given in place.
            super().validate_instance(
                instance, {key: list(value) for key, value in unreadable.items()}, validate_unique
            )
        except ValidationError as exc:
            errors = exc.update_error_dict({})
        # A cell that could not be read explains itself; what the model then says of the field
        # left empty ("a date is needed") would only repeat it.
        errors.update(unreadable)
        if self.user is not None and not errors and not record_visible(instance, self.user):
            attribute = instance.scope_paths[0].split("__")[0] or NON_FIELD_ERRORS
            errors[attribute] = [_("You may only import records of your own units.")]
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        if self.import_run is not None and hasattr(instance, "import_run_id"):
            instance.import_run = self.import_run

    def export_field(self, field, instance, **kwargs):
        return neutralise_formula(super().export_field(field, instance, **kwargs))


__all__ = ["ImportFileError", "Problem", "RecordResource", "sha256_of", "text_field"]
