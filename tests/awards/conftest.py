"""Fixtures of the awards tests, built on `world` and `catalogues` (tests/conftest.py)."""

import pytest

from awards.models import AwardRecord

from .factories import lai_chau_2025


@pytest.fixture
def lai_chau_awards(world, catalogues) -> list[AwardRecord]:
    """The Lai Châu centre's count-only Giấy khen of 2025, on two decisions (factories.lai_chau_2025)."""
    return lai_chau_2025()
