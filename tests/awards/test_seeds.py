"""Every award of the articles, at the article's level of detail."""

from django.core.management import call_command

from awards.models import AwardDecision, AwardForm, AwardRecord
from awards.reports import filtered, summarise
from healthcentre.models import Organisation


def test_it_ships_the_reward_multiples_of_decree_98(seeded):
    multiples = dict(AwardForm.objects.filter(reward_multiple__isnull=False).values_list("code", "reward_multiple"))
    assert {code: float(value) for code, value in multiples.items()} == {
        "CSTD-TOAN-QUOC": 4.5,
        "CSTD-TINH": 3.0,
        "CSTD-CO-SO": 1.0,
        "LAO-DONG-TIEN-TIEN": 0.3,
        "TT-LAO-DONG-XUAT-SAC": 1.5,
    }


def test_lai_chau_2025_is_five_collectives_and_twenty_three_individuals_on_two_occasions(seeded):
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    summary = summarise(filtered(AwardRecord.objects.all(), year=2025, unit=unit))
    assert (summary.collectives, summary.individuals) == (5, 23)
    occasions = [(line.decision.occasion[:20], line.collectives, line.individuals) for line in summary.by_decision]
    assert sorted(occasions) == [("Hội nghị điển hình t", 2, 8), ("Kỷ niệm 70 năm ngày ", 3, 15)]
    assert set(AwardRecord.objects.filter(organisation=unit).values_list("recipient_person", "recipient_unit")) == {
        (None, None)
    }


def test_tan_yen_keeps_its_collective_awards_and_three_meritorious_physicians(seeded):
    centre = Organisation.objects.get(code="TTYT-TANYEN")
    own = AwardRecord.objects.filter(recipient_unit=centre)
    assert sorted((r.form.code, r.decision.year) for r in own) == [
        ("BANG-KHEN-TINH", 2021),
        ("BANG-KHEN-TINH", 2023),
        ("CO-THI-DUA-TINH", 2024),
    ]
    physicians = AwardRecord.objects.filter(form__code="TTUT", organisation=centre)
    assert sorted(physicians.values_list("recipient_person__code", flat=True)) == [
        "le-thi-han",
        "nguyen-van-hoan",
        "pham-thi-anh-tuyet",
    ]
    assert all(r.decision is None and r.achievement_year is None for r in physicians)
    prime_minister = AwardRecord.objects.get(form__code="BANG-KHEN-TTG")
    assert (prime_minister.count, prime_minister.count_at_least, prime_minister.recipient_person) == (1, True, None)


def test_phan_kim_trong_is_a_meritorious_physician_year_unknown(seeded):
    record = AwardRecord.objects.get(recipient_person__code="phan-kim-trong")
    assert (record.form.code, record.achievement_year) == ("TTUT", None)


def test_running_the_seeds_again_changes_nothing(seeded):
    before = AwardRecord.objects.count(), AwardDecision.objects.count()
    call_command("load_seeds")
    assert (AwardRecord.objects.count(), AwardDecision.objects.count()) == before == (12, 6)
