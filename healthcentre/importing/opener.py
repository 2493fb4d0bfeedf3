"""The one way an uploaded spreadsheet is opened, by every importer: the admin's
django-import-export pages, both indicator layouts and the history workbook.

Every limit is checked before memory is spent on the file:
- xlsx: the zip container as it declares itself (total and per-sheet unpacked size,
  compression ratio, no part twice, content types and workbook present), the number of
  sheets, then each sheet's declared extent (`<dimension ref="A1:Z1048576">`, read from the
  first kilobytes of the sheet's XML) against the row, column and cell limits, for each sheet
  and for all together, and the last row each sheet really reaches, found while its XML
  streams through zlib (a sheet may declare one cell and hold a million rows). Only then does
  python-calamine (which expands no XML entities) parse a sheet, one at a time; its parsed
  extent is checked again and its rows are handed out one by one;
- CSV: UTF-8 (with or without BOM) or UTF-16 with its BOM, the encodings Excel writes for
  "CSV UTF-8" and "Unicode text"; anything else is refused rather than guessed, because a
  wrong guess silently garbles Vietnamese names. The separator (`,` `;` or TAB) is the one the
  header line uses most; lines and cells have a length limit;
- while rows are handed out, the reading stops at the first row over the row limit, the
  first row wider than the column limit and the first cell longer than Excel's own limit.

Every refusal raises ImportFileError with a message for the user.
"""

import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from defusedxml import ElementTree
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from python_calamine import CalamineSheet, CalamineWorkbook

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# The declared extent sits near the start of a sheet's XML, before its first row.
DIMENSION_PROBE_BYTES = 16 * 1024
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\"")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
# A sheet written with a namespace prefix (<x:worksheet>, as the .NET Open XML SDK does).
_PREFIX = re.compile(rb"<(\w+):worksheet\b")
# Entity declarations (billion laughs, XXE) live in a DOCTYPE, which no spreadsheet writes.
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
SHARED_STRINGS = "xl/sharedStrings.xml"
# An old .xls workbook and an encrypted .xlsx are both OLE2 compound files.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SEPARATORS = (",", ";", "\t")


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass(frozen=True)
class Limits:
    """What one upload may hold; each comes from a setting (config/settings.py)."""

    rows: int
    columns: int
    cells: int
    sheets: int
    sheet_bytes: int
    cell_chars: int
    line_chars: int

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            rows=settings.IMPORT_MAX_ROWS,
            columns=settings.IMPORT_MAX_COLUMNS,
            cells=settings.IMPORT_MAX_CELLS,
            sheets=settings.IMPORT_MAX_SHEETS,
            sheet_bytes=settings.IMPORT_MAX_SHEET_BYTES,
            cell_chars=settings.IMPORT_MAX_CELL_CHARS,
            line_chars=settings.IMPORT_MAX_LINE_CHARS,
        )


def _n(number: int) -> str:
    """A count as Vietnamese writes it (12.345)."""
    return number_format(number, force_grouping=True)


def check_size(data: bytes) -> None:
    if len(data) == 0:
        raise ImportFileError(_("The file is empty."))
    limit = settings.IMPORT_MAX_FILE_BYTES
    if len(data) > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
            % {"size": round(len(data) / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
        )


def check_row_count(count: int) -> None:
    if count > settings.IMPORT_MAX_ROWS:
        raise ImportFileError(
            _("The file has %(count)s rows; at most %(limit)s can be imported at once.")
            % {"count": _n(count), "limit": _n(settings.IMPORT_MAX_ROWS)}
        )


def column_letter(index: int) -> str:
    """Excel's name of the zero-based column `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def bounded_rows(rows: Iterable[list], limits: Limits, sheet: str | None = None) -> Iterator[list]:
    """The rows as they come, stopping with a message at the first one over a limit. Row
    numbers are the spreadsheet's, counted from 1 with the header."""
    last_row, columns, cell_chars = limits.rows + 1, limits.columns, limits.cell_chars
    for number, row in enumerate(rows, 1):
        if number > last_row:
            raise ImportFileError(_too_many_rows(limits, sheet))
        if len(row) > columns:
            raise ImportFileError(
                _("Row %(row)s has %(columns)s columns; at most %(limit)s are read. Delete the unused columns.")
                % {"row": _n(number), "columns": _n(len(row)), "limit": _n(columns)}
            )
        # A plain loop: this runs for every cell of a 100.000-row file.
        for cell in row:
            if cell.__class__ is str and len(cell) > cell_chars:
                raise ImportFileError(_cell_too_long(number, column_letter(row.index(cell)), len(cell), limits))
        yield row


def _too_many_rows(limits: Limits, sheet: str | None) -> str:
    values = {"limit": _n(limits.rows), "sheet": sheet}
    if sheet is None:
        return _("The file has more than %(limit)s rows; at most %(limit)s can be imported at once.") % values
    return _("Sheet “%(sheet)s” has more than %(limit)s rows; at most %(limit)s can be imported at once.") % values


def _cell_too_long(row: int, column: str, length: int, limits: Limits) -> str:
    message = _(
        "Row %(row)s, column %(column)s: the cell holds %(length)s characters; at most %(limit)s fit in a cell."
    )
    return message % {
        "row": _n(row),
        "column": column,
        "length": _n(length),
        "limit": _n(limits.cell_chars),
    }


# --- xlsx -------------------------------------------------------------------------------


def _not_xlsx() -> ImportFileError:
    return ImportFileError(_("This is not an Excel (.xlsx) file. Save it as .xlsx or .csv and try again."))


def _damaged() -> ImportFileError:
    return ImportFileError(_("The Excel file is damaged or not a spreadsheet and could not be read."))


def _xml_declarations() -> ImportFileError:
    return ImportFileError(
        _("The file holds XML entity declarations, which no spreadsheet program writes, and was refused.")
    )


def check_shared_strings(archive: zipfile.ZipFile) -> None:
    """Calamine expands no entity, so this is for the message: a DOCTYPE where a spreadsheet
    has none is named as what it is, not as a damaged file."""
    if SHARED_STRINGS in archive.NameToInfo:
        _head(archive, archive.getinfo(SHARED_STRINGS))


def _head(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The first kilobytes of a part's XML, refused if they declare XML entities."""
    try:
        with archive.open(member) as stream:
            head = stream.read(DIMENSION_PROBE_BYTES)
    except Exception:
        raise _damaged() from None
    if _DOCTYPE.search(head):
        raise _xml_declarations()
    return head


def _archive(data: bytes) -> zipfile.ZipFile:
    if data.startswith(OLE2_MAGIC):
        raise ImportFileError(
            _(
                "This is an old Excel 97–2003 (.xls) file or a password-protected workbook. Save it in Excel "
                "as .xlsx without a password and try again."
            )
        )
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_xlsx() from None


def check_zip_container(archive: zipfile.ZipFile) -> None:
    """Sizes as the archive declares them: nothing is inflated here."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise ImportFileError(_("The file holds the part %(name)s twice and was refused.") % {"name": twice})
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNCOMPRESSED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
        raise ImportFileError(_("The file unpacks to far more data than a spreadsheet holds and was refused."))
    # Excel opens neither a package without its content types nor one without a workbook.
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise _not_xlsx()


def worksheet_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive parts that hold the workbook's worksheets, found as a reader finds them:
    through the workbook's relationships, wherever they point."""
    try:
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return []
    except Exception:
        raise _damaged() from None
    members = []
    for relation in relations:
        if not str(relation.get("Type", "")).endswith("/worksheet"):
            continue
        target = str(relation.get("Target", ""))
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        try:
            members.append(archive.getinfo(path))
        except KeyError:
            raise _damaged() from None
    return members


def declared_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int] | None:
    """(rows, columns) from A1 to the sheet's declared last cell; None when it declares none."""
    head = _head(archive, member)
    data_starts = _SHEET_DATA.search(head)
    match = _DIMENSION.search(head, 0, data_starts.start() if data_starts else len(head))
    if match is None:
        return None
    last_column, last_row = (match[3], match[4]) if match[3] else (match[1], match[2])
    return int(last_row), _column_number(last_column)


# A cell's reference beyond column Z (r="AA7", r="XFD1000"): rare in the rows of a sheet, so
# finding them all costs little even in a 100.000-row sheet.
_FAR_CELL = re.compile(rb'\br="([A-Z]{2,3})[0-9]')


def sheet_reach(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, columns) the sheet's XML really reaches: the number of its row elements or the
    highest row number one names, whichever is larger, and the farthest column beyond Z a cell
    names (0 when none does), found while the XML streams through zlib (a few tens of milliseconds for a
    100.000-row sheet). A sheet may declare one cell and hold a million rows, or declare
    nothing and hold one cell at XFD1000, which calamine would spend seconds parsing or
    gigabytes laying out as a dense grid."""
    count, highest, farthest, tail = 0, 0, b"", b""
    opening, numbered = b"<row", None
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(1024 * 1024):
                if numbered is None:
                    prefix = _PREFIX.search(chunk)
                    opening = b"<" + prefix[1] + b":row" if prefix else opening
                    numbered = re.compile(re.escape(opening) + rb'\b[^>]*?\br="(\d+)"')
                window = tail + chunk
                count += window.count(opening) - tail.count(opening)
                highest = max(highest, *map(int, numbered.findall(window)), 0)
                farthest = max(farthest, *_FAR_CELL.findall(window), b"", key=lambda letters: (len(letters), letters))
                tail = window[-64:]
    except Exception:
        raise _damaged() from None
    return max(count, highest), _column_number(farthest)


def check_sheet(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> tuple[int, int]:
    """The sheet's (rows, cells) as far as it declares or really reaches, once both are within
    the limits. The cheap checks on what it declares come first, then its real reach."""
    if member.file_size > limits.sheet_bytes:
        raise ImportFileError(
            _("A sheet of the file unpacks to %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
            % {"size": _n(member.file_size // 1024 // 1024), "limit": _n(limits.sheet_bytes // 1024 // 1024)}
        )
    extent = declared_extent(archive, member)
    if extent is not None:
        check_declared_extent(*extent, limits)
    rows, columns = sheet_reach(archive, member)
    if rows > limits.rows + 1:
        raise ImportFileError(
            _("A sheet of the file holds more than %(limit)s rows; at most %(limit)s can be imported at once.")
            % {"limit": _n(limits.rows)}
        )
    if columns > limits.columns:
        raise ImportFileError(_too_many_columns(columns, limits))
    if rows * columns > limits.cells:
        raise ImportFileError(
            _(
                "A sheet of the file reaches row %(rows)s and column %(column)s; at most %(limit)s cells can be "
                "read at once. Delete the unused rows and columns or split the file."
            )
            % {"rows": _n(rows), "column": column_letter(columns - 1), "limit": _n(limits.cells)}
        )
    if extent is not None:
        rows, columns = max(rows, extent[0]), max(columns, extent[1])
    return rows, rows * max(columns, 1)


def _too_many_columns(columns: int, limits: Limits) -> str:
    return _("A sheet of the file has %(columns)s columns; at most %(limit)s are read. Delete the unused columns.") % {
        "columns": _n(columns),
        "limit": _n(limits.columns),
    }


def check_declared_extent(rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.rows + 1:
        raise ImportFileError(
            _("A sheet of the file declares %(rows)s rows; at most %(limit)s can be imported at once.")
            % {"rows": _n(rows), "limit": _n(limits.rows)}
        )
    if columns > limits.columns:
        raise ImportFileError(
            _(
                "A sheet of the file declares %(columns)s columns; at most %(limit)s are read. Delete the unused "
                "columns."
            )
            % {"columns": _n(columns), "limit": _n(limits.columns)}
        )
    if rows * columns > limits.cells:
        raise ImportFileError(
            _(
                "A sheet of the file declares %(rows)s rows × %(columns)s columns; at most %(limit)s cells can be "
                "read at once. Split it into smaller files."
            )
            % {"rows": _n(rows), "columns": _n(columns), "limit": _n(limits.cells)}
        )


def check_workbook_extent(rows: int, cells: int, sheets: int, limits: Limits) -> None:
    """The limits hold for the workbook as a whole too: 50 sheets at the limit each would
    take 50 times as long and as much memory as one."""
    if rows > limits.rows + sheets or cells > limits.cells:
        raise ImportFileError(
            _(
                "The sheets of the file declare %(rows)s rows and %(cells)s cells in all; at most %(limit)s rows "
                "and %(cell_limit)s cells can be imported at once. Split it into smaller files."
            )
            % {"rows": _n(rows), "cells": _n(cells), "limit": _n(limits.rows), "cell_limit": _n(limits.cells)}
        )


class Workbook:
    """An xlsx upload that passed every check made before parsing; its sheets are parsed one
    at a time, when their rows are asked for."""

    def __init__(self, data: bytes, limits: Limits | None = None):
        self.limits = limits or Limits.from_settings()
        check_size(data)
        archive = _archive(data)
        check_zip_container(archive)
        check_shared_strings(archive)
        members = worksheet_members(archive)
        self._check_sheet_count(len(members))
        extents = [check_sheet(archive, member, self.limits) for member in members]
        check_workbook_extent(sum(r for r, _c in extents), sum(c for _r, c in extents), len(members), self.limits)
        self._rows_left = self.limits.rows + len(members)
        try:
            self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            self.sheet_names = list(self._book.sheet_names)
        except Exception:
            raise _damaged() from None
        self._check_sheet_count(len(self.sheet_names))

    def _check_sheet_count(self, count: int) -> None:
        if count > self.limits.sheets:
            raise ImportFileError(
                _("The workbook has %(count)s sheets; at most %(limit)s are read. Remove the sheets not needed.")
                % {"count": _n(count), "limit": _n(self.limits.sheets)}
            )

    def rows(self, sheet: int | str = 0) -> Iterator[list]:
        """The sheet's rows from row 1 and column A, raw as calamine reads them ("" for an
        empty cell, 5.0 for 5)."""
        try:
            worksheet = (
                self._book.get_sheet_by_name(sheet) if isinstance(sheet, str) else self._book.get_sheet_by_index(sheet)
            )
        except Exception:
            raise _damaged() from None
        name = worksheet.name if len(self.sheet_names) > 1 else None
        self._check_range(worksheet, name)
        return bounded_rows(self._from_column_a(worksheet, name), self.limits, name)

    def merged_ranges(self, sheet: int | str = 0) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The sheet's merged cells as ((first row, first column), (last row, last column)),
        zero-based from row 1 and column A."""
        try:
            worksheet = (
                self._book.get_sheet_by_name(sheet) if isinstance(sheet, str) else self._book.get_sheet_by_index(sheet)
            )
            return [(tuple(first), tuple(last)) for first, last in worksheet.merged_cell_ranges or []]  # type: ignore[misc]
        except Exception:
            raise _damaged() from None

    def _check_range(self, worksheet: CalamineSheet, name: str | None) -> None:
        """The sheet as parsed, before a row is handed out: its extent, whatever it declared."""
        start = worksheet.start or (0, 0)
        rows, columns = worksheet.height + start[0], worksheet.width + start[1]
        if rows > self.limits.rows + 1:
            raise ImportFileError(_too_many_rows(self.limits, name))
        if columns > self.limits.columns:
            raise ImportFileError(_too_many_columns(columns, self.limits))

    def _from_column_a(self, worksheet: CalamineSheet, name: str | None) -> Iterator[list]:
        # iter_rows starts at row 1 but at the first used column; pad to start at column A.
        start = worksheet.start
        padding = [""] * start[1] if start else []
        try:
            rows = worksheet.iter_rows()
        except Exception:
            raise _damaged() from None
        for row in rows:
            # The row limit holds for all the sheets read together, not for each alone.
            self._rows_left -= 1
            if self._rows_left < 0:
                raise ImportFileError(_too_many_rows(self.limits, name))
            yield padding + row if padding else row


# --- CSV --------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    check_size(data)
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not in UTF-8. In Excel choose “Save as” → “CSV UTF-8”, or upload the .xlsx.")
        ) from None
    if "\x00" in text:
        raise ImportFileError(_("The file is not a text (CSV) file."))
    return text


def separator_of(text: str) -> str:
    """The separator the header line uses most: Excel writes "," by default, ";" in a
    Vietnamese locale (where "," is the decimal mark) and TAB for "Unicode text"."""
    first_line = text[: text.find("\n")] if "\n" in text else text
    counts = {separator: first_line.count(separator) for separator in SEPARATORS}
    return max(SEPARATORS, key=lambda separator: counts[separator])


class CsvFile:
    """A CSV upload, decoded; its one sheet's rows are parsed as they are asked for."""

    sheet_names = ["CSV"]

    def __init__(self, data: bytes, limits: Limits | None = None):
        self.limits = limits or Limits.from_settings()
        self.text = decode_text(data)

    def rows(self, sheet: int | str = 0) -> Iterator[list]:
        """Every row as text; an empty cell is ""."""
        lines = self._bounded_lines(io.StringIO(self.text, newline=""))
        return bounded_rows(self._parsed(lines), self.limits)

    def _bounded_lines(self, lines: Iterable[str]) -> Iterator[str]:
        for number, line in enumerate(lines, 1):
            if len(line) > self.limits.line_chars:
                raise ImportFileError(
                    _("Line %(line)s is longer than %(limit)s characters; the file is not a table of rows.")
                    % {"line": _n(number), "limit": _n(self.limits.line_chars)}
                )
            yield line

    def _parsed(self, lines: Iterator[str]) -> Iterator[list]:
        # The reader's own cap on a cell, so that an unclosed quote stops at the first cell
        # too long instead of swallowing the rest of the file. It is process-wide, and every
        # import sets the same value.
        csv.field_size_limit(self.limits.cell_chars)
        reader = csv.reader(lines, delimiter=separator_of(self.text), strict=True)
        rows_read = 0
        try:
            for cells in reader:
                rows_read += 1
                yield cells
        except csv.Error as exc:
            raise ImportFileError(self._csv_problem(str(exc), rows_read + 1)) from None

    def _csv_problem(self, error: str, row: int) -> str:
        if "field limit" in error:
            return _(
                'Row %(row)s: a cell is longer than %(limit)s characters, or a quote (") opened there is never closed.'
            ) % {"row": _n(row), "limit": _n(self.limits.cell_chars)}
        if "end of data" in error or "EOF" in error:
            return _('Row %(row)s: a quote (") opened there is never closed.') % {"row": _n(row)}
        return _('Row %(row)s is not valid CSV: check its quotes (").') % {"row": _n(row)}


def open_spreadsheet(data: bytes, file_name: str) -> Workbook | CsvFile:
    """The opened upload, read as its name says: a .csv as text, anything else as xlsx."""
    return CsvFile(data) if file_name.lower().endswith(".csv") else Workbook(data)
