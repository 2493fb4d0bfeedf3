import io

import pytest
from openpyxl import load_workbook


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_user_uploads_the_report_sheet_and_downloads_the_report(
    seeded, page, admin_login, other_centre_admin, tmp_path
):
    admin_login("dave", "pw-dave")
    page.goto("/admin/indicators/datavalue/")
    page.goto("/admin/indicators/datavalue/import/")
    with page.expect_download() as template:
        page.click("#indicator-template-form input[type=submit]")
    workbook = load_workbook(io.BytesIO(template.value.path().read_bytes()))
    sheet = workbook.active
    line = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "TT-HO")
    sheet.cell(row=line, column=6).value = "bốn trăm"
    filled = tmp_path / "bao-cao.xlsx"
    workbook.save(filled)
    page.check("input[value=report]")
    page.set_input_files("input[name=import_file]", str(filled))
    page.click("input[type=submit][value='Kiểm tra tệp']")
    assert "“bốn trăm” không phải là số" in page.inner_text("table.import-problems")
    sheet.cell(row=line, column=6).value = 400
    workbook.save(filled)
    page.check("input[value=report]")
    page.set_input_files("input[name=import_file]", str(filled))
    page.click("input[type=submit][value='Kiểm tra tệp']")
    page.click("input[name=confirm]")
    page.click(".object-tools >> text=Báo cáo")
    page.select_option("select[name=unit]", "TTYT-LAICHAU")
    page.click("input[type=submit][value='Xem báo cáo']")
    assert "27.662" in page.inner_text("table.indicator-report")
    with page.expect_download() as report:
        page.click("#download-xlsx")
    rows = list(load_workbook(io.BytesIO(report.value.path().read_bytes())).active.iter_rows(values_only=True))
    assert any(r[0] == "Hộ gia đình được đến thăm" and r[3] == 400 for r in rows)
