from decimal import Decimal

import pytest

from healthcentre.models import OrganisationKind
from indicators.derived import change, percent_of_plan
from indicators.models import Indicator
from indicators.reports import build_report, organisations_for
from tests.indicators.helpers import data_value
from tests.world import LAI_CHAU, unit


def row_of(report, code, breakdown=None):
    return next(r for r in report.rows if r.indicator.code == code and (r.breakdown and r.breakdown.code) == breakdown)


def test_it_computes_percent_of_plan_and_change_against_last_year(catalogues):
    visits = Indicator.objects.get(code="KCB-LUOT-KHAM")
    assert round(percent_of_plan(Decimal(27662), Decimal(48024)), 1) == Decimal("57.6")
    found = change(visits, Decimal(27662), Decimal(27524))
    assert (found.absolute, round(found.percent, 2), found.kind) == (Decimal(138), Decimal("0.50"), "absolute")
    coverage = Indicator.objects.get(code="TCMR-DU-8")
    assert change(coverage, Decimal(35), Decimal("29.4")).kind == "percentage_points"


@pytest.fixture
def stations(world, catalogues):
    centre = world["TTYT-LAICHAU"]
    unit("TYT-P-TANPHONG", "Trạm Y tế phường Tân Phong", OrganisationKind.COMMUNE_STATION, LAI_CHAU, centre)
    return centre, list(centre.children.filter(kind="commune_station").order_by("code"))


def store(org, code, period, value=None, numerator=None, denominator=None):
    return data_value(org.code, code, period, value, numerator, denominator)


def test_it_adds_up_a_centre_from_its_stations_and_recomputes_ratios_from_parts(stations):
    centre, (first, second) = stations
    store(first, "TT-BUOI", "2025Q1", 10)
    store(second, "TT-BUOI", "2025Q1", 15)
    store(first, "TCMR-DU-8", "2025Q1", numerator=30, denominator=40)
    store(second, "TCMR-DU-8", "2025Q1", numerator=10, denominator=60)
    report = build_report(organisations_for(None, unit=centre), "2025Q1")
    sessions = row_of(report, "TT-BUOI")
    assert sessions.result.value == 25
    assert sessions.result.is_derived
    assert row_of(report, "TCMR-DU-8").result_text == "40% (40/100)"


def test_it_builds_a_half_year_and_the_year_to_date_from_months_and_quarters(stations):
    _centre, (station, _other) = stations
    for month, value in zip(range(1, 7), (1, 2, 3, 4, 5, 6), strict=True):
        store(station, "TT-BUOI", f"2026{month:02d}", value)
    store(station, "TT-BUOI", "2026Q3", 100)
    station_only = organisations_for(None, unit=station)
    assert row_of(build_report(station_only, "2026S1"), "TT-BUOI").result.value == 21
    assert row_of(build_report(station_only, "2026N9"), "TT-BUOI").result.value == 121


def test_it_takes_the_latest_figure_of_a_stock_over_a_year(world, catalogues):
    centre = world["TTYT-BINHXUYEN"]
    store(centre, "NL-VIENCHUC", "202406", 400)
    store(centre, "NL-VIENCHUC", "202412", 419)
    store(centre, "CSVC-TRAM-CHUAN", "2024", numerator=9, denominator=22)
    report = build_report(organisations_for(None, unit=centre), "2024")
    assert row_of(report, "NL-VIENCHUC").result_text == "419"
    assert row_of(report, "CSVC-TRAM-CHUAN").result_text == "40,9% (9/22)"
