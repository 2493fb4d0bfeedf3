"""The one import/export pattern every app follows: subclass RecordResource.

What it adds to django-import-export's ModelResource:
- all or nothing: any bad row rolls the whole file back, preview or confirm;
- one header mapping (columns.py): a missing required column, an unknown column, a column
  given twice or a file with none of the resource's columns is refused before any row is read;
- a record given twice in one file (the same natural key, `natural_key`) is refused on its
  second row, naming the first;
- one ImportRun per upload, which the written rows point to;
- scoping: a row that would create or change a record outside the user's units is refused;
- problems listed as (spreadsheet row, column, message) for the preview page and the run;
- exports that a spreadsheet cannot execute (cells starting with = + - @ tab CR are quoted).
"""

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.results import Error, Result
from tablib import Dataset

from ..models import ImportRun
from ..scoping import record_visible
from ..spreadsheets import neutralise_formula
from .audit import mark_written_by
from .columns import header_key, map_columns, stray_cell_problem
from .concurrency import CONFLICTS, conflict_message, take_turn
from .formats import ImportFileError
from .problems import Problem
from .widgets import CodeTextWidget, TextWidget, VNDateWidget, VNDecimalWidget, VNIntegerWidget, YesNoWidget

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.utils.functional import _StrOrPromise as StrOrPromise

# A data row as django-import-export hands it to a resource: {column: cell}.
type Row = dict[str, Any]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verbose_heading(model: type[models.Model], path: list[str]) -> str | None:
    """A column's heading from the model fields its attribute path walks: the field itself
    ("Ngày ký"), or the last relation and the field read through it ("Trạm được giám sát (mã)"
    for `visit__station__code`); None when the path names no model field."""
    names: list[str] = []
    current: Any = model
    for part in path:
        try:
            model_field = current._meta.get_field(part)
        except (FieldDoesNotExist, AttributeError):
            return None
        names.append(str(getattr(model_field, "verbose_name", part)))
        current = model_field.related_model
        if current is None:
            break
    if not names:
        return None
    return capfirst(names[0]) if len(names) == 1 else f"{capfirst(names[-2])} ({names[-1]})"


def attribute_path(field: fields.Field) -> list[str]:
    """The model fields a resource column reads: its attribute, then the field its widget
    finds a related record by (`station` given by its `code`)."""
    path = (field.attribute or "").split("__")
    widget_field = getattr(field.widget, "field", None)
    if getattr(field.widget, "model", None) is not None and isinstance(widget_field, str):
        path += widget_field.split("__")
    return path


def text_field(attribute: str, column: str | None = None) -> fields.Field:
    """A text column; an empty cell is stored as an empty text, as the admin form would. A
    record's own code (`code`) is read as a code: no invisible characters."""
    widget = CodeTextWidget() if attribute == "code" else TextWidget()
    return fields.Field(attribute, column or attribute, widget=widget)


class RecordResource(resources.ModelResource):
    class Meta:
        abstract = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    # Columns a resource does not declare are read through the vocabulary too.
    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "CharField": TextWidget,
        "TextField": TextWidget,
        "DecimalField": VNDecimalWidget,
        "DateField": VNDateWidget,
        "BooleanField": YesNoWidget,
        **dict.fromkeys(
            (
                "IntegerField",
                "PositiveIntegerField",
                "BigIntegerField",
                "PositiveBigIntegerField",
                "PositiveSmallIntegerField",
                "SmallIntegerField",
            ),
            VNIntegerWidget,
        ),
    }

    # Columns named otherwise than by the model field their attribute reads: the attribute path
    # to name them by, or their heading.
    heading_paths: ClassVar[dict[str, str]] = {}
    headings: ClassVar[dict[str, "StrOrPromise"]] = {}

    import_run: ImportRun | None = None
    user: "User | None" = None
    # Set for each import: its file, its warnings (row, attribute, message) and the row each
    # natural key was first given in.
    dataset: Dataset
    found_warnings: list[tuple[int, str, object]]
    first_row_of_key: dict[tuple[str, ...], int]
    written_headings: dict[str, str]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.written_headings = {}
        self._bind_widgets_to_columns()

    def _bind_widgets_to_columns(self) -> None:
        """Each widget that reads for a column learns its model field's digits, range or
        length, so a value the column cannot hold is refused in the preview, not at the write."""
        for field in self.fields.values():
            bind = getattr(field.widget, "bind", None)
            if bind is None or not field.attribute or "__" in field.attribute:
                continue
            try:
                model_field = self._meta.model._meta.get_field(field.attribute)
            except FieldDoesNotExist:
                continue
            bind(model_field)

    def import_data(
        self,
        dataset: Dataset,
        dry_run: bool = False,
        raise_errors: bool = False,
        use_transactions: bool | None = None,
        **kwargs: Any,
    ) -> Result:
        """One upload, in its own ImportRun (ImportRun.track); or, given `import_run`, one part of
        a larger upload (a workbook's sheet) whose run the caller tracks."""
        self.user = kwargs.get("user")
        file_sha256 = kwargs.pop("file_sha256", "")
        part_of = kwargs.pop("import_run", None)
        if part_of is not None:
            self.import_run = part_of
            return self._import_in_turn(dataset, dry_run, raise_errors, use_transactions, **kwargs)
        target = self._meta.model._meta.verbose_name_plural
        file_name = kwargs.get("file_name") or ""
        with ImportRun.track(
            user=self.user, target=target, file_name=file_name, file_sha256=file_sha256, dry_run=dry_run
        ) as run:
            self.import_run = run
            result = self._import_in_turn(dataset, dry_run, raise_errors, use_transactions, **kwargs)
            self._finish_run(run, result)
        return result

    def _import_in_turn(
        self, dataset: Dataset, dry_run: bool, raise_errors: bool, use_transactions: bool | None, **kwargs: Any
    ) -> Result:
        """The import in one transaction, once no other import into this model is running
        (concurrency.take_turn); whatever fails after the rows are written rolls back with them."""
        try:
            with transaction.atomic():
                take_turn(self._meta.model._meta.label)
                return self._import(dataset, dry_run, raise_errors, use_transactions, **kwargs)
        except CONFLICTS:
            result = self._refused(dataset, [Problem(None, "", conflict_message())])
            result.warnings, result.import_run = [], self.import_run
            return result

    def _import(
        self, dataset: Dataset, dry_run: bool, raise_errors: bool, use_transactions: bool | None, **kwargs: Any
    ) -> Result:
        self.found_warnings = []
        header_problems = self.map_header(dataset)
        if header_problems:
            result = self._refused(dataset, header_problems)
        else:
            self.dataset, self.first_row_of_key = dataset, {}
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
        return result

    def heading(self, field: fields.Field) -> str:
        """The column's heading in an export, in the user's language: its model field's verbose
        name ("Mã trạm" for `station_code`, read through the relation's code). An import reads
        a column by this heading in any language or by its code (`column_name`)."""
        labels = self._headings()
        return labels.get(field.column_name, field.column_name)

    def _headings(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for field in self.fields.values():
            column = field.column_name
            if column in self.headings:
                label: str | None = capfirst(str(self.headings[column]))
            elif column in self.heading_paths:
                label = verbose_heading(self._meta.model, self.heading_paths[column].split("__"))
            else:
                label = verbose_heading(self._meta.model, attribute_path(field))
            if label and label.casefold() not in {seen.casefold() for seen in found.values()}:
                found[field.column_name] = label
        return found

    def heading_aliases(self) -> dict[str, str]:
        """{heading in every language: column code}, so a file exported in Vietnamese (or
        English) is imported back as it is."""
        aliases: dict[str, str] = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                aliases |= {label: column for column, label in self._headings().items()}
        return aliases

    def get_export_headers(self, selected_fields: Any = None) -> list[str]:
        return [self.heading(field) for field in self.get_export_fields(selected_fields) if field]

    def identifying_columns(self) -> list[str]:
        """The columns that identify a record (the resource's import id fields)."""
        return [self.fields[name].column_name for name in self.get_import_id_fields() if name in self.fields]

    def required_columns(self) -> list[str]:
        """The columns a file must have: by default those that identify a record."""
        return self.identifying_columns()

    def map_header(self, dataset: Dataset) -> list[Problem]:
        """The header's problems; a header written in another case or with spaces is renamed
        to the resource's own column names, which the rows are then read by."""
        known = [field.column_name for field in self.get_import_fields()]
        positions, problems = map_columns(
            dataset.headers or [], known, required=self.required_columns(), aliases=self.heading_aliases()
        )
        problems += [stray_cell_problem(line, index) for line, index in getattr(dataset, "stray_cells", ())]
        # A problem names a column as the file heads it ("Đơn vị cấp trên (mã)"), not by the
        # code it is read by once the header is renamed.
        self.written_headings = {name: str(dataset.headers[index]).strip() for name, index in positions.items()}
        if not problems:
            headers = list(dataset.headers)
            for name, index in positions.items():
                headers[index] = name
            dataset.headers = headers
        return problems

    def _refused(self, dataset: Dataset, problems: list[Problem]) -> Result:
        """The result of a file refused as a whole: nothing of it was read."""
        result = self.get_result_class()()
        result.total_rows = len(dataset)
        result.append_base_error(Error(ImportFileError(problems[0].message)))
        result.problems = problems
        return result

    def natural_key(self, row: Row) -> tuple[str, ...] | None:
        """What identifies the row's record, as compared within one file (trimmed, NFC,
        case-insensitive); None for a row that names no record (a code left to be made)."""
        columns = self.identifying_columns()
        key = tuple(header_key(row.get(column)) for column in columns)
        return key if any(key) else None

    def before_import_row(self, row: Row, **kwargs: Any) -> None:
        key = self.natural_key(row)
        if key is None:
            return
        number: int = kwargs["row_number"]  # django-import-export numbers every row it reads
        first = self.first_row_of_key.setdefault(key, number)
        if first != number:
            column = (self.identifying_columns() or [NON_FIELD_ERRORS])[0]
            raise ValidationError(
                {
                    column: _("The same record is already given in row %(row)s; give each record once.")
                    % {"row": self.spreadsheet_row(self.dataset, first)}
                }
            )

    def _finish_run(self, run: ImportRun, result: Result) -> None:
        totals = result.totals
        run.tally(
            total=result.total_rows,
            created=totals.get("new", 0),
            updated=totals.get("update", 0),
            unchanged=totals.get("skip", 0),
            deleted=totals.get("delete", 0),
            problems=result.problems,
        )

    def column_of(self, attribute: str) -> str:
        """The column of a field's problem, as the file heads it (or as an export would)."""
        for field in self.get_import_fields():
            if field.attribute == attribute or field.column_name == attribute:
                return self.written_headings.get(field.column_name) or self.heading(field)
        return "" if attribute == NON_FIELD_ERRORS else attribute

    def warn(self, row_number: int, attribute: str, message: object) -> None:
        """Note something an officer should read before confirming; it does not stop the import."""
        self.found_warnings.append((row_number, attribute, message))

    @staticmethod
    def spreadsheet_row(dataset: Dataset, number: int) -> int:
        """The row Excel shows for import-export's data row `number` (counted from 1)."""
        lines = getattr(dataset, "source_lines", None)
        # Without blank rows dropped, the spreadsheet's header row is the only offset.
        return lines[number - 1] if lines and 0 < number <= len(lines) else number + 1

    def problems(self, result: Result, dataset: Dataset) -> list[Problem]:
        """Every problem of the import, each with its spreadsheet row and column."""

        def line(number: int) -> int:
            return self.spreadsheet_row(dataset, number)

        found = [Problem(None, "", str(error.error)) for error in result.base_errors]
        for number, errors in result.row_errors():
            for error in errors:
                found.append(Problem(line(number), "", self._unexpected(error.error)))
        for invalid in result.invalid_rows:
            for attribute, messages in invalid.error_dict.items():
                for message in messages:
                    found.append(Problem(line(invalid.number), self.column_of(attribute), str(message)))
        # A cell read twice (a partial date fills two fields) reports its problem once.
        return list(dict.fromkeys(found))

    @staticmethod
    def _unexpected(error: Exception) -> str:
        # The database refusing a row that passed every check means someone wrote it meanwhile.
        if isinstance(error, CONFLICTS):
            return conflict_message()
        return _("unexpected error: %(error)s") % {"error": error}

    def get_instance(self, instance_loader: Any, row: Row) -> models.Model | None:
        # A bad code in an identifying column would otherwise stop the row as an "unexpected
        # error" without a column; as a new row, the column's own cleaning names it.
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    def import_instance(self, instance: models.Model, row: Row, **kwargs: Any) -> None:
        if instance.pk and self.user is not None and not record_visible(instance, self.user):
            # Worded as a taken code, not as "another unit's record": an outsider learns no
            # more than the uniqueness of codes already tells.
            raise ValidationError(_("This code is already in use; choose another code."))
        super().import_instance(instance, row, **kwargs)

    def validate_instance(
        self,
        instance: Any,
        import_validation_errors: dict[str, Any] | None = None,
        validate_unique: bool = True,
    ) -> None:
        unreadable = {key: list(value) for key, value in (import_validation_errors or {}).items()}
        errors: dict[str, list[Any]] = {}
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

    def before_save_instance(self, instance: Any, row: Row, **kwargs: Any) -> None:
        if self.import_run is not None and hasattr(instance, "import_run_id"):
            instance.import_run = self.import_run
            # The history row names the import, its user and its time, so that the import can be undone.
            mark_written_by(instance, self.import_run)

    def export_field(self, field: fields.Field, instance: models.Model, **kwargs: Any) -> object:
        return neutralise_formula(super().export_field(field, instance, **kwargs))


__all__ = ["ImportFileError", "Problem", "RecordResource", "sha256_of", "text_field"]
