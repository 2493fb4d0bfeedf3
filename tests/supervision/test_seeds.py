import datetime as dt

from django.core.management import call_command

from healthcentre.models import ImportRun
from supervision.models import ActionItem, AreaSource, ContentArea, Finding, TeamRole, Visit, VisitKind


def test_it_loads_the_october_2025_round_as_the_article_tells_it(october_round):
    assert october_round.supervising_unit.code == "TTYT-BINHXUYEN"
    assert (october_round.start_date, october_round.end_date) == (dt.date(2025, 10, 15), dt.date(2025, 10, 21))
    assert october_round.span == "15-21/10/2025"
    assert october_round.leader.code == "phan-kim-trong"
    assert list(october_round.team.values_list("role", flat=True)) == [TeamRole.LEADER]
    assert october_round.decision is None
    assert "chỉ cho biết khoảng thời gian" in october_round.notes


def test_it_records_the_four_communes_and_the_thirteen_station_premises(october_round):
    visits = october_round.visits.select_related("station")
    communes = {v.station.code for v in visits if v.kind == VisitKind.WORKING_SESSION}
    premises = {v.station.code for v in visits if v.kind == VisitKind.SITE_SURVEY}
    assert communes == {"TYT-X-BINHNGUYEN", "TYT-X-BINHTUYEN", "TYT-X-BINHXUYEN", "TYT-X-XUANLANG"}
    assert len(premises) == 13
    assert all(code.startswith("DT-BINHXUYEN-") for code in premises)
    # The article's own word for them in October 2025 is kept where it is quoted.
    surveys = [v for v in visits if v.kind == VisitKind.SITE_SURVEY]
    assert all("khảo sát thực tế tại trụ sở 13 Trạm Y tế" in v.notes for v in surveys)


def test_it_invents_no_dates_findings_scores_or_actions(october_round):
    assert not october_round.visits.filter(date__isnull=False).exists()
    assert not Finding.objects.filter(visit__round=october_round).exists()
    assert not ActionItem.objects.filter(visit__round=october_round).exists()


def test_it_lists_the_content_areas_of_the_article(october_round):
    names = list(october_round.content_areas.order_by("position").values_list("name", flat=True))
    assert len(names) == 8
    assert names[0] == "Quản lý, điều hành, xây dựng kế hoạch hoạt động y tế xã"
    assert "An toàn vệ sinh thực phẩm" in names
    assert "Sơ tuyển sức khỏe nghĩa vụ quân sự" in names


def test_it_ships_the_ten_national_criteria_worth_100_points(seeded):
    criteria = ContentArea.objects.filter(source=AreaSource.NATIONAL_CRITERIA)
    assert criteria.count() == 10
    assert sum(criteria.values_list("max_points", flat=True)) == 100
    assert criteria.get(code="TC1300-05").max_points == 19


def test_running_the_seeds_again_changes_nothing(october_round):
    before = Visit.objects.count(), ContentArea.objects.count()
    call_command("load_seeds")
    assert (Visit.objects.count(), ContentArea.objects.count()) == before
    last = ImportRun.objects.filter(file_name="seeds/supervision/visits.csv").first()
    assert (last.status, last.rows_created, last.rows_updated, last.rows_unchanged) == ("committed", 0, 0, 17)
