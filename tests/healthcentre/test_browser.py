"""The platform as a person uses it, in Debian's Chromium: log in, switch language, search, import."""

import pytest

from healthcentre.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_log_in_switch_language_search_and_import(seeded, superuser, page, admin_login, tmp_path):
    admin_login("root-admin", "pw-root-admin")
    assert "Hồ sơ Trung tâm Y tế" in page.inner_text("#site-name")

    page.select_option("#language-select", "en")
    page.wait_for_selector("html[lang=en]")
    assert "Health centre records" in page.inner_text("#site-name")
    page.select_option("#language-select", "vi")
    page.wait_for_selector("html[lang=vi]")

    page.goto("/admin/healthcentre/organisation/")
    page.fill("#searchbar", "binh xuyen")
    page.press("#searchbar", "Enter")
    page.wait_for_selector("#result_list")
    assert "Trung tâm Y tế khu vực Bình Xuyên" in page.inner_text("#result_list")
    assert "Trung tâm Y tế Lai Châu" not in page.inner_text("#result_list")

    upload = tmp_path / "tram-moi.csv"
    upload.write_text(
        "code,name,kind,parent_code,province_code\n"
        "TYT-TRINH-DUYET,Trạm Y tế thử trình duyệt,commune_station,TTYT-BINHXUYEN,25\n",
        encoding="utf-8",
    )
    page.goto("/admin/healthcentre/organisation/import/")
    page.set_input_files("#id_import_file", str(upload))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit]")
    page.wait_for_selector("table.import-preview")
    assert "Trạm Y tế thử trình duyệt" in page.inner_text("table.import-preview")
    assert not Organisation.objects.filter(code="TYT-TRINH-DUYET").exists()
    page.click("input[name=confirm], input[type=submit][value*='Xác nhận']")
    page.wait_for_selector(".messagelist")
    assert Organisation.objects.get(code="TYT-TRINH-DUYET").parent.code == "TTYT-BINHXUYEN"
