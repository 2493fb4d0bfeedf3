from django.core.management import call_command

from healthcentre.models import Commune, CommuneConversion, LegacyCommune, LegacyDistrict, LegacyProvince, Province


def test_it_loads_every_division_of_the_package(seeded):
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    assert LegacyProvince.objects.count() == 63
    assert LegacyDistrict.objects.count() == 696
    assert LegacyCommune.objects.count() > 10_000
    lai_chau_city = LegacyDistrict.objects.get(name="Thành phố Lai Châu")
    assert lai_chau_city.communes.count() == 7
    assert set(lai_chau_city.current_communes().values_list("name", flat=True)) == {
        "Phường Tân Phong",
        "Phường Đoàn Kết",
    }


def test_loading_again_changes_nothing(seeded):
    before = (Commune.objects.count(), CommuneConversion.objects.count())
    call_command("load_divisions")
    assert (Commune.objects.count(), CommuneConversion.objects.count()) == before


def test_divisions_are_browsable_but_read_only(client_for, superuser):
    client = client_for(superuser)
    response = client.get("/admin/healthcentre/commune/", {"q": "binh nguyen"})
    assert response.status_code == 200
    assert "Xã Bình Nguyên" in response.content.decode()
    assert client.get("/admin/healthcentre/commune/add/").status_code == 403
    commune = Commune.objects.get(name="Xã Bình Nguyên", province__name="Tỉnh Phú Thọ")
    page = client.get(f"/admin/healthcentre/commune/{commune.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
