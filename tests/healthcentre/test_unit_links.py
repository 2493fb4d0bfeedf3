import pytest
from django.urls import reverse

from healthcentre.models import Organisation, Person


@pytest.mark.usefixtures("seeded")
def test_lai_châus_page_leads_to_its_indicator_report(client_for, superuser):
    client = client_for(superuser)
    centre = Organisation.objects.get(code="TTYT-LAICHAU")
    page = client.get(reverse("admin:healthcentre_organisation_change", args=[centre.pk])).content.decode()
    url = f"{reverse('admin:indicators_report')}?unit={centre.code}"
    assert url in page
    report = client.get(url).content.decode()
    assert "27.662" in report and "57,6%" in report


@pytest.mark.usefixtures("seeded")
def test_a_units_page_leads_to_its_history_supervision_and_awards(client_for, superuser):
    client = client_for(superuser)
    station = Organisation.objects.get(code="TYT-X-BINHNGUYEN")
    page = client.get(reverse("admin:healthcentre_organisation_change", args=[station.pk])).content.decode()
    for url in (
        reverse("admin:healthcentre_unit_history", args=[station.pk]),
        reverse("admin:supervision_station_history", args=[station.pk]),
        reverse("admin:awards_history", args=["unit", station.code]),
    ):
        assert url in page
        assert client.get(url).status_code == 200


@pytest.mark.usefixtures("seeded")
def test_a_persons_page_leads_to_their_awards(client_for, superuser):
    person = Person.objects.get(code="nguyen-van-hoan")
    client = client_for(superuser)
    page = client.get(reverse("admin:healthcentre_person_change", args=[person.pk])).content.decode()
    url = reverse("admin:awards_history", args=["person", person.code])
    assert url in page
    assert "Thầy thuốc Ưu tú" in client.get(url).content.decode()
