"""A new user walks Tân Yên's lineage and asks what it was in 2006 and 2020."""

import pytest

from healthcentre.models import Organisation


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_walks_the_tân_yên_lineage_and_reads_the_state_in_2006_and_2020(seeded, page, admin_login):
    from tests.conftest import make_user

    make_user("root-admin", superuser=True)
    admin_login("root-admin", "pw-root-admin")
    centre = Organisation.objects.get(code="TTYT-TANYEN")
    page.goto(f"/admin/healthcentre/organisation/{centre.pk}/change/")
    page.click(f'.object-tools a[href="/admin/healthcentre/event/unit/{centre.pk}/"]')
    page.wait_for_selector("svg.lineage")
    # Back through the lineage to the 1958 district station...
    page.click('a.unit[data-code="BVDK-TANYEN"]')
    page.click('a.unit[data-code="TTYT-TANYEN-2005"]')
    page.click('a.unit[data-code="TRAMYT-TANYEN"]')
    page.wait_for_selector("#timeline")
    assert "1958" in page.inner_text("#timeline")
    assert page.locator('a.unit[data-code="PHATTHUOC-TANYEN"]').count() == 1
    # ...and forward again to the 2005 centre, asked about 1 January 2006.
    page.click('a.unit[data-code="TTYT-TANYEN-2005"]')
    page.fill("#id_on", "01/01/2006")
    page.press("#id_on", "Enter")
    page.wait_for_selector("#state")
    assert "Sở Y tế tỉnh Bắc Giang" in page.inner_text(".state-authority")
    assert "2006" in page.inner_text(".uncertain")
    page.click('a.unit[data-code="TTYT-TANYEN"]')
    page.fill("#id_on", "01/6/2020")
    page.press("#id_on", "Enter")
    page.wait_for_selector("#state")
    structure = page.inner_text(".state-structure")
    assert "16" in structure and "24" in structure and "409" in structure
    assert "Trung tâm Y tế huyện Tân Yên" in page.inner_text(".state-name")
