"""The blank report-layout template is downloaded for the unit and period the user chooses."""

import pytest
from django.urls import reverse

from tests.indicators.helpers import data_value, read_xlsx


def downloaded_name(response) -> str:
    return response["Content-Disposition"]


@pytest.fixture
def binh_xuyen_figures(world, catalogues) -> None:
    """Bình Xuyên's figures: a half-year of 2024, then the whole of 2025, its latest period."""
    data_value("TTYT-BINHXUYEN", "KCB-NGOAITRU", "2024S1", 30000)
    data_value("TTYT-BINHXUYEN", "KCB-NGOAITRU", "2025", 63000, qualifier="hơn")


@pytest.mark.usefixtures("binh_xuyen_figures")
def test_the_import_page_offers_a_choice_of_unit_and_period(client_for, centre_admin):
    page = client_for(centre_admin).get(reverse("admin:indicators_datavalue_import")).content.decode()
    form = page[page.index('id="indicator-template-form"') :]
    form = form[: form.index("</form>")]
    assert 'name="unit"' in form and 'name="period"' in form
    assert 'value="TTYT-BINHXUYEN" selected' in form  # the user's own unit
    assert 'value="2025"' in form  # its latest period with figures
    assert "TTYT-LAICHAU" not in form  # another province's centre is not offered


@pytest.mark.usefixtures("binh_xuyen_figures")
def test_the_chosen_unit_and_period_are_downloaded(client_for, superuser):
    response = client_for(superuser).get(
        reverse("admin:indicators_template"), {"unit": "TTYT-LAICHAU", "period": "2024S2"}
    )
    assert response.status_code == 200
    assert "mau-bao-cao-TTYT-LAICHAU-2024S2.xlsx" in downloaded_name(response)
    sheet = read_xlsx(b"".join(response.streaming_content) if response.streaming else response.content)
    assert any("TTYT-LAICHAU" in str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)


@pytest.mark.usefixtures("binh_xuyen_figures")
def test_by_default_the_users_own_unit_and_latest_period(client_for, centre_admin):
    response = client_for(centre_admin).get(reverse("admin:indicators_template"))
    assert "mau-bao-cao-TTYT-BINHXUYEN-2025.xlsx" in downloaded_name(response)


@pytest.mark.usefixtures("catalogues")
def test_a_unit_outside_the_users_scope_is_refused_not_swapped(client_for, centre_admin):
    client = client_for(centre_admin)
    response = client.get(reverse("admin:indicators_template"), {"unit": "TTYT-LAICHAU", "period": "2025S1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:indicators_datavalue_import")
    response = client.get(reverse("admin:indicators_template"), {"unit": "TTYT-BINHXUYEN", "period": "nửa năm"})
    assert response.status_code == 302
