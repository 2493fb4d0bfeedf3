import datetime as dt

import pytest

from indicators.periods import PeriodCodeError, label_of, parse_period, same_period_last_year


@pytest.mark.parametrize(
    ("code", "canonical", "kind", "start", "end"),
    [
        ("2025", "2025", "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2025s1", "2025S1", "half_year", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
        ("2025S2", "2025S2", "half_year", dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        ("2025N9", "2025N9", "nine_months", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        ("2025Q3", "2025Q3", "quarter", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        ("202502", "202502", "month", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        ("7/2025", "202507", "month", dt.date(2025, 7, 1), dt.date(2025, 7, 31)),
    ],
)
def test_it_reads_dhis2_style_period_codes(code, canonical, kind, start, end):
    spec = parse_period(code)
    assert (spec.code, spec.kind, spec.start, spec.end) == (canonical, kind, start, end)


def test_it_refuses_a_code_it_does_not_know_with_the_codes_it_accepts():
    with pytest.raises(PeriodCodeError, match="2025S1"):
        parse_period("6 tháng 2025")


def test_it_names_the_same_period_last_year_and_labels_it():
    assert same_period_last_year("2025S1") == "2024S1"
    assert same_period_last_year("202507") == "202407"
    assert label_of("2025S1") == "6 tháng đầu năm 2025"
