import datetime as dt

import pytest

from tests.awards.factories import person, tan_yen
from tests.records import signed_decision


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize("typed", ["binh xuyen", "Bình Xuyên", "BINH XUYEN", "bình xuyen"])
def test_it_finds_accented_names_from_any_spelling(client_for, superuser, typed):
    tan_yen()
    response = client_for(superuser).get("/admin/healthcentre/organisation/", {"q": typed})
    assert "Trung tâm Y tế khu vực Bình Xuyên" in response.content.decode()
    assert "Trung tâm Y tế huyện Tân Yên" not in response.content.decode()


@pytest.mark.usefixtures("world")
def test_it_folds_đ_like_d(client_for, superuser):
    response = client_for(superuser).get("/admin/healthcentre/organisation/", {"q": "doan ket"})
    assert "Trạm Y tế phường Đoàn Kết" in response.content.decode()


@pytest.mark.usefixtures("world")
def test_it_searches_people_and_divisions_without_accents(client_for, superuser):
    person("phan-kim-trong", full_name="Phan Kim Trọng")
    client = client_for(superuser)
    assert "Phan Kim Trọng" in client.get("/admin/healthcentre/person/", {"q": "phan kim trong"}).content.decode()
    assert "Xã Xuân Lãng" in client.get("/admin/healthcentre/commune/", {"q": "xuan lang"}).content.decode()


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize("typed", ["794/QĐ-UBND", "794/qd", "QĐ-UBND"])
def test_it_finds_a_decision_by_its_number_as_printed(client_for, superuser, typed):
    for number in ("794/QĐ-UBND", "795/QĐ-SYT", "794/CT"):
        signed_decision(number, issuer="SYT-PHUTHO", day=dt.date(2018, 12, 13))
    response = client_for(superuser).get("/admin/healthcentre/decision/", {"q": typed})
    assert "794/QĐ-UBND" in response.content.decode()
    assert response.context["cl"].result_count == 1
