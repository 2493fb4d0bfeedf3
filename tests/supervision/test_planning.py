import datetime as dt

import pytest

from healthcentre.models import Organisation
from supervision.planning import add_months, not_visited_within, station_plans
from tests.supervision.builders import october_round as october_round_of


@pytest.fixture
def october_round(world, catalogues):
    """Bình Xuyên's October 2025 round, visiting each of its three stations (no day per visit)."""
    return october_round_of("TYT-X-BINHTUYEN", "DT-BINHXUYEN-HUONGCANH")


def plans_by_code(plans):
    return {p.station.code: p for p in plans}


def test_it_dates_the_next_visit_from_the_last_one(october_round, make_visit, make_round):
    stations = Organisation.objects.get(code="TTYT-BINHXUYEN").descendants()
    visit = make_visit(
        "TYT-X-BINHTUYEN", dt.date(2026, 3, 3), make_round("R-2026", dt.date(2026, 3, 2), dt.date(2026, 3, 6))
    )
    visit.next_visit_due = dt.date(2026, 9, 1)
    visit.save()
    plans = plans_by_code(station_plans(stations))
    assert set(plans) == {"TYT-X-BINHNGUYEN", "TYT-X-BINHTUYEN", "DT-BINHXUYEN-HUONGCANH"}  # one a station
    # The October round gives no day per visit: its last day stands for it.
    assert plans["TYT-X-BINHNGUYEN"].next_due == dt.date(2026, 10, 21)
    assert plans["TYT-X-BINHTUYEN"].next_due == dt.date(2026, 9, 1)


def test_it_lists_stations_not_visited_within_an_interval(october_round):
    stations = Organisation.objects.filter(code__in=["TYT-X-BINHNGUYEN", "TYT-P-DOANKET"])  # never visited
    late = not_visited_within(stations, 6, dt.date(2026, 5, 1))
    assert {p.station.code for p in late} == {"TYT-X-BINHNGUYEN", "TYT-P-DOANKET"}
    recent = not_visited_within(stations, 12, dt.date(2026, 5, 1))
    assert {p.station.code for p in recent} == {"TYT-P-DOANKET"}


def test_it_adds_months_to_the_end_of_a_short_month():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 10, 21), -12) == dt.date(2024, 10, 21)


def test_the_planning_page_lists_the_centres_stations(october_round, client_for, centre_admin):
    client = client_for(centre_admin)
    page = client.get("/admin/supervision/visit/planning/?months=1").content.decode()
    assert "Điểm trạm Y tế Hương Canh" in page
    assert "Trạm Y tế phường Đoàn Kết" not in page  # another centre's
    assert client.get("/admin/supervision/visit/planning/?months=abc").status_code == 200
