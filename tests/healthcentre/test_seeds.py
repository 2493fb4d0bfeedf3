from django.core.management import call_command

from healthcentre.models import Commune, ImportRun, LegacyDistrict, Organisation, Person


def test_it_loads_the_organisations_of_the_articles(seeded):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    assert centre.name == "Trung tâm Y tế khu vực Bình Xuyên"
    assert centre.province.name == "Tỉnh Phú Thọ"
    assert centre.descendants(include_self=False).filter(kind="station_point").count() == 13
    assert Organisation.objects.get(code="TTYT-TANYEN").children.filter(kind="commune_station").count() == 19
    assert Person.objects.get(code="phan-kim-trong").organisation == centre


def test_it_derives_the_four_communes_bình_xuyên_serves_today(seeded):
    district = LegacyDistrict.objects.get(name="Huyện Bình Xuyên")
    names = set(district.current_communes().values_list("name", flat=True))
    assert names == {"Xã Bình Nguyên", "Xã Bình Tuyền", "Xã Bình Xuyên", "Xã Xuân Lãng"}
    assert Commune.objects.count() == 3321


def test_running_the_seeds_again_changes_nothing(seeded):
    before = Organisation.objects.count(), Person.objects.count()
    call_command("load_seeds")
    assert (Organisation.objects.count(), Person.objects.count()) == before
    last = ImportRun.objects.filter(file_name="seeds/healthcentre/organisations.csv").first()
    assert last.status == ImportRun.Status.COMMITTED
    assert (last.rows_created, last.rows_updated, last.rows_unchanged) == (0, 0, 64)
