"""Every rule of awards/rules.py, as the officer reads it."""

from awards import rules
from awards.models import AwardStatus
from healthcentre.models import Organisation

from .factories import award, person


def messages(record):
    return [f.message for f in rules.check(record)]


def test_it_warns_when_a_collective_gets_an_individual_title(world, catalogues):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    record = award("CSTD-CO-SO", 2025, unit=centre, save=False)
    assert messages(record) == [
        "“Chiến sĩ thi đua cơ sở” là danh hiệu cho chỉ cá nhân, nhưng người/đơn vị nhận là tập thể."
    ]


def test_it_accepts_an_individual_for_an_individual_title(world, catalogues):
    assert messages(award("CSTD-CO-SO", 2025, person=person(), save=False)) == []


def test_it_warns_when_the_same_achievement_is_commended_twice(world, catalogues):
    someone = person()
    award("BANG-KHEN-TINH", 2024, person=someone)
    again = award("BANG-KHEN-TINH", 2024, person=someone, status=AwardStatus.PROPOSED, save=False)
    (message,) = messages(again)
    assert "đã có “Bằng khen của bộ, ban, ngành, tỉnh” cho thành tích này (2024" in message
    assert messages(award("BANG-KHEN-TINH", 2025, person=someone, save=False)) == []


def test_it_warns_for_cstd_tinh_without_three_consecutive_years_of_cstd_co_so(world, catalogues):
    someone = person()
    award("CSTD-CO-SO", 2023, person=someone)
    award("CSTD-CO-SO", 2025, person=someone)
    proposal = award("CSTD-TINH", 2025, person=someone, status=AwardStatus.PROPOSED, save=False)
    assert messages(proposal) == [
        "“Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh” cần 3 lần liên tục “Chiến sĩ thi đua cơ sở” đến năm 2025; "
        "hồ sơ có: 2025."
    ]


def test_it_accepts_cstd_tinh_after_three_consecutive_years(world, catalogues):
    someone = person()
    for year in (2023, 2024, 2025):
        award("CSTD-CO-SO", year, person=someone)
    assert messages(award("CSTD-TINH", 2025, person=someone, status=AwardStatus.PROPOSED, save=False)) == []


def test_it_warns_for_toan_quoc_without_two_consecutive_cstd_tinh(world, catalogues):
    someone = person()
    for year in (2017, 2018, 2019):
        award("CSTD-CO-SO", year, person=someone)
    award("CSTD-TINH", 2019, person=someone)
    (message,) = messages(award("CSTD-TOAN-QUOC", 2022, person=someone, save=False))
    assert message.startswith("“Chiến sĩ thi đua toàn quốc” cần 2 lần liên tục “Chiến sĩ thi đua cấp bộ")


def test_it_accepts_toan_quoc_after_two_consecutive_cstd_tinh(world, catalogues):
    someone = person()
    for year in (2017, 2018, 2019, 2020, 2021, 2022):
        award("CSTD-CO-SO", year, person=someone)
    award("CSTD-TINH", 2019, person=someone)
    award("CSTD-TINH", 2022, person=someone)
    assert messages(award("CSTD-TOAN-QUOC", 2022, person=someone, save=False)) == []


def test_it_warns_for_thay_thuoc_nhan_dan_without_thay_thuoc_uu_tu(world, catalogues):
    someone = person()
    assert messages(award("TTND", 2025, person=someone, save=False)) == [
        "“Thầy thuốc Nhân dân” cần có “Thầy thuốc Ưu tú” trước; hồ sơ có: không có."
    ]
    award("TTUT", None, person=someone)
    assert messages(award("TTND", 2025, person=someone, save=False)) == []


def test_a_rejected_proposal_raises_no_warning(world, catalogues):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    assert messages(award("CSTD-TINH", 2025, unit=centre, status=AwardStatus.REJECTED, save=False)) == []


def test_it_lists_who_became_eligible_for_the_next_level_this_year(world, catalogues):
    ready, not_yet = person("san-sang"), person("chua-du")
    for year in (2023, 2024, 2025):
        award("CSTD-CO-SO", year, person=ready)
    award("CSTD-CO-SO", 2025, person=not_yet)
    from awards.models import AwardRecord

    found = rules.newly_eligible(2025, AwardRecord.objects.all())
    assert [(e.recipient.code, e.next_form.code, e.years) for e in found] == [
        ("san-sang", "CSTD-TINH", [2023, 2024, 2025])
    ]
    award("CSTD-TINH", 2025, person=ready, status=AwardStatus.PROPOSED)
    assert rules.newly_eligible(2025, AwardRecord.objects.all()) == []
