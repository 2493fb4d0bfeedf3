"""One workbook, many sheets: a province loads the history of all its centres at once.

Sheets are read in dependency order (units before the events that name them) inside one
transaction: a single bad cell anywhere rolls everything back, and each problem names the
sheet, the row and the column. A preview does the same and rolls back (a later sheet can only
be checked against the records an earlier one makes); the confirm keeps it. One ImportRun
records the whole workbook, and every row written points to it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export.results import RowResult

from ..importing.columns import header_key
from ..importing.formats import ImportFileError, rows_to_dataset
from ..importing.opener import Workbook
from ..importing.resources import RecordResource, sha256_of
from ..models import ImportRun
from ..resources import DecisionResource, OrganisationResource, PersonResource
from .resources import (
    EventResource,
    PositionResource,
    RankRecordResource,
    StructureSnapshotResource,
    UnitNameResource,
    UnitRelationResource,
)

SHEET_ORDER = [
    ("organisations", OrganisationResource),
    ("decisions", DecisionResource),
    ("people", PersonResource),
    ("events", EventResource),
    ("names", UnitNameResource),
    ("relations", UnitRelationResource),
    ("ranks", RankRecordResource),
    ("structures", StructureSnapshotResource),
    ("positions", PositionResource),
]


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        return _("sheet %(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row or "-",
            "column": self.column or "-",
            "message": self.message,
        }


# What a preview lists of each sheet's records; the totals count them all.
CHANGES_SHOWN = 200


@dataclass
class WorkbookResult:
    problems: list
    totals: dict  # sheet → (new, updated, unchanged)
    committed: bool
    changes: dict = field(default_factory=dict)  # sheet → [(action, record)], new and changed ones
    import_run: ImportRun | None = None

    @property
    def overall(self) -> tuple[int, int, int]:
        """New, updated and unchanged records over every sheet."""
        return tuple(sum(counts[i] for counts in self.totals.values()) for i in range(3))


def run_workbook_import(data: bytes, user, file_name: str = "", dry_run: bool = False) -> WorkbookResult:
    """Checks the whole workbook and, unless `dry_run` or anything is wrong, writes it."""
    workbook = Workbook(data)
    names = workbook.sheet_names
    with ImportRun.track(
        user=user, target=_("history workbook"), file_name=file_name, file_sha256=sha256_of(data), dry_run=dry_run
    ) as run:
        result = WorkbookResult(problems=_unknown_sheets(names), totals={}, committed=False, import_run=run)
        if not result.problems:
            with transaction.atomic():
                _import_sheets(workbook, names, user, run, result)
                if not result.problems and not any(map(sum, result.totals.values())):
                    # Headers alone would read as a workbook imported.
                    result.problems.append(SheetProblem("", None, "", _("The file has a header row but no data rows.")))
                if result.problems or dry_run:
                    transaction.set_rollback(True)
        created, updated, unchanged = (0, 0, 0) if result.problems else result.overall
        run.tally(
            total=created + updated + unchanged,
            created=created,
            updated=updated,
            unchanged=unchanged,
            problems=result.problems,
        )
    result.committed = not (dry_run or result.problems)
    return result


def sheet_title(resource_class: type[RecordResource]) -> str:
    """A sheet's title in the user's language, as an export writes it: what its rows are
    ("Sự kiện", "Tên gọi"), within Excel's 31 characters."""
    return capfirst(str(resource_class._meta.model._meta.verbose_name_plural))[:31]


def sheet_code(name: str) -> str | None:
    """The code of the sheet a workbook names by its code or by its title in any language."""
    by_key = {code: code for code, _resource in SHEET_ORDER}
    for language, _language_name in settings.LANGUAGES:
        with translation.override(language):
            by_key |= {header_key(sheet_title(resource)): code for code, resource in SHEET_ORDER}
    return by_key.get(header_key(name))


def sheet_codes(names: list[str]) -> dict[str, str]:
    """{sheet code: the workbook's sheet} for each sheet the import reads."""
    return {code: name for name in names if (code := sheet_code(name)) is not None}


def _unknown_sheets(names: list[str]) -> list[SheetProblem]:
    known = ", ".join(sheet_title(resource) for _sheet, resource in SHEET_ORDER)
    problems = []
    first_of: dict[str, str] = {}
    for name in names:
        code = sheet_code(name)
        if code is None:
            problems.append(
                SheetProblem(name, None, "", _("This sheet is not one of: %(sheets)s.") % {"sheets": known})
            )
        elif code in first_of:
            problems.append(
                SheetProblem(name, None, "", _("The same sheet as “%(first)s”; keep one.") % {"first": first_of[code]})
            )
        else:
            first_of[code] = name
    return problems


def _import_sheets(workbook: Workbook, names: list[str], user, run: ImportRun, result: WorkbookResult) -> None:
    """Each sheet through its own resource, as part of the workbook's run and transaction."""
    present = sheet_codes(names)
    for code, resource_class in SHEET_ORDER:
        if code not in present:
            continue
        sheet = present[code]
        try:
            dataset = rows_to_dataset(workbook.rows(sheet), header_only_allowed=True)
        except ImportFileError as exc:
            result.problems.append(SheetProblem(sheet, None, "", str(exc)))
            return
        sheet_result = resource_class().import_data(dataset, dry_run=False, user=user, import_run=run)
        if sheet_result.problems:
            result.problems += [SheetProblem(sheet, p.row, p.column, p.message) for p in sheet_result.problems]
            # Later sheets build on this one: checking them now would only repeat its errors.
            return
        t = sheet_result.totals
        result.totals[sheet] = (t.get("new", 0), t.get("update", 0), t.get("skip", 0))
        result.changes[sheet] = _changes(sheet_result)


def _changes(sheet_result) -> list[tuple[str, str]]:
    actions = {RowResult.IMPORT_TYPE_NEW: _("new"), RowResult.IMPORT_TYPE_UPDATE: _("changed")}
    changed = [(actions[row.import_type], row.object_repr) for row in sheet_result.rows if row.import_type in actions]
    return changed[:CHANGES_SHOWN]
