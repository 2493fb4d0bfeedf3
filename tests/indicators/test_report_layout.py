import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from indicators.models import DataValue, PlanTarget


def test_the_blank_template_comes_back_filled_in_and_reaches_the_report(catalogues, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    response = client.get("/admin/indicators/datavalue/template/?unit=TTYT-LAICHAU&period=2025S2")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert (sheet["B1"].value, sheet["B2"].value) == ("TTYT-LAICHAU", "2025S2")
    lines = {
        sheet.cell(row=r, column=1).value: r
        for r in range(5, sheet.max_row + 1)
        if not sheet.cell(row=r, column=2).value
    }
    sheet.cell(row=lines["TT-BUOI"], column=5).value = 300
    sheet.cell(row=lines["TT-BUOI"], column=6).value = 160
    sheet.cell(row=lines["TT-BUOI"], column=7).value = "khoảng 150"
    sheet.cell(row=lines["TCMR-DU-8"], column=6).value = "600/796"
    measles = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "SOI")
    sheet.cell(row=measles, column=6).value = 12
    out = io.BytesIO()
    workbook.save(out)
    preview = client.post(
        "/admin/indicators/datavalue/import/",
        {"layout": "report", "import_file": SimpleUploadedFile("bao-cao.xlsx", out.getvalue())},
    )
    assert "Xác nhận nhập" in preview.content.decode()
    client.post(
        "/admin/indicators/datavalue/import/",
        {"confirm": "1", "token": preview.context["token"], "layout": "report", "file_name": "bao-cao.xlsx"},
    )
    assert (
        DataValue.objects.get(organisation__code="TTYT-LAICHAU", indicator__code="TT-BUOI", period__code="2025S2").value
        == 160
    )
    last_year = DataValue.objects.get(
        organisation__code="TTYT-LAICHAU", indicator__code="TT-BUOI", period__code="2024S2"
    )
    assert (last_year.value, last_year.qualifier) == (150, "khoảng")
    assert PlanTarget.objects.get(organisation__code="TTYT-LAICHAU", indicator__code="TT-BUOI", year=2025).value == 300
    page = client.get("/admin/indicators/datavalue/report/?unit=TTYT-LAICHAU&period=2025S2").content.decode()
    assert "75,4% (600/796)" in page
    assert "53,3%" in page  # 160 of the 300 planned
    assert "khoảng 150" in page


def test_a_mistake_in_the_report_layout_names_sheet_row_and_column(catalogues, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    response = client.get("/admin/indicators/datavalue/template/?unit=TTYT-LAICHAU&period=2025S2")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    sheet["F5"] = "nhiều"
    out = io.BytesIO()
    workbook.save(out)
    page = client.post(
        "/admin/indicators/datavalue/import/",
        {"layout": "report", "import_file": SimpleUploadedFile("bao-cao.xlsx", out.getvalue())},
    ).content.decode()
    assert f"{sheet.title}!F (Thực hiện)" in page
    assert "“nhiều” không phải là số" in page
    assert not DataValue.objects.filter(period__code="2025S2").exists()
