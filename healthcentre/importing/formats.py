"""Import and export formats with the guards an upload from the internet needs.

Reading: python-calamine (Rust) reads xlsx several times faster than openpyxl and does not
expand XML entities; before it sees the file, the zip container is checked so a zip bomb is
refused unopened. CSV must be UTF-8 (with or without BOM) or UTF-16, the encodings Excel
writes for "CSV UTF-8" and "Unicode text"; anything else is refused rather than guessed,
because a wrong guess silently garbles Vietnamese names. Every refusal raises
ImportFileError with a message for the user.
"""

import io
import zipfile

import tablib
from django.conf import settings
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from python_calamine import CalamineWorkbook

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, for the user."""


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
            % {"count": count, "limit": settings.IMPORT_MAX_ROWS}
        )


def check_zip_container(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFileError(_("This is not an Excel (.xlsx) file. Save it as .xlsx or .csv and try again.")) from None
    infos = archive.infolist()
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNCOMPRESSED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
        raise ImportFileError(_("The file unpacks to far more data than a spreadsheet holds and was refused."))
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise ImportFileError(_("This is not an Excel (.xlsx) file. Save it as .xlsx or .csv and try again."))


def _cell(value):
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_xlsx_rows(data: bytes, sheet: int | str = 0) -> list[list]:
    """All rows of one sheet, as Python values, after the container checks."""
    check_size(data)
    check_zip_container(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        worksheet = workbook.get_sheet_by_name(sheet) if isinstance(sheet, str) else workbook.get_sheet_by_index(sheet)
        rows = worksheet.to_python(skip_empty_area=False)
    except Exception:
        raise ImportFileError(_("The Excel file is damaged or not a spreadsheet and could not be read.")) from None
    return [[_cell(v) for v in row] for row in rows]


def rows_to_dataset(rows: list[list]) -> tablib.Dataset:
    """A dataset from raw rows; blank rows are dropped but each kept row remembers its line
    in the file (`dataset.source_lines`), so errors point at the row the user sees in Excel."""
    numbered = [(line, row) for line, row in enumerate(rows, 1) if any(v not in (None, "") for v in row)]
    if not numbered:
        raise ImportFileError(_("The file has no rows."))
    header = [str(h).strip() if h is not None else "" for h in numbered[0][1]]
    check_row_count(len(numbered) - 1)
    dataset = tablib.Dataset(headers=header)
    width = len(header)
    for _line, row in numbered[1:]:
        dataset.append((list(row) + [None] * width)[:width])
    dataset.source_lines = [line for line, _row in numbered[1:]]
    return dataset


def decode_text(data: bytes) -> str:
    check_size(data)
    encoding = "utf-8"
    for bom, bom_encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            encoding = bom_encoding
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not in UTF-8. In Excel choose “Save as” → “CSV UTF-8”, or upload the .xlsx.")
        ) from None


def read_csv_rows(data: bytes) -> list[list]:
    import csv

    text = decode_text(data)
    if "\x00" in text:
        raise ImportFileError(_("The file is not a text (CSV) file."))
    first_line = text.split("\n", 1)[0]
    # Excel in a Vietnamese locale writes ";" between columns, since "," is the decimal mark.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [
            [cell if cell != "" else None for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file could not be read: %(error)s") % {"error": exc}) from None


class SafeXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream, **kwargs):
        return rows_to_dataset(read_xlsx_rows(in_stream))


class SafeCSV(base_formats.CSV):
    def is_binary(self):
        # Read raw bytes so decode_text, not the storage layer, decides the encoding.
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        return rows_to_dataset(read_csv_rows(in_stream))

    def export_data(self, dataset, **kwargs):
        # BOM so that Excel opens Vietnamese text correctly.
        return "\ufeff" + dataset.export("csv", **kwargs)
