"""In a real browser: import a decision with a recipient of the wrong kind, read the warning,
fix the file, import it, and find the award in the unit's history."""

import pytest

from .importing import HEADER

DECISION = "88/QĐ-TTYT,15/12/2025,TTYT-BINHXUYEN,,Tổng kết năm 2025"


def upload(page, rows, tmp_path, name):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    page.goto("/admin/awards/awardrecord/import/")
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", "1")
    page.click("form[enctype] input[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_warns_on_the_wrong_kind_then_imports_the_fixed_decision(seeded, superuser, admin_login, page, tmp_path):
    admin_login("root-admin", "pw-root-admin")
    person_row = f"{DECISION},CSTD-CO-SO,,,,phan-kim-trong,,,,2025,Hoàn thành xuất sắc nhiệm vụ,"
    wrong_row = f"{DECISION},CSTD-CO-SO,,,TYT-X-BINHNGUYEN,,,,,2025,Hoàn thành xuất sắc nhiệm vụ,"
    upload(page, [person_row, wrong_row], tmp_path, "sai.csv")
    warnings = page.locator(".import-warnings")
    assert "nhưng người/đơn vị nhận là tập thể" in warnings.inner_text()
    assert "recipient_unit_code" in warnings.inner_text()

    fixed_row = wrong_row.replace("CSTD-CO-SO", "TT-LAO-DONG-XUAT-SAC")
    upload(page, [person_row, fixed_row], tmp_path, "dung.csv")
    assert page.locator(".import-warnings").count() == 0
    page.click("input[name=confirm]")
    page.wait_for_selector(".messagelist")

    page.goto("/admin/awards/awardrecord/history/unit/TYT-X-BINHNGUYEN/")
    history = page.locator("table.award-history").inner_text()
    assert "Tập thể lao động xuất sắc" in history
    assert "88/QĐ-TTYT" in history
