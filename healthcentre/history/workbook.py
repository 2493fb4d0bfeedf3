"""One workbook, many sheets: a province loads the history of all its centres at once.

Sheets are read in dependency order (units before the events that name them) inside one
transaction: a single bad cell anywhere rolls everything back, and each problem names the
sheet, the row and the column.
"""

import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from ..importing.formats import ImportFileError, check_size, check_zip_container, read_xlsx_rows, rows_to_dataset
from ..importing.resources import sha256_of
from ..models import ImportRun
from ..resources import DecisionResource, OrganisationResource, PersonResource
from ..resources_history import (
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


@dataclass
class WorkbookResult:
    problems: list
    totals: dict  # sheet → (new, updated, unchanged)
    committed: bool


def sheet_names(data: bytes) -> list[str]:
    check_size(data)
    check_zip_container(data)
    try:
        return list(CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names)
    except Exception:
        raise ImportFileError(_("The Excel file is damaged or not a spreadsheet and could not be read.")) from None


def run_workbook_import(data: bytes, user, file_name: str = "", dry_run: bool = False) -> WorkbookResult:
    names = sheet_names(data)
    known = dict(SHEET_ORDER)
    problems = [
        SheetProblem(name, None, "", _("This sheet is not one of: %(sheets)s.") % {"sheets": ", ".join(known)})
        for name in names
        if name not in known
    ]
    totals = {}
    if problems:
        return _rejected(problems, totals, user, file_name, data)
    with transaction.atomic():
        for sheet, resource_class in SHEET_ORDER:
            if sheet not in names:
                continue
            try:
                dataset = rows_to_dataset(read_xlsx_rows(data, sheet))
            except ImportFileError as exc:
                problems.append(SheetProblem(sheet, None, "", str(exc)))
                break
            result = resource_class().import_data(
                dataset, dry_run=False, user=user, file_name=f"{file_name} [{sheet}]", file_sha256=sha256_of(data)
            )
            if result.problems:
                problems += [SheetProblem(sheet, p.row, p.column, p.message) for p in result.problems]
                # Later sheets build on this one: checking them now would only repeat its errors.
                break
            t = result.totals
            totals[sheet] = (t.get("new", 0), t.get("update", 0), t.get("skip", 0))
        if problems or dry_run:
            transaction.set_rollback(True)
    if problems:
        return _rejected(problems, totals, user, file_name, data)
    return WorkbookResult(problems=[], totals=totals, committed=not dry_run)


def _rejected(problems, totals, user, file_name, data) -> WorkbookResult:
    # The per-sheet runs were rolled back with the rows; keep one record of the refusal.
    ImportRun.objects.create(
        user=user if getattr(user, "pk", None) else None,
        target=_("history workbook"),
        file_name=file_name[:255],
        file_sha256=sha256_of(data),
        status=ImportRun.Status.REJECTED,
        error_count=len(problems),
        errors="\n".join(str(p) for p in problems)[:20000],
    )
    return WorkbookResult(problems=problems, totals=totals, committed=False)
