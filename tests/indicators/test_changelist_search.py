import pytest

from indicators.models import DataValue
from tests.indicators.helpers import data_value


@pytest.fixture
def figures(world, catalogues) -> None:
    """Figures of the Lai Châu centre, of its station (whose name does not say Lai Châu) and of
    Bình Xuyên, for two indicators."""
    for unit_code in ("TTYT-LAICHAU", "TYT-P-DOANKET", "TTYT-BINHXUYEN"):
        data_value(unit_code, "KCB-LUOT-KHAM", "2025S1", 27662)
        data_value(unit_code, "TT-BUOI", "2025S1", 158)


def results(client, term):
    response = client.get("/admin/indicators/datavalue/", {"q": term})
    assert response.status_code == 200
    return response, list(response.context["cl"].result_list)


def test_it_finds_values_by_unit_name_without_accents(figures, client_for, superuser):
    response, found = results(client_for(superuser), "lai chau")
    expected = set(DataValue.objects.filter(organisation__name__icontains="Lai Châu").values_list("pk", flat=True))
    assert 0 < len(expected) <= 50  # one page holds them all
    assert {v.pk for v in found} == expected
    assert "Lai Châu" in response.content.decode()


def test_it_needs_every_word_to_match_a_unit_or_an_indicator(figures, client_for, superuser):
    _response, found = results(client_for(superuser), "laichau kcb-luot-kham")
    assert [(v.organisation.code, v.indicator.code) for v in found] and all(
        (v.organisation.code, v.indicator.code) == ("TTYT-LAICHAU", "KCB-LUOT-KHAM") for v in found
    )
    _response, nothing = results(client_for(superuser), "laichau khong-co-chi-tieu-nay")
    assert nothing == []
