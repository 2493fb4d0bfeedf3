"""Dead ends a user met clicking through the seeded system: each reproduced, then fixed."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from healthcentre.history.asof import served_communes, state_on
from healthcentre.models import Organisation


def unit(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def change_page(client, organisation: Organisation) -> str:
    return html.unescape(
        client.get(reverse("admin:healthcentre_organisation_change", args=[organisation.pk])).content.decode()
    )


@pytest.mark.usefixtures("seeded")
def test_tân_yêns_indicator_report_link_opens_its_latest_period_with_figures(client_for, superuser):
    client = client_for(superuser)
    centre = unit("TTYT-TANYEN")
    url = f"{reverse('admin:indicators_report')}?unit=TTYT-TANYEN&period=2025"
    assert url in change_page(client, centre)
    assert "4.167" in client.get(url).content.decode()  # the techniques the 2025 article counts


@pytest.mark.usefixtures("seeded")
def test_a_unit_without_figures_links_to_the_current_period(client_for, superuser):
    from indicators.periods import last_ended_half_year

    client = client_for(superuser)
    station = unit("TYT-X-BINHNGUYEN")
    assert f"?unit=TYT-X-BINHNGUYEN&period={last_ended_half_year()}" in change_page(client, station)


@pytest.mark.usefixtures("seeded")
def test_a_centres_supervision_link_leads_to_the_rounds_it_ran(client_for, superuser):
    client = client_for(superuser)
    centre = unit("TTYT-BINHXUYEN")
    page = change_page(client, centre)
    rounds = f"{reverse('admin:supervision_supervisionround_changelist')}?supervising_unit__id__exact={centre.pk}"
    assert rounds in page
    assert reverse("admin:supervision_station_history", args=[centre.pk]) not in page
    listed = client.get(rounds).content.decode()
    assert "BINHXUYEN-GS-2025-10" in listed


@pytest.mark.usefixtures("seeded")
def test_a_stations_supervision_link_leads_to_the_visits_it_received(client_for, superuser):
    client = client_for(superuser)
    station = unit("TYT-X-BINHNGUYEN")
    page = change_page(client, station)
    assert reverse("admin:supervision_station_history", args=[station.pk]) in page
    assert "supervising_unit__id__exact" not in page


@pytest.mark.usefixtures("seeded")
def test_tân_yêns_own_timeline_shows_the_splits_its_lineage_went_through(client_for, superuser):
    centre = unit("TTYT-TANYEN")
    page = client_for(superuser).get(reverse("admin:healthcentre_unit_history", args=[centre.pk])).content.decode()
    for code in ("TANYEN-2005-TACH", "TANYEN-2006-TACH", "TANYEN-2019-SAPNHAP"):
        assert f'data-code="{code}"' in page


@pytest.mark.usefixtures("seeded")
def test_tân_yên_in_2020_had_no_recorded_managing_body_and_in_2025_the_district(client_for, superuser):
    centre = unit("TTYT-TANYEN")
    in_2020 = state_on(centre, dt.date(2020, 6, 15))
    assert in_2020.managing_authority is None
    assert in_2020.parent is None  # the People's Committee only from 01/01/2025
    in_2025 = state_on(centre, dt.date(2025, 3, 1))
    assert in_2025.managing_authority.authority.code == "UBND-TANYEN"
    assert in_2025.parent.code == "UBND-TANYEN"
    page = (
        client_for(superuser)
        .get(reverse("admin:healthcentre_unit_history", args=[centre.pk]), {"on": "15/6/2020"})
        .content.decode()
    )
    state = page[page.index('class="state-name"') : page.index('class="state-structure"')]
    assert "Ủy ban nhân dân huyện Tân Yên" not in state


@pytest.mark.usefixtures("seeded")
def test_units_under_the_district_in_2020_leave_out_tân_yên():
    from healthcentre.history.asof import units_under_on

    district = unit("UBND-TANYEN")
    assert "TTYT-TANYEN" not in {u.code for u in units_under_on(district, dt.date(2020, 6, 15))}
    assert "TTYT-TANYEN" in {u.code for u in units_under_on(district, dt.date(2025, 3, 1))}


@pytest.mark.usefixtures("seeded")
def test_units_active_on_a_date_leave_out_those_ceased_or_not_yet_founded():
    active_2020 = set(Organisation.objects.active_on(dt.date(2020, 6, 15)).values_list("code", flat=True))
    assert "TTYT-TANYEN" in active_2020
    assert not {"BVDK-TANYEN", "TTYT-TANYEN-2005", "TTYT-TANYEN-1994"} & active_2020
    assert "BVDK-TANYEN" in set(Organisation.objects.active_on(dt.date(2010, 1, 1)).values_list("code", flat=True))


@pytest.mark.usefixtures("seeded")
def test_a_ceased_unit_serves_no_communes_since_the_2025_reform(client_for, superuser):
    ceased = unit("BVDK-TANYEN")
    assert ceased.legacy_district is not None
    assert list(served_communes(ceased)) == []
    assert list(served_communes(unit("TTYT-TANYEN")))  # the living centre still does
    page = client_for(superuser).get(reverse("admin:healthcentre_unit_history", args=[ceased.pk])).content.decode()
    assert 'class="communes"' not in page
