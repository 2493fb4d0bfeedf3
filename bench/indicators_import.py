"""Indicators at scale, on the database DATABASE_URL names (a scratch copy is made and dropped):

1. the long-layout import of a 100.000-row xlsx through the admin's code (preview, then
   confirm): rows per second end to end and peak memory, beside django-import-export's stock
   ModelResource in bulk mode on the same file;
2. the half-year report for 300 units × 100 indicators: seconds and queries, against 30 units;
3. (PostgreSQL) the values changelist with 1.000.000 values: queries per page size, seconds
   for the page, a search and a filter.
"""

import io
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

if connection.vendor == "postgresql":
    # A scratch database of its own, beside the test runs of other engineers.
    connection.settings_dict["TEST"]["NAME"] = "bench_indicators"
settings.IMPORT_MAX_FILE_BYTES = 100 * 1024 * 1024
UNITS, INDICATORS = 1000, 100


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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_import(data: bytes, rows: int, user) -> None:
    from indicators.importing.long import import_long
    from indicators.models import DataValue

    def run():
        preview = import_long(data, file_name="bench.xlsx", user=user, dry_run=True)
        assert not preview.problems, preview.problems[:3]
        done = import_long(data, file_name="bench.xlsx", user=user, dry_run=False)
        assert done.created == rows, (done.created, done.problems[:3])

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    DataValue.objects.all().delete()
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"set-based import (preview + confirm): {rows:,} rows in {elapsed:.2f} s = {rows / elapsed:,.0f} rows/s; "
        f"peak Python memory {peak / 1024 / 1024:.0f} MB (process peak RSS {peak_rss_mb():.0f} MB)"
    )
    DataValue.objects.all().delete()


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
        f"stock ModelResource, bulk mode (confirm only): {rows:,} rows in {elapsed:.2f} s "
        f"= {rows / elapsed:,.0f} rows/s"
    )
    DataValue.objects.all().delete()


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
    DataValue.objects.all().delete()


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
    model_admin = admin.site._registry[DataValue]
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
        print(f"file: {rows:,} rows, {len(data) / 1024 / 1024:.1f} MB xlsx")
        bench_import(data, rows, user)
        bench_stock(data, rows)
        bench_report()
        if connection.vendor == "postgresql":
            bench_changelist(user)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
