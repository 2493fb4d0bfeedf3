from django.core.management import call_command

from indicators.models import DataValue, PlanTarget


def test_it_loads_the_articles_figures_with_derived_ones_marked(seeded):
    visits = DataValue.objects.get(
        organisation__code="TTYT-LAICHAU", indicator__code="KCB-LUOT-KHAM", period__code="2025S1"
    )
    assert (visits.value, visits.is_derived, visits.stated_change, visits.stated_change_kind) == (
        27662,
        False,
        138,
        "absolute",
    )
    before = DataValue.objects.get(
        organisation__code="TTYT-LAICHAU", indicator__code="KCB-LUOT-KHAM", period__code="2024S1"
    )
    assert (before.value, before.is_derived) == (27524, True)
    plan = PlanTarget.objects.get(organisation__code="TTYT-LAICHAU", indicator__code="KCB-LUOT-KHAM", year=2025)
    assert (plan.is_derived, plan.qualifier) == (True, "khoảng")
    vaccinated = DataValue.objects.get(organisation__code="TTYT-LAICHAU", indicator__code="TCMR-DU-8")
    assert (vaccinated.numerator, vaccinated.denominator, vaccinated.value) == (279, 796, None)
    assert vaccinated.stated_change_kind == "percentage_points"
    measles = DataValue.objects.get(organisation__code="TTYT-LAICHAU", breakdown__code="SOI")
    assert measles.value == 141
    # "hơn 63 nghìn lượt khám ngoại trú" counts outpatient visits, not outpatient treatments.
    outpatient_visits = DataValue.objects.get(organisation__code="TTYT-BINHXUYEN", indicator__code="KCB-LUOT-KHAM")
    assert (outpatient_visits.value, outpatient_visits.qualifier) == (63000, "hơn")
    assert not DataValue.objects.filter(organisation__code="TTYT-BINHXUYEN", indicator__code="KCB-NGOAITRU").exists()
    assert (
        DataValue.objects.get(organisation__code="TTYT-TANYEN", indicator__code="NL-VIENCHUC").period.code == "202412"
    )


def test_loading_the_seeds_again_changes_nothing(seeded):
    before = list(DataValue.objects.order_by("pk").values_list("pk", "value", "import_run"))
    call_command("load_seeds")
    assert list(DataValue.objects.order_by("pk").values_list("pk", "value", "import_run")) == before
