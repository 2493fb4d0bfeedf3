from healthcentre.models import Organisation
from indicators.models import DataValue, Indicator
from indicators.periods import periods_for
from indicators.validation import is_outlier
from tests.indicators.helpers import data_value


def test_it_flags_a_value_far_from_the_units_own_history():
    assert is_outlier(500, [100, 110, 95, 105])
    assert not is_outlier(112, [100, 110, 95, 105])
    assert not is_outlier(500, [100, 110])


def test_the_violations_report_lists_broken_rules_and_outliers(world, catalogues, client_for, superuser):
    # Lai Châu's first half of 2025, as reported: its sessions, and its food-safety checks adding up.
    for code, figure in (("TT-BUOI", 158), ("ATTP-KT", 876), ("ATTP-KT-LN", 477), ("ATTP-KT-TK", 399)):
        data_value("TTYT-LAICHAU", code, "2025S1", figure)
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    sessions = Indicator.objects.get(code="TT-BUOI")
    for year, value in ((2021, 150), (2022, 160), (2023, 155), (2024, 158)):
        DataValue.objects.create(
            organisation=unit, indicator=sessions, period=periods_for([f"{year}S1"])[f"{year}S1"], value=value
        )
    DataValue.objects.filter(organisation=unit, indicator__code="TT-BUOI", period__code="2025S1").update(value=5000)
    # Written behind the checks' back, as a database fix or an old import might have done.
    DataValue.objects.filter(organisation=unit, indicator__code="ATTP-KT-TK", period__code="2025S1").update(value=10)
    page = (
        client_for(superuser)
        .get("/admin/indicators/datavalue/violations/?unit=TTYT-LAICHAU&period=2025S1")
        .content.decode()
    )
    assert "Tổng lượt kiểm tra ATVSTP phải bằng" in page
    assert "5.000 khác xa các giá trị trước đây của đơn vị" in page
