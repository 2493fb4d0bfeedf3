"""The admin works under the Content-Security-Policy production sends: in Debian's Chromium,
the autocomplete, the calendar, the language switch, the export form's toggle, the SVG charts and
a photo from the scoped media view work, and the browser reports no violation of the policy."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from healthcentre.models import ChronicleEntry, ChroniclePhoto, Decision
from supervision.models import ContentArea, Finding, SupervisionRound

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_bytes() -> bytes:
    handle = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(handle, "PNG")
    return handle.getvalue()


@pytest.fixture
def csp_violations(page):
    """Every console message in which Chromium reports a refusal by the Content Security Policy."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(f"{page.url}: {message.text}"),
    )
    return violations


def test_the_admin_works_under_the_content_security_policy(seeded, centre_admin, page, admin_login, csp_violations):
    admin_login("bob", "pw-bob")

    form = page.goto("/admin/healthcentre/decision/add/")
    assert "script-src 'self'" in {d.strip() for d in form.headers["content-security-policy"].split(";")}
    page.fill("#id_number", "15/QĐ-TTYT")
    page.click(".field-filed_by .select2-selection")
    page.fill(".select2-search__field", "binh xuyen")
    page.click(".select2-results__option:text-is('Trung tâm Y tế khu vực Bình Xuyên')")
    page.click(".field-issuer .select2-selection")
    page.fill(".select2-search__field", "binh xuyen")
    page.click(".select2-results__option:text-is('Trung tâm Y tế khu vực Bình Xuyên')")
    page.click(".field-date .datetimeshortcuts a[id^=calendarlink]")
    page.click(".calendarbox:visible td a:text-is('15')")
    expect(page.locator("#id_date")).to_have_value(re.compile(r"^15/\d\d/\d{4}$"))
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    decision = Decision.objects.get(number="15/QĐ-TTYT")
    assert (decision.date.day, decision.filed_by.code) == (15, "TTYT-BINHXUYEN")

    page.select_option("#language-select", "en")
    page.wait_for_selector("html[lang=en]")
    page.select_option("#language-select", "vi")
    page.wait_for_selector("html[lang=vi]")

    page.goto("/admin/healthcentre/decision/export/")
    fields = page.locator(".selectable-field-export-row input[type=checkbox]:not(.select-toggle)")
    expect(fields.first).to_be_checked()
    page.uncheck("input.select-toggle")
    expect(fields.first).not_to_be_checked()

    page.goto("/admin/indicators/datavalue/report/?unit=TTYT-BINHXUYEN&period=2025")
    expect(page.locator(".charts svg, .charts .chart-note").first).to_be_visible()

    round_ = SupervisionRound.objects.get(code="BINHXUYEN-GS-2025-10")
    scored_area = ContentArea.objects.get(code="TC1300-02")
    Finding.objects.create(visit=round_.visits.first(), area=scored_area, findings="Đủ nhân lực", score=9)
    page.goto(reverse("admin:supervision_round_summary", args=[round_.pk]))
    expect(page.locator("#round-summary svg").first).to_be_visible()

    # The unit's profile shows a chronicle photo from the scoped media view.
    entry = ChronicleEntry.objects.get(code="BINHXUYEN-2026-TET")
    ChroniclePhoto(entry=entry, caption="Chúc Tết").image.save("chuc-tet.png", ContentFile(png_bytes()))
    page.goto(reverse("admin:healthcentre_organisation_profile", args=[entry.organisation_id]) + "?start=2026&end=2026")
    expect(page.locator("img[alt='Chúc Tết']")).to_have_js_property("naturalWidth", 8)

    assert csp_violations == []
