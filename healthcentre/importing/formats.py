"""The import and export formats of the admin's django-import-export pages. Files are opened
by `opener.py`, the one opener of every importer, with its limits and messages."""

from collections.abc import Iterable
from typing import Any

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from openpyxl import Workbook as OpenpyxlWorkbook

from ..spreadsheets import active_sheet, add_sheet, workbook_bytes
from .columns import stray_cells
from .opener import CsvFile, ImportFileError, Workbook, check_row_count

__all__ = ["ImportFileError", "SafeCSV", "SafeXLSX", "rows_to_cells", "rows_to_dataset"]


def _cell(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def rows_to_cells(rows: Iterable[Iterable[object]]) -> list[list[object]]:
    """Every row with its cells as Python values: None for an empty cell, 5 for 5.0."""
    return [[_cell(v) for v in row] for row in rows]


def rows_to_dataset(rows: Iterable[Iterable[object]], header_only_allowed: bool = False) -> tablib.Dataset:
    """A dataset from raw rows; blank rows are dropped but each kept row remembers its line
    in the file (`dataset.source_lines`), so errors point at the row the user sees in Excel.
    A header without rows is refused as a file (nothing to import would read as success) but
    may be one sheet of a workbook, an empty list exported."""
    numbered = [(line, row) for line, row in enumerate(rows_to_cells(rows), 1) if any(v is not None for v in row)]
    if not numbered:
        raise ImportFileError(_("The file has no rows."))
    if len(numbered) == 1 and not header_only_allowed:
        raise ImportFileError(_("The file has a header row but no data rows."))
    header = [str(h).strip() if h is not None else "" for h in numbered[0][1]]
    check_row_count(len(numbered) - 1)
    dataset = tablib.Dataset(headers=header)
    width = len(header)
    for _line, row in numbered[1:]:
        dataset.append((row + [None] * width)[:width])
    dataset.source_lines = [line for line, _row in numbered[1:]]
    # Cells under no heading, which the dataset leaves out: the resource refuses their rows.
    dataset.stray_cells = [(line, index) for line, row in numbered[1:] for index in stray_cells(header, row)]
    return dataset


class SafeXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream: Any, **kwargs: Any) -> tablib.Dataset:
        return rows_to_dataset(Workbook(in_stream).rows(0))

    def export_data(self, dataset: tablib.Dataset, **kwargs: Any) -> bytes:
        # Through the one writer: typed cells with Vietnamese display formats, formulas neutralised.
        workbook = OpenpyxlWorkbook()
        workbook.remove(active_sheet(workbook))
        add_sheet(workbook, dataset.title or _("Data"), dataset.headers or [], dataset)
        return workbook_bytes(workbook)


class SafeCSV(base_formats.CSV):
    def is_binary(self) -> bool:
        # Read raw bytes so the opener, not the storage layer, decides the encoding.
        return True

    def get_read_mode(self) -> str:
        return "rb"

    def create_dataset(self, in_stream: bytes | str, **kwargs: Any) -> tablib.Dataset:
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        return rows_to_dataset(CsvFile(in_stream).rows())

    def export_data(self, dataset: tablib.Dataset, **kwargs: Any) -> str:
        # BOM so that Excel opens Vietnamese text correctly.
        return "\ufeff" + dataset.export("csv", **kwargs)
