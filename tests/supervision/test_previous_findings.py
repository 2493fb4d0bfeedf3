import datetime as dt

import pytest

from supervision.models import Finding
from supervision.reports.minutes import minutes_of
from supervision.rules import previous_findings, previous_visit
from tests.supervision.builders import october_round as october_round_of


@pytest.fixture
def october_round(world):
    return october_round_of()


def test_it_finds_the_previous_visit_to_the_same_station(make_round, make_visit, october_round, area, centre_admin):
    earlier = make_visit(
        round_=make_round("R-2023", dt.date(2023, 10, 2), dt.date(2023, 10, 6)), day=dt.date(2023, 10, 3)
    )
    latest = make_visit(round_=make_round("R-2024"), day=dt.date(2024, 11, 5))
    Finding.objects.create(visit=earlier, area=area, findings="Thiếu 2 điều dưỡng", score=6)
    Finding.objects.create(visit=latest, area=area, findings="Còn thiếu 1 điều dưỡng", score=8)
    october = october_round.visits.get(station__code="TYT-X-BINHNGUYEN")
    assert previous_visit(october, centre_admin) == latest
    assert previous_visit(latest, centre_admin) == earlier
    assert previous_visit(earlier, centre_admin) is None
    assert previous_findings(october, centre_admin)[area.pk].findings == "Còn thiếu 1 điều dưỡng"


def test_it_shows_the_previous_findings_beside_the_new_ones(make_round, make_visit, area, client_for, centre_admin):
    earlier = make_visit(
        round_=make_round("R-2023", dt.date(2023, 10, 2), dt.date(2023, 10, 6)), day=dt.date(2023, 10, 3)
    )
    Finding.objects.create(
        visit=earlier, area=area, findings="Thiếu 2 điều dưỡng", score=6, recommendations="Tuyển thêm"
    )
    visit = make_visit(round_=make_round("R-2024"))
    Finding.objects.create(visit=visit, area=area, findings="Còn thiếu 1 điều dưỡng", score=8)
    client = client_for(centre_admin)
    page = client.get(f"/admin/supervision/visit/{visit.pk}/change/").content.decode()
    assert "Thiếu 2 điều dưỡng" in page
    assert "6.0/10" in page or "6,0/10" in page
    minutes = client.get(f"/admin/supervision/visit/{visit.pk}/minutes/").content.decode()
    assert "Thiếu 2 điều dưỡng" in minutes and "Còn thiếu 1 điều dưỡng" in minutes
    row = next(r for r in minutes_of(visit, centre_admin)["rows"] if r.area == area)
    assert (row.finding.score, row.previous.score) == (8, 6)
