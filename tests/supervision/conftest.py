"""Supervision fixtures: rounds and visits built on the units of `world` and the shared
catalogues (tests/supervision/builders.py), and the seed set's October 2025 round of Bình
Xuyên for the tests that stand on the seeds."""

import pytest

from supervision.models import ContentArea, SupervisionRound
from tests.supervision.builders import OCTOBER_ROUND, station_visit, supervision_round, team_leader


@pytest.fixture
def october_round(seeded):
    return SupervisionRound.objects.get(code=OCTOBER_ROUND)


@pytest.fixture
def area(catalogues):
    """Nhân lực y tế, 10 points (criterion 2 of 1300/QĐ-BYT)."""
    return ContentArea.objects.get(code="TC1300-02")


@pytest.fixture
def unscored_area(catalogues):
    return ContentArea.objects.get(code="GS-YTDP")


@pytest.fixture
def make_round(world, catalogues):
    return supervision_round


@pytest.fixture
def make_visit(world, catalogues):
    return station_visit


@pytest.fixture
def leader(world):
    return team_leader()
