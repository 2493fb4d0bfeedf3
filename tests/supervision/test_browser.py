"""A centre administrator records a visit with a finding and an action item in the browser,
and finds the item overdue once its due date has passed."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from healthcentre.models import Organisation
from supervision.models import ActionItem, SupervisionRound


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_records_a_visit_and_flags_its_overdue_action(seeded, centre_admin, page, admin_login):
    today = timezone.localdate()
    start = today - dt.timedelta(days=40)
    round_ = SupervisionRound.objects.create(
        code="BX-TEST",
        title="Giám sát thử",
        supervising_unit=Organisation.objects.get(code="TTYT-BINHXUYEN"),
        start_date=start,
        end_date=start + dt.timedelta(days=4),
    )
    station = Organisation.objects.get(code="TYT-X-BINHNGUYEN")
    due = today - dt.timedelta(days=5)
    admin_login("bob", "pw-bob")

    # The October 2025 round and the printable minutes of one of its visits.
    page.goto("/admin/supervision/supervisionround/?q=BINHXUYEN-GS-2025-10")
    page.get_by_role("link", name=re.compile("Giám sát hỗ trợ công tác chuyên môn")).first.click()
    page.get_by_role("link", name="Tổng hợp đợt giám sát", exact=True).click()
    expect(page.locator("#round-summary h1")).to_contain_text("15-21/10/2025")
    page.get_by_role("link", name="Trạm Y tế xã Bình Nguyên").click()
    expect(page.locator("#minutes h1")).to_have_text("Biên bản giám sát: Trạm Y tế xã Bình Nguyên")

    page.goto(f"/admin/supervision/visit/add/?round={round_.pk}&station={station.pk}")
    page.fill("#id_date", (start + dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.select_option("#id_findings-0-area", label="Nhân lực y tế (10)")
    page.fill("#id_findings-0-findings", "Thiếu 1 y sĩ")
    page.fill("#id_findings-0-score", "7")
    page.fill("#id_findings-0-recommendations", "Tuyển bổ sung y sĩ")
    page.fill("#id_action_items-0-description", "Tuyển bổ sung 1 y sĩ")
    page.select_option("#id_action_items-0-responsible_unit", label="Trạm Y tế xã Bình Nguyên")
    page.fill("#id_action_items-0-due_date", due.strftime("%d/%m/%Y"))
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    item = ActionItem.objects.get(visit__round=round_)
    assert (item.due_date, item.visit.findings.get().score) == (due, 7)

    page.get_by_role("link", name="Lịch sử giám sát của trạm").click()
    row = page.locator("tr.is-overdue", has_text="Tuyển bổ sung 1 y sĩ").first
    expect(row.locator(".overdue")).to_have_text("Quá hạn")

    page.get_by_role("link", name="Việc quá hạn").click()
    expect(page.locator("#result_list")).to_contain_text("Tuyển bổ sung 1 y sĩ")
    expect(page.locator("#result_list .overdue").first).to_have_text("Quá hạn")
