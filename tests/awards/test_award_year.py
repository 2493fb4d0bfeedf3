"""One rule for the year of an award, read by the yearly report and the eligibility list alike:
a decision with only a year counts in that year, one with no date at all is listed apart."""

import datetime as dt

import pytest

from awards import reports, rules
from awards.models import AwardDecision, AwardForm, AwardRecord
from healthcentre.models import Organisation

from .factories import award, person, ubnd_phu_tho

REPORT = "/admin/awards/awardrecord/report/"


def decision_dated(date, precision, number):
    return AwardDecision.objects.create(
        number=number,
        date=date,
        date_precision=precision,
        issuer=ubnd_phu_tho(),
        filed_by=Organisation.objects.get(code="TTYT-BINHXUYEN"),
    )


def commend(decision, code):
    record = AwardRecord(
        form=AwardForm.objects.get(code="CSTD-CO-SO"), recipient_person=person(code), decision=decision
    )
    record.fill_derived()
    record.full_clean()
    record.save()
    return record


@pytest.mark.usefixtures("world", "catalogues")
def test_a_decision_of_only_a_year_counts_in_that_year_in_the_report_and_the_eligibility():
    someone = person("ba-nam-test")
    award("CSTD-CO-SO", 2023, person=someone)
    award("CSTD-CO-SO", 2024, person=someone)
    only_a_year = commend(decision_dated(dt.date(2025, 1, 1), "year", "1/QĐ-NAM"), "ba-nam-test")
    assert only_a_year in AwardRecord.objects.in_year(2025)
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    assert only_a_year in reports.filtered(AwardRecord.objects.all(), year=2025, unit=unit)
    eligible = rules.newly_eligible(2025, AwardRecord.objects.all())
    assert someone in [found.recipient for found in eligible]


@pytest.mark.usefixtures("world", "catalogues")
def test_an_award_of_no_known_year_is_listed_as_year_unknown_in_the_report(client_for, superuser):
    undated = commend(decision_dated(None, "", "2/QĐ-KHONGNGAY"), "khong-ngay-test")
    assert undated in AwardRecord.objects.in_year(None)
    assert undated not in AwardRecord.objects.in_year(2025)
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    page = client_for(superuser).get(REPORT, {"year": 2025, "unit": unit.pk}).content.decode()
    section = page[page.index('id="unknown-year"') :]
    assert "Năm chưa rõ" in section
    assert "Nguyễn Thị Test" in section
    assert "2/QĐ-KHONGNGAY" in section


@pytest.mark.usefixtures("world", "catalogues")
def test_the_achievement_year_is_the_same_in_python_and_in_the_query():
    someone = person("cung-nam-test")
    record = award("CSTD-CO-SO", 2022, person=someone)
    assert AwardRecord.objects.with_award_year().get(pk=record.pk).award_year == record.achievement_year == 2022
