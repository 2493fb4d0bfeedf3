"""Each rule is kept by the database even when the forms are bypassed."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from supervision.models import ActionItem, ActionStatus, Finding, TeamMember, TeamRole
from tests.records import person
from tests.supervision.builders import october_round as october_round_of


@pytest.fixture
def october_round(world, leader):
    return october_round_of(leader=leader)


def test_it_refuses_the_same_member_twice_on_a_team(october_round, leader):
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(round=october_round, person=leader, role=TeamRole.MEMBER)


def test_it_refuses_a_second_team_leader(october_round):
    other = person("vu-van-phi", "TTYT-LAICHAU", full_name="Vũ Văn Phi")
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(round=october_round, person=other, role=TeamRole.LEADER)


def test_it_refuses_a_closed_action_without_a_closing_date(make_visit):
    visit = make_visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.create(
            visit=visit, description="Bổ sung sổ sách", responsible_unit=visit.station, status=ActionStatus.DONE
        )
    done = ActionItem.objects.create(
        visit=visit,
        description="Bổ sung sổ sách",
        responsible_unit=visit.station,
        status=ActionStatus.DONE,
        closed_date=dt.date(2024, 12, 1),
    )
    assert done.number == 1


def test_it_refuses_a_round_that_ends_before_it_starts(make_round):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_round(start=dt.date(2024, 11, 8), end=dt.date(2024, 11, 4))


def test_it_refuses_a_negative_score_and_a_second_finding_for_an_area(make_visit, area):
    visit = make_visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(visit=visit, area=area, score=-1)
    Finding.objects.create(visit=visit, area=area, score=8)
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(visit=visit, area=area, score=9)


def test_it_refuses_the_same_station_twice_in_a_round(make_visit):
    visit = make_visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_visit(round_=visit.round)
