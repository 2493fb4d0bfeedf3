"""In Chromium, as a centre administrator would: an office's own 9-month table uploaded, mapped
and confirmed; next year's file of the same shape, with a slip in a cell, refused with its row
and column, then loaded with no mapping step once corrected."""

import pytest

from indicators.models import DataValue
from tests.indicators.office_workbooks import bình_xuyên_2025, bình_xuyên_2026


def upload(page, path) -> None:
    page.set_input_files("#office-upload-form input[name=import_file]", str(path))
    page.click("#office-upload-form input[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_office_table_is_mapped_once_and_the_next_one_loads_without_asking(
    catalogues, centre_admin, page, admin_login, tmp_path
):
    first, second = tmp_path / "bao-cao-9-thang-2025.xlsx", tmp_path / "bao-cao-9-thang-2026.xlsx"
    first.write_bytes(bình_xuyên_2025())
    second.write_bytes(bình_xuyên_2026(visits="95.01O"))
    admin_login("bob", "pw-bob")
    page.goto("/admin/indicators/datavalue/import/")
    page.click("text=Bảng kết quả theo mẫu riêng của đơn vị")
    upload(page, first)

    assert "Hàng 16 (“Tổng cộng”) là dòng tổng: không nhập." in page.inner_text("#content-main")
    assert page.input_value("select[name=unit]") == "TTYT-BINHXUYEN"
    assert page.input_value("input[name=period]") == "2025N9"
    assert page.input_value("select[name=column_5]") == "result"
    assert page.input_value("select[name=row_10]") == "KCB-LUOT-KHAM"
    page.select_option("select[name=row_12]", "-")  # the BHYT visits have no indicator of their own
    page.select_option("select[name=row_13]", "KCB-NOITRU")
    page.select_option("select[name=row_15]", "TCMR-DU-8")
    page.fill("input[name=layout_name]", "Báo cáo 9 tháng Bình Xuyên")
    page.click("#office-mapping-form input[type=submit]")
    meanings = page.inner_text("#office-meanings")
    assert (
        "BC 9 thang!F10\tTổng số lượt khám bệnh\tLượt khám bệnh\t9 tháng đầu năm 2025\tkết quả của kỳ\t92.345\t92.345"
        in meanings
    )
    page.click("#office-confirm-form input[type=submit]")
    assert "Đã nhập" in page.inner_text(".messagelist")

    page.goto("/admin/indicators/datavalue/office-import/")
    upload(page, second)
    problems = page.inner_text("table.import-problems")
    assert "10\tBC 9 thang!F (Thực hiện / 9 tháng 2026)" in problems
    assert page.locator("#office-confirm-form").count() == 0
    second.write_bytes(bình_xuyên_2026())
    page.goto("/admin/indicators/datavalue/office-import/")
    upload(page, second)
    assert page.locator("#office-mapping-form").count() == 0
    assert "Đọc theo bố cục “Báo cáo 9 tháng Bình Xuyên”." in page.inner_text("#content-main")
    page.click("#office-confirm-form input[type=submit]")
    assert "Đã nhập" in page.inner_text(".messagelist")
    stored = DataValue.objects.get(
        organisation__code="TTYT-BINHXUYEN", indicator__code="KCB-LUOT-KHAM", period__code="2026N9"
    )
    assert stored.value == 95010
