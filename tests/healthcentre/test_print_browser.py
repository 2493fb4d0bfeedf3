"""Issue 13, point 4: the report, a unit's history, its profile, minutes and a round's summary
print from Chromium as Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP): A4 in
the orientation their Word twin takes, the issuing body and the national motto, the place and
date line, the title once, the signature block, Times New Roman 13 pt; and the report of a
centre on one page (it took five)."""

import re

import pytest

from healthcentre.models import Organisation
from supervision.models import SupervisionRound, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

A4_PORTRAIT = (595, 842)  # points, as Chromium writes the MediaBox
A4_LANDSCAPE = (842, 595)


def pdf_pages(pdf: bytes) -> tuple[int, set[tuple[int, int]]]:
    """How many pages, and their sizes in whole points."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return len(re.findall(rb"/Type\s*/Page\b", pdf)), {(round(float(w)), round(float(h))) for w, h in boxes}


def printed(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    body = page.inner_text("body")
    font = page.evaluate("getComputedStyle(document.querySelector('.document-body')).fontFamily")
    size = page.evaluate("getComputedStyle(document.querySelector('.document-body')).fontSize")
    pdf = page.pdf(prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return body, font, size, *pdf_pages(pdf)


def test_the_five_documents_print_as_an_office_files_them(seeded, superuser, page, admin_login):
    admin_login("root-admin", "pw-root-admin")
    tan_yen = Organisation.objects.get(code="TTYT-TANYEN")
    round_ = SupervisionRound.objects.order_by("pk").first()
    visit = Visit.objects.filter(round=round_).order_by("pk").first()

    # The user's way in: the report's own "printable page" link.
    page.goto("/admin/indicators/datavalue/report/?unit=TTYT-TANYEN&period=2024")
    page.click("#printable")
    page.wait_for_selector(".document-heading")
    report_url = page.url

    documents = {
        report_url: ("BÁO CÁO", "Kết quả thực hiện các chỉ tiêu Năm 2024", A4_LANDSCAPE, "GIÁM ĐỐC"),
        f"/admin/healthcentre/event/unit/{tan_yen.pk}/print/": (
            "BÁO CÁO",
            "Lịch sử của Trung tâm Y tế huyện Tân Yên",
            A4_PORTRAIT,
            "GIÁM ĐỐC",
        ),
        f"/admin/healthcentre/organisation/{tan_yen.pk}/profile/print/?start=2019&end=2025": (
            "BÁO CÁO",
            "Hồ sơ Trung tâm Y tế huyện Tân Yên, 2019–2025",
            A4_LANDSCAPE,
            "GIÁM ĐỐC",
        ),
        f"/admin/supervision/visit/{visit.pk}/minutes/print/": (
            "BIÊN BẢN GIÁM SÁT",
            str(visit.station),
            A4_LANDSCAPE,
            "TRƯỞNG ĐOÀN",
        ),
        f"/admin/supervision/supervisionround/{round_.pk}/summary/print/": (
            "TỔNG HỢP ĐỢT GIÁM SÁT",
            round_.title,
            A4_LANDSCAPE,
            "TRƯỞNG ĐOÀN",
        ),
    }
    pages = {}
    for url, (title, subtitle, size, signer) in documents.items():
        body, font, font_size, count, sizes = printed(page, url)
        assert sizes == {size}, url
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in body, url
        assert re.search(r"\n[^\n,]+, ngày \d\d tháng \d\d năm \d{4}\n", body), url
        assert body.count(f"\n{title}\n") == 1 and subtitle in body, url
        assert signer in body and "(Ký, ghi rõ họ tên)" in body, url
        assert "Quay lại trang" not in body and "Hồ sơ Trung tâm Y tế\n" not in body, url  # no screen chrome
        assert font.startswith('"Times New Roman"') and font_size == "17.3333px", url  # 13 pt
        pages[url] = count
    assert pages[report_url] == 1
    assert "TRUNG TÂM Y TẾ HUYỆN TÂN YÊN" in printed(page, report_url)[0]
