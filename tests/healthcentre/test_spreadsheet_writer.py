"""Every spreadsheet the system writes goes through `healthcentre.spreadsheets`: a name a
centre administrator typed never becomes a live formula in someone else's download, and
numbers and dates stay numbers and dates."""

import datetime as dt
import io
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from healthcentre.models import Organisation, UnitName
from healthcentre.spreadsheets import FORMULA_PREFIXES, append_row, workbook_bytes
from indicators.models import Indicator
from supervision.models import ActionItem
from tests.awards.factories import award, decision
from tests.records import supervision_visit

PAYLOADS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "\t=1+2", "==1+2"]

# The hostile corpus' own checker, in shared/ beside the working tree (and beside CI's clone).
CHECK_EXPORT = Path(settings.BASE_DIR).parent / "shared" / "hostile" / "check_export.py"


@pytest.fixture(params=PAYLOADS, ids=["hyperlink", "dde", "at", "tab", "double-equals"])
def renamed(request, world, catalogues):
    """Lai Châu's centre and the visits indicator renamed to one payload, as a centre administrator
    could type them, plus a supervision round of that centre and an award of 2025 to it so their
    reports name it."""
    payload = request.param
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    unit.name = payload
    unit.save()
    UnitName.objects.create(organisation=unit, name=payload, start=dt.date(2025, 7, 1), start_precision="month")
    Indicator.objects.filter(code="KCB-LUOT-KHAM").update(name=payload)
    visit = supervision_visit("TTYT-LAICHAU", "LAICHAU-GS-TEST", "Giám sát thử", dt.date(2025, 10, 7), "TYT-P-DOANKET")
    round_ = visit.round
    ActionItem.objects.create(
        visit=visit, description="Bổ sung sổ sách", responsible_unit=unit, due_date=dt.date(2026, 1, 1)
    )
    record = award("GIAY-KHEN", 2025, save=False, with_decision=False, unit=unit)
    record.decision = decision(2025, issuer="SYT-LAICHAU", filed_by="TTYT-LAICHAU")
    record.full_clean()
    record.save()
    return SimpleNamespace(payload=payload, unit=unit, round=round_, visit=visit)


DOWNLOADS = {
    "indicator-report": lambda r: "/admin/indicators/datavalue/report/xlsx/?unit=TTYT-LAICHAU&period=2025S1",
    "report-template": lambda r: "/admin/indicators/datavalue/template/?unit=TTYT-LAICHAU&period=2025S2",
    "unit-profile": lambda r: (
        reverse("admin:healthcentre_organisation_profile_xlsx", args=[r.unit.pk]) + "?start=2024&end=2025"
    ),
    "unit-history": lambda r: reverse("admin:healthcentre_unit_history_xlsx", args=[r.unit.pk]),
    "visit-minutes": lambda r: reverse("admin:supervision_visit_minutes_xlsx", args=[r.visit.pk]),
    "round-summary": lambda r: reverse("admin:supervision_round_summary_xlsx", args=[r.round.pk]),
    "awards-report": lambda r: f"/admin/awards/awardrecord/report/?year=2025&unit={r.unit.pk}&format=xlsx",
}


def cells_of(content: bytes):
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("download", DOWNLOADS.values(), ids=DOWNLOADS.keys())
def test_a_renamed_unit_or_indicator_never_runs_as_a_formula(renamed, download, client_for, superuser, tmp_path):
    response = client_for(superuser).get(download(renamed))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    cells = cells_of(response.content)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_PREFIXES)] == []
    assert "'" + renamed.payload in {c.value for c in cells}, "the download shows the renamed name, quoted"
    if CHECK_EXPORT.exists():
        exported = tmp_path / "export.xlsx"
        exported.write_bytes(response.content)
        checked = subprocess.run([sys.executable, str(CHECK_EXPORT), str(exported)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def written(write) -> Worksheet:
    """The first sheet of a workbook filled by `write(sheet)`, saved and opened again."""
    book = Workbook()
    write(book.active)
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(book))).active


def test_numbers_and_dates_stay_typed_and_text_is_quoted():
    row = [27662, 57.6, Decimal("35.1"), dt.date(2025, 7, 1), dt.datetime(2025, 10, 7, 8, 30), -138, None, "-138 lượt"]

    def write(sheet):
        append_row(sheet, row)
        append_row(sheet, [-5.5, "=1+2"])

    sheet = written(write)
    first = list(sheet[1])
    assert [c.data_type for c in first[:6]] == ["n", "n", "n", "d", "d", "n"]
    assert [c.value for c in first] == [
        27662,
        57.6,
        35.1,
        dt.datetime(2025, 7, 1),
        dt.datetime(2025, 10, 7, 8, 30),
        -138,
        None,
        "'-138 lượt",
    ]
    assert (sheet["A2"].value, sheet["A2"].data_type) == (-5.5, "n")
    assert (sheet["B2"].value, sheet["B2"].data_type) == ("'=1+2", "s")


def test_anything_else_is_written_as_quoted_text():
    def write(sheet):
        append_row(sheet, [Organisation(name="@SUM(1)"), "-2+3", "Bình Xuyên"])

    assert [c.value for c in written(write)[1]] == ["'@SUM(1)", "'-2+3", "Bình Xuyên"]


# Writing a cell without the writer: appending a row to a sheet, `cell(..., value=...)` or
# `cell(row, column, value)`, assigning `.value`, or assigning a cell through `sheet["A1"] = ...`.
DIRECT_WRITES = re.compile(
    r"\b(\w*sheet|ws|worksheet|\w+\.active)\.append\("
    r"|\.cell\([^)]*\bvalue\s*="
    r"|\.cell\([^,()]*,[^,()]*,"
    r"|(\w*cell|\]|\))\.value\s*=(?!=)"
    r"|\b(\w*sheet|ws|worksheet)\s*\[[^\]]*\]\s*=(?!=)",
    re.IGNORECASE,
)
WRITER = Path(settings.BASE_DIR) / "healthcentre" / "spreadsheets.py"
# Tests and benchmarks build the files they upload; they are not spreadsheets the system serves.
NOT_THE_SYSTEM = ("tests", "bench")


def direct_writes(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if DIRECT_WRITES.search(line)]


@pytest.mark.parametrize(
    "line",
    [
        "sheet.append([report.title])",
        "workbook.active.append(row)",
        "cell = sheet.cell(row=4, column=index, value=heading)",
        "sheet.cell(1, 2, unit.name)",
        "cell.value = unit.name",
        'sheet["A1"].value = unit.name',
        'sheet["A1"], sheet["B1"] = _("Unit code"), unit.code',
        'ws["C1"] = unit.name',
    ],
)
def test_the_source_check_finds_a_direct_write(line):
    assert direct_writes(line) == [line]


@pytest.mark.parametrize(
    "line",
    ["rows.append(row)", "sheets.append(title)", "if cell.value == 1:", "sheet.cell(sheet.max_row, 1).font = bold"],
)
def test_the_source_check_leaves_other_code_alone(line):
    assert direct_writes(line) == []


def system_sources(base: Path) -> list[Path]:
    """The project's own Python files, without the virtualenv and other hidden folders."""
    tops = [top for top in base.iterdir() if not top.name.startswith(".") and top.name not in NOT_THE_SYSTEM]
    return [top for top in tops if top.suffix == ".py"] + [p for top in tops if top.is_dir() for p in top.rglob("*.py")]


def test_no_module_but_the_writer_writes_cells():
    sources = system_sources(Path(settings.BASE_DIR))
    assert WRITER in sources and len(sources) > 50
    offenders = {
        str(path): found
        for path in sources
        if path != WRITER and (found := direct_writes(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_dates_times_and_decimals_are_typed_with_vietnamese_display_formats():
    sheet = Workbook().active
    assert isinstance(sheet, Worksheet)
    moment = dt.datetime(2026, 12, 2, 21, 41, tzinfo=dt.UTC)
    append_row(sheet, [dt.date(2025, 10, 14), moment, Decimal("57.6000"), Decimal("702000"), 2024])
    day, time, ratio, amount, year = sheet[1]
    assert (day.value, day.number_format) == (dt.date(2025, 10, 14), "dd/mm/yyyy")
    # Hà Nội is seven hours ahead of UTC: the import at 21:41 UTC was at 04:41 the next morning.
    assert (time.value, time.number_format) == (dt.datetime(2026, 12, 3, 4, 41), "dd/mm/yyyy hh:mm")
    assert (ratio.value, ratio.number_format) == (Decimal("57.6"), "#,##0.0")
    assert amount.number_format == "#,##0"
    assert (year.value, year.number_format) == (2024, "General")
