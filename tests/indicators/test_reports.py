import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from healthcentre.models import Organisation
from indicators.models import DataValue, Indicator
from indicators.periods import periods_for
from indicators.reports import build_report, organisations_for


def test_the_lai_chau_half_year_report_gives_the_articles_figures(seeded, client_for, other_centre_admin):
    page = client_for(other_centre_admin).get("/admin/indicators/datavalue/report/?unit=TTYT-LAICHAU").content.decode()
    assert "6 tháng đầu năm 2025" in page
    for figure in (
        "27.662",
        "+138",
        "57,6%",
        "11.588",
        "+1.528",
        "55,2%",
        "434",
        "+366",
        "35,1% (279/796)",
        "53,2%",
        "1.010",
        "141",
    ):
        assert figure in page
    assert "+5,6 điểm phần trăm (theo nguồn)" in page
    # A chart where an earlier half-year has a figure (visits: 2024 and 2025), a sentence where
    # none has, never one lonely bar.
    charts, notes = page.count('class="indicator-chart"'), page.count("Chưa có số liệu các năm trước để so sánh.")
    assert charts >= 1 and notes >= 1
    assert charts + notes == page.count('class="indicator-row"') >= 15


def test_the_report_downloads_as_xlsx_with_numbers_as_numbers(seeded, client_for, other_centre_admin):
    response = client_for(other_centre_admin).get(
        "/admin/indicators/datavalue/report/xlsx/?unit=TTYT-LAICHAU&period=2025S1"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    visits = rows["Lượt khám bệnh"]
    assert visits[3] == 27662
    assert round(visits[4], 1) == 57.6
    assert (visits[5], visits[6]) == (27524, 138)
    assert visits[2] == 48024
    assert "suy ra" in visits[8]
    assert "bao-cao-TTYT-LAICHAU-2025S1.xlsx" in response["Content-Disposition"]
    line = next(cell.row for cell in sheet["A"] if cell.value == "Lượt khám bệnh")
    assert sheet[f"G{line}"].number_format == "+#,##0;-#,##0;0"
    (stated_line,) = [cell.row for cell in sheet["G"] if cell.value == 5.6]
    # The article's "+5,6 điểm phần trăm" keeps its decimal; it used to print "+6".
    assert sheet[f"G{stated_line}"].number_format == "+#,##0.0;-#,##0.0;0"


def test_a_qualified_figure_prints_with_its_word(seeded, client_for, centre_admin):
    page = (
        client_for(centre_admin)
        .get("/admin/indicators/datavalue/report/?unit=TTYT-BINHXUYEN&period=2025")
        .content.decode()
    )
    assert "hơn 63.000" in page and "trên 7.400" in page and "trên 95%" in page


def test_a_province_report_adds_up_its_units(seeded, client_for, superuser):
    lai_chau = Organisation.objects.get(code="TTYT-LAICHAU").province
    page = (
        client_for(superuser)
        .get(f"/admin/indicators/datavalue/report/?province={lai_chau.pk}&period=2025S1")
        .content.decode()
    )
    assert "27.662" in page


def test_a_user_sees_no_figures_of_another_centre(seeded, client_for, centre_admin):
    lai_chau = Organisation.objects.get(code="TTYT-LAICHAU").province
    page = client_for(centre_admin).get(f"/admin/indicators/datavalue/report/?province={lai_chau.pk}&period=2025S1")
    assert "27.662" not in page.content.decode()


def count_queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_the_report_query_count_does_not_grow_with_units(seeded):
    centre = Organisation.objects.get(code="TTYT-LAICHAU")
    few = count_queries(lambda: build_report(organisations_for(None, unit=centre), "2025S1"))
    period = periods_for(["2025S1"])["2025S1"]
    indicator = Indicator.objects.get(code="TT-BUOI")
    for station in centre.descendants(include_self=False):
        DataValue.objects.create(organisation=station, indicator=indicator, period=period, value=3)
    many = count_queries(lambda: build_report(organisations_for(None, unit=centre), "2025S1"))
    assert few == many


def test_the_values_list_query_count_does_not_grow_with_the_page(seeded, client_for, superuser):
    client = client_for(superuser)
    small = count_queries(lambda: client.get("/admin/indicators/datavalue/?p=0"))
    big = count_queries(lambda: client.get("/admin/indicators/datavalue/?all="))
    assert small == big
