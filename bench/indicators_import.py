"""Indicators at scale, on the database DATABASE_URL names (a scratch copy is made and dropped):

1. the long-layout import of a 100.000-row xlsx through the admin's code (preview, then
   confirm): rows per second end to end and the peak memory of the process that imports, with
   the audit rows every import writes and, beside it, without them (what the audit costs). The
   file and the reference data are made first, here; the import runs in a fresh process of
   its own, so its peak RSS is the import's (with Django loaded), not the set-up's. Then the
   same with the confirm in another process, as when it reaches another worker and the file
   is read again. Beside it, django-import-export's stock ModelResource in bulk mode, on the
   first 10.000 rows of the same data (on the whole file it takes minutes), as rows per second;
2. the half-year report for 300 units × 100 indicators: seconds and queries, against 30 units;
3. (PostgreSQL) the values changelist with 1.000.000 values: queries per page size, seconds
   for the page, a search and a filter.
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

# A scratch database of its own, beside the test runs of other engineers; on SQLite a file, as
# the application uses, so that the import processes can open it too.
SCRATCH = (
    "bench_indicators"
    if connection.vendor == "postgresql"
    else str(Path(tempfile.gettempdir()) / f"bench_indicators_{os.getpid()}.sqlite3")
)
connection.settings_dict["TEST"]["NAME"] = SCRATCH
settings.IMPORT_MAX_FILE_BYTES = 100 * 1024 * 1024
UNITS, INDICATORS = 1000, 100
STOCK_ROWS = 10_000


def build_world(units=UNITS, indicators=INDICATORS):
    from healthcentre.models import Organisation
    from indicators.models import Indicator
    from indicators.periods import periods_for

    root = Organisation.objects.create(code="BENCH-ROOT", name="Bench root", kind="department_of_health")
    Organisation.objects.bulk_create(
        [
            Organisation(code=f"U{n:05d}", name=f"Đơn vị {n}", kind="commune_station", parent=root, path="")
            for n in range(units)
        ]
    )
    children = list(Organisation.objects.filter(parent=root))
    for org in children:
        org.path = f"{root.path}{org.pk}/"
    Organisation.objects.bulk_update(children, ["path"], batch_size=500)
    Indicator.objects.bulk_create(
        [
            Indicator(code=f"B{n:03d}", name=f"Chỉ tiêu {n}", unit="lượt", group="examination", sort_order=n)
            for n in range(indicators)
        ]
    )
    periods_for(["2025S1", "2024S1"])
    return root


def long_file(units=UNITS, indicators=INDICATORS, period="2025S1") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "qualifier", "note"])
    for u in range(units):
        for i in range(indicators):
            sheet.append([f"U{u:05d}", f"B{i:03d}", period, (u * 7 + i * 13) % 5000, None, None, None, None])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def clear_values() -> None:
    """Empty the values table and its history between runs, one statement each (a queryset
    delete would load and audit every row, which takes minutes and measures nothing)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM indicators_datavalue")
        cursor.execute("DELETE FROM indicators_historicaldatavalue")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_step(step: str, path: str, audited: bool) -> None:
    """In a fresh process on the scratch database: the admin's preview and/or confirm of the
    file, as the import view calls them, with or without the audit rows; prints seconds and
    this process's peak RSS."""
    from django.contrib.auth import get_user_model

    from healthcentre.importing.resources import sha256_of
    from indicators.importing import core
    from indicators.importing.long import import_long

    core.WRITE_HISTORY = audited
    connection.settings_dict["NAME"] = SCRATCH
    user = get_user_model().objects.get(username="bench")
    # A worker has served requests before this one: its modules, catalogues and connection
    # are warm. A one-unit preview warms them without touching the file timed below.
    warm = long_file(units=1, indicators=10)
    import_long(warm, file_name="warm.xlsx", user=user, dry_run=True, file_sha256=sha256_of(warm))
    before = peak_rss_mb()
    started = time.perf_counter()
    data = Path(path).read_bytes()
    sha = sha256_of(data)
    if step in ("both", "preview"):
        preview = import_long(data, file_name="bench.xlsx", user=user, dry_run=True, file_sha256=sha)
        assert not preview.problems, preview.problems[:3]
    if step in ("both", "confirm"):
        done = import_long(data, file_name="bench.xlsx", user=user, dry_run=False, file_sha256=sha)
        assert not done.problems and done.created, done.problems[:3]
    print(f"{time.perf_counter() - started} {before} {peak_rss_mb()}")


def run_step(step: str, path: str, audited: bool = True) -> tuple[float, float, float]:
    env = {**os.environ, "BENCH_SCRATCH": SCRATCH}
    command = [sys.executable, __file__, "--import", step, path, "audited" if audited else "bare"]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    seconds, before, peak = (float(x) for x in out.split()[-3:])
    return seconds, before, peak


def audit_cost(with_audit: float, without: float) -> str:
    return f"the audit rows cost {with_audit - without:+.2f} s ({(with_audit - without) / without:+.0%})"


def bench_import(path: str, rows: int) -> None:
    """Each figure with its audit rows (one history row per value, as every import writes), and
    beside it the same import without them, to show what the audit costs."""
    timings = {}
    for audited in (True, False):
        timings[audited] = run_step("both", path, audited)
        clear_values()
    (seconds, before, peak), (bare, _before, bare_peak) = timings[True], timings[False]
    print(
        f"set-based import, preview + confirm in one process, with audit rows: {rows:,} rows in {seconds:.2f} s "
        f"= {rows / seconds:,.0f} rows/s; peak RSS of the importing process {peak:.0f} MB "
        f"(of which {before:.0f} MB Python and Django before the import)"
    )
    print(
        f"    without audit rows: {bare:.2f} s = {rows / bare:,.0f} rows/s, peak RSS {bare_peak:.0f} MB; "
        f"{audit_cost(seconds, bare)}"
    )
    for audited in (True, False):
        preview, _before, peak_preview = run_step("preview", path, audited)
        confirm, _before, peak_confirm = run_step("confirm", path, audited)
        clear_values()
        timings[audited] = (preview, confirm, max(peak_preview, peak_confirm))
    (preview, confirm, peak), (_preview, bare_confirm, bare_peak) = timings[True], timings[False]
    print(
        f"set-based import, confirm in another process (file read again), with audit rows: preview "
        f"{preview:.2f} s + confirm {confirm:.2f} s = {rows / (preview + confirm):,.0f} rows/s; peak RSS {peak:.0f} MB"
    )
    print(
        f"    without audit rows: confirm {bare_confirm:.2f} s = {rows / (_preview + bare_confirm):,.0f} rows/s, "
        f"peak RSS {bare_peak:.0f} MB; {audit_cost(confirm, bare_confirm)} of the confirm"
    )


def bench_stock(data: bytes, rows: int) -> None:
    from import_export import fields, resources
    from import_export.widgets import ForeignKeyWidget

    from healthcentre.importing.formats import SafeXLSX
    from healthcentre.models import Organisation
    from indicators.models import DataValue, Indicator, Period

    class StockResource(resources.ModelResource):
        organisation = fields.Field("organisation", "unit_code", widget=ForeignKeyWidget(Organisation, "code"))
        indicator = fields.Field("indicator", "indicator_code", widget=ForeignKeyWidget(Indicator, "code"))
        period = fields.Field("period", "period", widget=ForeignKeyWidget(Period, "code"))

        class Meta:
            model = DataValue
            fields = ["organisation", "indicator", "period", "value", "numerator", "denominator", "qualifier", "note"]
            import_id_fields = ["organisation", "indicator", "period"]
            use_bulk = True
            batch_size = 5000
            skip_diff = True

    started = time.perf_counter()
    dataset = SafeXLSX().create_dataset(data)
    result = StockResource().import_data(dataset, dry_run=False, use_transactions=True)
    elapsed = time.perf_counter() - started
    assert not result.has_errors() and not result.has_validation_errors()
    print(
        f"stock ModelResource, bulk mode (confirm only), on a {rows:,}-row sample of the same data: "
        f"{rows:,} rows in {elapsed:.2f} s = {rows / elapsed:,.0f} rows/s"
    )
    clear_values()


def bench_report() -> None:
    from healthcentre.models import Organisation
    from indicators.models import DataValue, Indicator, Period
    from indicators.reports import build_report

    root = Organisation.objects.get(code="BENCH-ROOT")
    units = list(Organisation.objects.filter(parent=root).order_by("code")[:300])
    indicators = list(Indicator.objects.filter(code__startswith="B"))
    periods = list(Period.objects.filter(code__in=["2025S1", "2024S1"]))
    DataValue.objects.bulk_create(
        [
            DataValue(organisation=u, indicator=i, period=p, value=(u.pk + i.pk) % 900 + 10)
            for u in units
            for i in indicators
            for p in periods
        ],
        batch_size=5000,
    )
    scope = root.descendants().filter(code__in=[u.code for u in units] + ["BENCH-ROOT"])
    small = root.descendants().filter(code__in=[u.code for u in units[:30]] + ["BENCH-ROOT"])
    for label, organisations in (("30 units", small), ("300 units", scope)):
        connection.queries_log.clear()  # the stock import above filled the capped query log
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            report = build_report(organisations, "2025S1")
            elapsed = time.perf_counter() - started
        print(
            f"half-year report, {label} × {len(indicators)} indicators: {elapsed:.2f} s, "
            f"{len(queries)} queries, {len(report.rows)} rows"
        )
    clear_values()


def bench_changelist(user) -> None:
    from django.contrib import admin
    from django.test import Client

    from indicators.models import DataValue
    from indicators.periods import periods_for

    # Ten half-years × 1.000 units × 100 indicators = 1.000.000 values, written by the database itself.
    codes = [f"{year}S1" for year in range(2016, 2026)]
    periods_for(codes)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO indicators_datavalue
                (organisation_id, indicator_id, period_id, value, qualifier, is_derived, note, stated_change_kind)
            SELECT o.id, i.id, p.id, (o.id * 7 + i.id) %% 5000, '', false, '', ''
            FROM healthcentre_organisation o CROSS JOIN indicators_indicator i CROSS JOIN indicators_period p
            WHERE o.code LIKE 'U%%' AND i.code LIKE 'B%%' AND p.code = ANY(%s)
            """,
            [codes],
        )
        cursor.execute("ANALYZE")
    total = DataValue.objects.count()
    client = Client()
    client.force_login(user)
    model_admin = admin.site.get_model_admin(DataValue)
    for per_page in (50, 500):
        model_admin.list_per_page = per_page
        for label, url in (
            ("page", "/admin/indicators/datavalue/"),
            ("search", "/admin/indicators/datavalue/?q=U00042"),
            ("filter", "/admin/indicators/datavalue/?period__year=2024&indicator__group=examination"),
        ):
            client.get(url)
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200
            print(
                f"changelist with {total:,} values, {per_page} per page, {label}: "
                f"{elapsed:.2f} s, {len(queries)} queries"
            )


def main() -> None:
    from django.contrib.auth import get_user_model

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        user = get_user_model().objects.create_superuser("bench", password="x")
        build_world()
        rows = UNITS * INDICATORS
        data = long_file()
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as file:
            file.write(data)
            file.flush()
            print(f"file: {rows:,} rows, {len(data) / 1024 / 1024:.1f} MB xlsx")
            connection.close()  # the import processes write to the scratch database meanwhile
            bench_import(file.name, rows)
        bench_stock(long_file(units=STOCK_ROWS // INDICATORS), STOCK_ROWS)
        bench_report()
        if connection.vendor == "postgresql":
            bench_changelist(user)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        for leftover in (f"{SCRATCH}-wal", f"{SCRATCH}-shm"):
            Path(leftover).unlink(missing_ok=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--import"]:
        SCRATCH = os.environ["BENCH_SCRATCH"]
        import_step(sys.argv[2], sys.argv[3], audited=sys.argv[4] == "audited")
    else:
        main()
