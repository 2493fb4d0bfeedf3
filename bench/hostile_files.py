"""The worst hostile uploads at full size, each opened and read in a fresh process the way an
import reads it (healthcentre/importing/opener.py, then the long layout's reading of rows):
seconds and growth of peak memory over the process before the file (which holds Django and
the file's bytes), for the goal of every file answered within 5 s and 300 MB. Nothing here
touches a database; tests never time this.

The files are made here, at the sizes of the shared hostile corpus: a zip bomb declaring
1,2 GiB, a sheet declaring 1.048.576 rows, a million real rows declared and declared as one
cell (the row count must stop it), a 10 MiB cell, a 100.000-column header, a 10 MiB CSV
field and line, 51 sheets.
"""

import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_files import csv_text, sheet_xml, xlsx  # noqa: E402

HEADER = ["unit_code", "indicator_code", "period", "value"]
ROW = ["TTYT-BINHXUYEN", "TT-BUOI", "2001", 1]


def _zip_bomb() -> bytes:
    """One sheet whose XML really inflates to 1,2 GiB: 40.000 rows of a 32.000-character cell."""
    handle = io.BytesIO()
    cell = "A" * 32_000
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet><dimension ref="A1:A40000"/><sheetData>')
            for n in range(1, 40_001):
                sheet.write(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{cell}</t></is></c></row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
    return handle.getvalue()


def _million_rows(declared: bool) -> bytes:
    """A million one-cell rows of random numbers, which deflate as little as real figures do
    (a ratio far under the bomb limit); `declared` False lies that the sheet is one cell."""
    figures = random.Random(1)
    rows = [HEADER] + [[figures.random()] for _n in range(1_048_575)]
    return xlsx({"Sheet1": sheet_xml(rows, dimension=None if declared else "A1")})


def files() -> dict[str, tuple[str, bytes]]:
    ten_mib = 10 * 1024 * 1024
    return {
        "zip bomb, 1,2 GiB inflated": ("bomb.xlsx", _zip_bomb()),
        "declared A1:Z1048576, one stray cell": (
            "sparse.xlsx",
            xlsx({"Sheet1": sheet_xml([HEADER, ROW], dimension="A1:Z1048576")}),
        ),
        "1.048.576 real rows, declared": ("million.xlsx", _million_rows(declared=True)),
        "1.048.576 real rows, extent declared as A1": ("million_lying.xlsx", _million_rows(declared=False)),
        "one 10 MiB cell": ("cell.xlsx", xlsx({"Sheet1": sheet_xml([HEADER, [*ROW[:3], "x" * ten_mib]])})),
        "100.000-column header": ("wide.csv", csv_text([HEADER + [f"c{n}" for n in range(100_000)], ROW]).encode()),
        "10 MiB quoted field": ("field.csv", (csv_text([HEADER]) + '"' + "x" * ten_mib + '"\r\n').encode()),
        "10 MiB line, no newline": ("line.csv", ("x," * (ten_mib // 2)).encode()),
        "51 sheets at the row limit each": (
            "sheets.xlsx",
            xlsx({f"S{n}": sheet_xml([HEADER, ROW], dimension="A1:D200000") for n in range(51)}),
        ),
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux keeps that across exec, so
    a child started by this (large) parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_one(path: str, name: str) -> None:
    """In a process of its own: open and read the file as the long-layout import does."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings

    from healthcentre.importing.opener import ImportFileError
    from indicators.importing.long import entries_from_rows, read_rows

    settings.IMPORT_MAX_FILE_BYTES = 100 * 1024 * 1024
    data = Path(path).read_bytes()
    # The peak so far includes the file's bytes; what the reading adds shows above it.
    base = peak_rss_mb()
    started = time.perf_counter()
    try:
        entries_from_rows(read_rows(data, name), [])
        answer = "read"
    except ImportFileError as exc:
        answer = f"refused: {str(exc)[:70]}"
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    print(f"{seconds:6.2f} s  +{peak - base:5.1f} MB (peak {peak:4.0f} MB)  {answer}")


def main() -> None:
    if len(sys.argv) == 3:
        read_one(sys.argv[1], sys.argv[2])
        return
    print("hostile files, opened and read as the long-layout import reads them (fresh process each):")
    with tempfile.TemporaryDirectory() as folder:
        for label, (name, data) in files().items():
            path = Path(folder) / name
            path.write_bytes(data)
            print(f"  {label:45} {len(data) / 1024:9.0f} KB  ", end="", flush=True)
            subprocess.run([sys.executable, __file__, str(path), name], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
