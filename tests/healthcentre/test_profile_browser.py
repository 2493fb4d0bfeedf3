"""Issue 7's walk-through in Chromium: Tân Yên's profile for 2019–2025, on screen and in print."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tân_yêns_profile_2019_to_2025(seeded, superuser, page, admin_login):
    admin_login("root-admin", "pw-root-admin")
    page.goto("/admin/healthcentre/organisation/")
    page.fill("#searchbar", "tan yen")
    page.press("#searchbar", "Enter")
    page.click("#result_list a:text-is('Trung tâm Y tế huyện Tân Yên')")
    page.click(".object-tools a:has-text('Hồ sơ đơn vị')")
    page.fill("#id_start", "2019")
    page.fill("#id_end", "2025")
    page.click(".profile-period input[type=submit]")
    page.wait_for_selector("#facilities")
    assert "Tòa nhà 7 tầng" in page.inner_text("#facilities")
    assert "Đơn nguyên thận nhân tạo" in page.inner_text("#facilities")
    assert "2024" in page.inner_text("#awards") and "Cờ thi đua" in page.inner_text("#awards")
    assert "Sáp nhập" in page.inner_text("#history")
    assert page.locator("#history svg").count() == 1
    page.click(".object-tools a:has-text('Trang in')")
    page.wait_for_selector("#chronicle")
    page.emulate_media(media="print")
    assert page.locator("#header").is_hidden()
    assert "Tòa nhà 7 tầng" in page.inner_text("#facilities")
