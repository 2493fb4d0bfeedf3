"""The same rules as friendly messages, in Vietnamese, from the model's validation."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from healthcentre.models import Organisation
from supervision.models import ActionItem, ActionStatus, Finding, TeamMember, TeamRole, Visit
from tests.supervision.builders import october_round as october_round_of


@pytest.fixture
def october_round(world, leader):
    return october_round_of(leader=leader)


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_it_explains_a_visit_outside_its_rounds_dates(october_round):
    visit = Visit(round=october_round, station=october_round.visits.first().station, date=dt.date(2025, 10, 22))
    errors = errors_of(visit)
    assert errors["date"] == ["Ngày giám sát phải nằm trong thời gian của đợt (15-21/10/2025)."]


def test_it_accepts_visits_on_the_first_and_last_day_of_the_round(make_round):
    round_ = make_round()
    station = Organisation.objects.get(code="TYT-X-BINHNGUYEN")
    for day in (dt.date(2024, 11, 4), dt.date(2024, 11, 8)):
        Visit(round=round_, station=station, date=day).full_clean()
    assert "date" in errors_of(Visit(round=round_, station=station, date=dt.date(2024, 11, 3)))


def test_it_explains_a_member_listed_twice(october_round, leader):
    errors = errors_of(TeamMember(round=october_round, person=leader, role=TeamRole.MEMBER))
    assert "Người này đã có trong đoàn của đợt giám sát này." in errors["__all__"]


def test_it_explains_a_closed_action_without_a_date(make_visit):
    visit = make_visit()
    item = ActionItem(visit=visit, description="Sửa mái", responsible_unit=visit.station, status=ActionStatus.DONE)
    assert errors_of(item)["closed_date"] == ["Việc đã hoàn thành hoặc đã hủy phải có ngày đóng."]


def test_it_explains_scores_the_checklist_does_not_allow(make_visit, area, unscored_area):
    visit = make_visit()
    assert errors_of(Finding(visit=visit, area=area, score=11))["score"] == [
        "Điểm không được vượt quá 10 điểm tối đa của nội dung."
    ]
    assert errors_of(Finding(visit=visit, area=unscored_area, score=1))["score"] == [
        "Nội dung này không chấm điểm; hãy để trống ô điểm."
    ]
    Finding(visit=visit, area=area, score=10).full_clean()
