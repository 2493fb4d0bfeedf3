from healthcentre.models import Organisation, OrganisationKind
from tests.world import PHU_THO
from tests.world import unit as make_unit


def test_every_change_is_kept_with_who_and_when_and_can_be_restored(client_for, superuser, world):
    client = client_for(superuser)
    unit = make_unit(
        "TYT-X-XUANLANG",
        "Trạm Y tế xã Xuân Lãng",
        OrganisationKind.COMMUNE_STATION,
        PHU_THO,
        world["TTYT-BINHXUYEN"],
        8971,
    )
    form = {
        "code": unit.code,
        "name": "Trạm Y tế xã Xuân Lãng (đổi tên thử)",
        "kind": unit.kind,
        "parent": unit.parent_id,
        "province": unit.province_id,
        "commune": unit.commune_id,
        "notes": "",
    }
    assert client.post(f"/admin/healthcentre/organisation/{unit.pk}/change/", form).status_code == 302
    latest = unit.history.latest()
    assert latest.history_user == superuser and latest.name.endswith("(đổi tên thử)")

    page = client.get(f"/admin/healthcentre/organisation/{unit.pk}/history/")
    assert page.status_code == 200 and "đổi tên thử" in page.content.decode()

    original = unit.history.earliest()
    revert_url = f"/admin/healthcentre/organisation/{unit.pk}/history/{original.history_id}/"
    revert_form = client.get(revert_url)
    assert revert_form.status_code == 200
    data = {**form, "name": original.name}
    assert client.post(revert_url, data).status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Trạm Y tế xã Xuân Lãng"
    assert unit.history.count() == 3


def test_a_version_that_is_not_a_number_is_not_found(client_for, superuser):
    """A mistyped version (…/history/print/, a guess at the printable page) was a 500."""
    unit = Organisation.objects.create(code="TTYT-THU", name="Trung tâm Y tế thử", kind="health_centre")
    client = client_for(superuser)
    for version in ("print", "1x", "9" * 30):
        assert client.get(f"/admin/healthcentre/organisation/{unit.pk}/history/{version}/").status_code == 404
