import pytest

from tests.supervision.builders import october_round as october_round_of


@pytest.fixture
def october_round(world, catalogues):
    return october_round_of("DT-BINHXUYEN-HUONGCANH")


PAGES = ["supervisionround", "teammember", "visit", "finding", "actionitem", "contentarea"]


@pytest.mark.parametrize("model", PAGES)
def test_every_list_opens_for_each_role(model, october_round, client_for, centre_admin, viewer, province_admin):
    for user in (centre_admin, viewer, province_admin):
        response = client_for(user).get(f"/admin/supervision/{model}/")
        assert response.status_code == 200, (model, user.username)


def test_the_lists_of_a_centre_show_only_its_rounds(october_round, client_for, centre_admin, other_centre_admin):
    assert (
        "BINHXUYEN-GS-2025-10" in client_for(centre_admin).get("/admin/supervision/supervisionround/").content.decode()
    )
    other = client_for(other_centre_admin).get("/admin/supervision/supervisionround/").content.decode()
    assert "BINHXUYEN-GS-2025-10" not in other


def test_the_visit_list_links_planning_and_the_overdue_list(october_round, client_for, viewer):
    page = client_for(viewer).get("/admin/supervision/visit/").content.decode()
    assert "/admin/supervision/visit/planning/" in page
    assert "/admin/supervision/actionitem/?follow_up=overdue" in page
    assert "Điểm trạm Y tế Hương Canh" in page


def test_only_a_superuser_edits_the_catalogue(catalogues, client_for, centre_admin):
    response = client_for(centre_admin).get("/admin/supervision/contentarea/add/")
    assert response.status_code == 403
