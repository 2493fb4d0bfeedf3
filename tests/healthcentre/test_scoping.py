"""Who sees and touches what: each role on the admin pages, forms, autocompletes, import and export."""

import io

import openpyxl
import pytest

from healthcentre.models import Organisation, Person

BINH_XUYEN_UNITS = 1 + 4 + 13  # the centre, its four commune stations and thirteen station points


def codes_listed(response):
    """The codes of the organisations on the changelist page the user was shown."""
    return {unit.code for unit in response.context["cl"].result_list}


@pytest.mark.usefixtures("seeded")
def test_a_centre_administrator_sees_their_centre_and_the_units_under_it(client_for, centre_admin):
    response = client_for(centre_admin).get("/admin/healthcentre/organisation/")
    listed = codes_listed(response)
    assert len(listed) == BINH_XUYEN_UNITS
    assert "TTYT-BINHXUYEN" in listed and "DT-BINHXUYEN-HUONGCANH" in listed
    assert "TTYT-LAICHAU" not in listed and "SYT-PHUTHO" not in listed


@pytest.mark.usefixtures("seeded")
def test_a_province_administrator_sees_the_whole_province_and_nothing_else(client_for, province_admin):
    listed = codes_listed(client_for(province_admin).get("/admin/healthcentre/organisation/"))
    assert {"SYT-PHUTHO", "UBND-PHUTHO", "TTYT-BINHXUYEN", "UBND-X-XUANLANG"} <= listed
    assert not {"TTYT-LAICHAU", "TTYT-TANYEN", "BYT"} & listed


@pytest.mark.usefixtures("seeded")
def test_another_centres_record_cannot_be_opened(client_for, centre_admin):
    lai_chau = Organisation.objects.get(code="TTYT-LAICHAU")
    response = client_for(centre_admin).get(f"/admin/healthcentre/organisation/{lai_chau.pk}/change/")
    assert response.status_code == 302  # the admin's "does not exist" redirect: nothing is revealed
    person = Person.objects.get(code="vu-van-phi")
    assert client_for(centre_admin).get(f"/admin/healthcentre/person/{person.pk}/history/").status_code in (302, 403)


def test_a_centre_administrator_cannot_file_a_person_under_another_centre(client_for, centre_admin):
    lai_chau = Organisation.objects.get(code="TTYT-LAICHAU")
    response = client_for(centre_admin).post(
        "/admin/healthcentre/person/add/",
        {"full_name": "Nguyễn Văn Thử", "organisation": lai_chau.pk, "honour_title": ""},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Person.objects.filter(full_name="Nguyễn Văn Thử").exists()


def autocomplete(client, model, field, term):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "healthcentre", "model_name": model, "field_name": field, "term": term},
    )
    return {r["text"] for r in response.json()["results"]}


@pytest.mark.usefixtures("seeded")
def test_autocompletes_offer_own_units_and_for_issuers_the_provinces_bodies(client_for, centre_admin):
    client = client_for(centre_admin)
    assert "Trạm Y tế xã Xuân Lãng" in autocomplete(client, "person", "organisation", "xuan lang")
    assert autocomplete(client, "person", "organisation", "lai chau") == set()
    assert autocomplete(client, "person", "organisation", "so y te tinh phu tho") == set()
    issuers = autocomplete(client, "decision", "issuer", "uy ban")
    assert "Ủy ban nhân dân tỉnh Phú Thọ" in issuers
    assert "Ủy ban nhân dân tỉnh Lai Châu" not in issuers


def test_a_viewer_reads_but_cannot_change_add_or_import(client_for, viewer):
    client = client_for(viewer)
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    assert client.get("/admin/healthcentre/organisation/").status_code == 200
    page = client.get(f"/admin/healthcentre/organisation/{centre.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(f"/admin/healthcentre/organisation/{centre.pk}/change/", {"name": "X"}).status_code == 403
    assert client.get("/admin/healthcentre/organisation/add/").status_code == 403
    assert client.get("/admin/healthcentre/organisation/import/").status_code == 403
    assert client.get("/admin/healthcentre/organisation/export/").status_code == 200


def upload(client, url, rows, name="people.csv"):
    text = "\n".join(",".join(row) for row in rows) + "\n"
    return client.post(url, {"resource": 0, "format": 1, "import_file": _named(text.encode(), name)})


def _named(data, name):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_a_centre_administrator_cannot_import_into_another_centre(client_for, centre_admin):
    response = upload(
        client_for(centre_admin),
        "/admin/healthcentre/person/import/",
        [
            ["full_name", "organisation_code"],
            ["Trần Thị Một", "TTYT-BINHXUYEN"],
            ["Trần Thị Hai", "TTYT-LAICHAU"],
        ],
    )
    body = response.content.decode()
    assert "organisation_code" in body and "TTYT-LAICHAU" in body
    assert not Person.objects.filter(full_name__startswith="Trần Thị").exists()


@pytest.mark.usefixtures("seeded")
def test_a_centre_administrator_cannot_overwrite_another_centres_record_by_code(client_for, centre_admin):
    response = upload(
        client_for(centre_admin),
        "/admin/healthcentre/person/import/",
        [["code", "full_name", "organisation_code"], ["vu-van-phi", "Vũ Văn Phi", "TTYT-BINHXUYEN"]],
    )
    assert "confirm" not in response.context or response.context.get("confirm_form") is None
    assert Person.objects.get(code="vu-van-phi").organisation.code == "TTYT-LAICHAU"


@pytest.mark.parametrize("persona", ["centre_admin", "viewer"])
def test_exports_hold_only_the_users_records(request, seeded, client_for, persona):
    user = request.getfixturevalue(persona)
    response = client_for(user).post(
        "/admin/healthcentre/person/export/",
        {
            "format": 0,
            "personresource_code": True,
            "personresource_full_name": True,
            "personresource_organisation": True,
        },
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "Phan Kim Trọng" in names
    assert "Vũ Văn Phi" not in names and "Nguyễn Văn Hoàn" not in names
