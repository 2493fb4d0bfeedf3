from indicators.models import DataValue


def results(client, term):
    response = client.get("/admin/indicators/datavalue/", {"q": term})
    assert response.status_code == 200
    return response, list(response.context["cl"].result_list)


def test_it_finds_values_by_unit_name_without_accents(seeded, client_for, superuser):
    response, found = results(client_for(superuser), "lai chau")
    expected = set(DataValue.objects.filter(organisation__name__icontains="Lai Châu").values_list("pk", flat=True))
    assert 0 < len(expected) <= 50  # one page holds them all
    assert {v.pk for v in found} == expected
    assert "Lai Châu" in response.content.decode()


def test_it_needs_every_word_to_match_a_unit_or_an_indicator(seeded, client_for, superuser):
    _response, found = results(client_for(superuser), "laichau kcb-luot-kham")
    assert [(v.organisation.code, v.indicator.code) for v in found] and all(
        (v.organisation.code, v.indicator.code) == ("TTYT-LAICHAU", "KCB-LUOT-KHAM") for v in found
    )
    _response, nothing = results(client_for(superuser), "laichau khong-co-chi-tieu-nay")
    assert nothing == []
