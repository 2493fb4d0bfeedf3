"""Cells as offices write them, in a results table: stated changes and periods in a title."""

from decimal import Decimal

import pytest

from indicators.importing.office import parse_change, suggested_role
from indicators.periods import period_in_title


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("tăng 12,5%", (Decimal("12.5"), "growth_percent", "")),
        ("giảm 8,25%", (Decimal("-8.25"), "growth_percent", "")),
        ("tăng 14.2%", (Decimal("14.2"), "growth_percent", "")),  # 14,2 written with a dot, not 142
        ("−2,1 điểm %", (Decimal("-2.1"), "percentage_points", "")),
        ("giảm 1.234", (Decimal("-1234"), "absolute", "")),
        ("giảm", (None, "", "So với cùng kỳ: giảm")),  # a direction with no figure, never a zero
    ],
)
def test_a_stated_change_is_read_with_its_sign_and_kind(written, read):
    assert parse_change(written) == read


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2025", "2025N9"),
        ("Sơ kết 6 tháng đầu năm 2024", "2024S1"),
        ("BÁO CÁO 6 THÁNG CUỐI NĂM 2023", "2023S2"),
        ("TỔNG KẾT NĂM 2022", "2022"),
        ("Quý III năm 2025", "2025Q3"),
        ("TRUNG TÂM Y TẾ KHU VỰC BÌNH XUYÊN", None),
    ],
)
def test_the_period_a_title_names(title, period):
    assert period_in_title([title]) == period


def test_a_headings_role_follows_the_period_it_names():
    roles = [suggested_role(h, "2025N9") for h in ("Kế hoạch năm 2025", "9 tháng 2024", "9 tháng 2025", "% KH")]
    assert roles == ["plan", "last_year", "result", "published"]
