"""A unit's and a person's award history, reached from the award records."""

from .factories import phan_kim_trong, tan_yen_awards

HISTORY = "/admin/awards/awardrecord/history/"


def test_tan_yen_shows_its_awards_on_its_history_page(catalogues, superuser, client_for):
    tan_yen_awards()
    page = client_for(superuser).get(HISTORY + "unit/TTYT-TANYEN/").content.decode()
    assert page.count("Bằng khen của bộ, ban, ngành, tỉnh") == 2
    assert "Cờ thi đua của bộ, ban, ngành, tỉnh" in page
    assert page.count("Thầy thuốc Ưu tú") >= 3
    assert "ít nhất 1 cá nhân" in page
    assert "không rõ" in page


def test_a_person_history_lists_their_title(world, catalogues, superuser, client_for):
    phan_kim_trong()
    page = client_for(superuser).get(HISTORY + "person/phan-kim-trong/").content.decode()
    assert "Thầy thuốc Ưu tú" in page


def test_another_centre_cannot_open_the_history(catalogues, other_centre_admin, client_for):
    tan_yen_awards()
    assert client_for(other_centre_admin).get(HISTORY + "unit/TTYT-TANYEN/").status_code == 404


def test_the_award_list_links_each_recipient_to_its_history(world, catalogues, superuser, client_for):
    tan_yen_awards()
    phan_kim_trong()
    page = client_for(superuser).get("/admin/awards/awardrecord/").content.decode()
    assert HISTORY + "unit/TTYT-TANYEN/" in page
    assert HISTORY + "person/phan-kim-trong/" in page
