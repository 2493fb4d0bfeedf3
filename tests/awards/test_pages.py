"""Every awards admin page answers, for each role, and bad input is refused politely."""

import pytest

from awards.models import AwardDecision, AwardForm, AwardRecord

from .factories import tan_yen


@pytest.mark.parametrize("persona", ["superuser", "province_admin", "centre_admin", "other_centre_admin", "viewer"])
def test_every_awards_page_answers_for_every_role(lai_chau_awards, persona, request, client_for):
    client = client_for(request.getfixturevalue(persona))
    record = AwardRecord.objects.filter(organisation__code="TTYT-LAICHAU").first()
    decision = AwardDecision.objects.filter(filed_by__code="TTYT-LAICHAU").first()
    pages = [
        "/admin/awards/awardform/",
        f"/admin/awards/awardform/{AwardForm.objects.get(code='TTND').pk}/change/",
        "/admin/awards/awarddecision/",
        "/admin/awards/awarddecision/add/",
        "/admin/awards/awardrecord/",
        "/admin/awards/awardrecord/add/",
        "/admin/awards/awardrecord/?year=2025",
        f"/admin/awards/awardrecord/{record.pk}/change/",
        f"/admin/awards/awarddecision/{decision.pk}/change/",
        "/admin/awards/awardrecord/report/?year=2025",
        "/admin/awards/awardrecord/eligibility/?year=2025",
        "/admin/awards/awardrecord/import/",
    ]
    for url in pages:
        assert client.get(url).status_code in (200, 302, 403), url


def test_bad_report_input_is_explained_not_crashed(world, superuser, client_for):
    tan_yen()
    client = client_for(superuser)
    page = client.get("/admin/awards/awardrecord/report/", {"year": "abc", "unit": "999999"})
    assert page.status_code == 200
    # The one vocabulary explains a number it cannot read, in the same words as everywhere else.
    assert "“abc” không phải là số" in page.content.decode()
    assert client.get("/admin/awards/awardrecord/history/other/TTYT-TANYEN/").status_code == 404


def test_a_centre_administrator_may_read_but_not_change_the_catalogue(catalogues, centre_admin, client_for):
    client = client_for(centre_admin)
    form = AwardForm.objects.get(code="TTND")
    assert client.get("/admin/awards/awardform/").status_code == 200
    assert client.post(f"/admin/awards/awardform/{form.pk}/change/", {"name": "X"}).status_code == 403
