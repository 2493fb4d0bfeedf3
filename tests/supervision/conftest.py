"""Supervision fixtures built on the shared seeds: the October 2025 round of Bình Xuyên, and a
helper to record an earlier round with a visit, so "previous findings" have something to show."""

import datetime as dt

import pytest

from healthcentre.models import Organisation, Person
from supervision.models import ContentArea, SupervisionRound, Visit

OCTOBER_ROUND = "BINHXUYEN-GS-2025-10"


@pytest.fixture
def october_round(seeded):
    return SupervisionRound.objects.get(code=OCTOBER_ROUND)


@pytest.fixture
def area(seeded):
    """Nhân lực y tế, 10 points (criterion 2 of 1300/QĐ-BYT)."""
    return ContentArea.objects.get(code="TC1300-02")


@pytest.fixture
def unscored_area(seeded):
    return ContentArea.objects.get(code="GS-YTDP")


@pytest.fixture
def make_round(seeded):
    def make(code="TEST-ROUND", start=dt.date(2024, 11, 4), end=dt.date(2024, 11, 8), unit="TTYT-BINHXUYEN"):
        return SupervisionRound.objects.create(
            code=code,
            title=f"Giám sát thử {code}",
            supervising_unit=Organisation.objects.get(code=unit),
            start_date=start,
            end_date=end,
        )

    return make


@pytest.fixture
def make_visit(make_round):
    def make(station="TYT-X-BINHNGUYEN", day=dt.date(2024, 11, 5), round_=None):
        round_ = round_ or make_round()
        return Visit.objects.create(round=round_, station=Organisation.objects.get(code=station), date=day)

    return make


@pytest.fixture
def leader(seeded):
    return Person.objects.get(code="phan-kim-trong")
