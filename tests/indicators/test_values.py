import pytest
from django.db import IntegrityError, transaction

from healthcentre.models import Organisation
from indicators.models import DataValue, Indicator, PlanTarget
from indicators.periods import periods_for
from tests.indicators.helpers import data_value, plan_target


def test_it_refuses_a_second_value_for_the_same_unit_indicator_and_period(world, catalogues):
    existing = data_value("TTYT-LAICHAU", "TT-BUOI", "2025S1", 158)
    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.create(
            organisation=existing.organisation, indicator=existing.indicator, period=existing.period, value=1
        )


def test_it_refuses_a_second_plan_for_the_same_year(world, catalogues):
    plan = plan_target("TTYT-LAICHAU", "KCB-LUOT-KHAM", 2025, 48024, "khoảng")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanTarget.objects.create(organisation=plan.organisation, indicator=plan.indicator, year=2025, value=1)


def test_it_refuses_a_negative_value_in_the_database(world, catalogues):
    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.create(
            organisation=Organisation.objects.get(code="TTYT-BINHXUYEN"),
            indicator=Indicator.objects.get(code="TT-BUOI"),
            period=periods_for(["2025S1"])["2025S1"],
            value=-1,
        )


def test_it_runs_the_rules_on_entry_in_the_admin(catalogues, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    indicator = Indicator.objects.get(code="ATTP-DAT-LN")
    period = periods_for(["2025Q3"])["2025Q3"]
    response = client.post(
        "/admin/indicators/datavalue/add/",
        {
            "organisation": unit.pk,
            "indicator": indicator.pk,
            "period": period.pk,
            "numerator": "500",
            "denominator": "477",
            "qualifier": "",
            "stated_change_kind": "",
        },
    )
    assert response.status_code == 200
    assert "Số cơ sở đạt không được lớn hơn số cơ sở được kiểm tra" in response.content.decode()
    assert not DataValue.objects.filter(indicator=indicator, period=period).exists()


def test_it_tells_a_count_from_a_ratio_on_entry(catalogues, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    response = client.post(
        "/admin/indicators/datavalue/add/",
        {
            "organisation": Organisation.objects.get(code="TTYT-LAICHAU").pk,
            "indicator": Indicator.objects.get(code="TT-BUOI").pk,
            "period": periods_for(["2025Q3"])["2025Q3"].pk,
            "numerator": "5",
            "denominator": "7",
        },
    )
    assert "Chỉ tiêu này là số đếm" in response.content.decode()
