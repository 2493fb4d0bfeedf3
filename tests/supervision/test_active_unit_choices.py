"""Forms offer the units active on the record's date: a ceased unit is no supervising unit of a
new round, nor a station of a new visit, nor a responsible unit of a new action item."""

import datetime as dt

import pytest
from django.contrib import admin
from django.test import RequestFactory

from healthcentre.models import Organisation
from supervision.models import ActionItem, SupervisionRound, Visit


def choices(model, user, obj=None, field="supervising_unit") -> set[str]:
    request = RequestFactory().get("/")
    request.user = user
    model_admin = admin.site.get_model_admin(model)
    form = model_admin.get_form(request, obj)
    return set(form.base_fields[field].queryset.values_list("code", flat=True))


@pytest.mark.usefixtures("seeded")
def test_a_new_round_offers_no_ceased_supervising_unit(superuser):
    offered = choices(SupervisionRound, superuser)
    assert "TTYT-TANYEN" in offered
    assert not {"BVDK-TANYEN", "TTYT-TANYEN-2005", "TTYT-TANYEN-1994"} & offered


@pytest.mark.usefixtures("seeded")
def test_an_old_round_offers_the_units_active_on_its_date(superuser):
    old = SupervisionRound.objects.create(
        code="TANYEN-GS-2010",
        title="Giám sát 2010",
        supervising_unit=Organisation.objects.get(code="TTYTDP-TANYEN"),
        start_date=dt.date(2010, 5, 3),
        end_date=dt.date(2010, 5, 7),
    )
    offered = choices(SupervisionRound, superuser, old)
    assert {"BVDK-TANYEN", "TTYTDP-TANYEN"} <= offered
    assert "TTYT-TANYEN" not in offered  # founded only in 2019


@pytest.mark.usefixtures("seeded")
def test_a_new_visit_and_action_item_offer_no_ceased_unit(superuser):
    assert "BVDK-TANYEN" not in choices(ActionItem, superuser, field="responsible_unit")
    assert "TTYT-TANYEN" in choices(ActionItem, superuser, field="responsible_unit")
    visit = Visit.objects.select_related("round").first()
    assert visit.station.code in choices(Visit, superuser, visit, field="station")


@pytest.mark.usefixtures("seeded")
def test_the_supervising_unit_autocomplete_offers_no_ceased_unit(client_for, superuser):
    answer = client_for(superuser).get(
        "/admin/autocomplete/",
        {
            "app_label": "supervision",
            "model_name": "supervisionround",
            "field_name": "supervising_unit",
            "term": "Tân Yên",
        },
    )
    names = {row["text"] for row in answer.json()["results"]}
    assert "Trung tâm Y tế huyện Tân Yên" in names
    assert "Bệnh viện Đa khoa huyện Tân Yên" not in names
