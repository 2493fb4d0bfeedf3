"""The half-year report as a Word document an office signs: the layout of Nghị định
30/2020/NĐ-CP (issuing body and national motto, place and date, title, table, signature block,
A4 landscape with its margins, Times New Roman, page numbers from page 2)."""

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from healthcentre.documents import date_line, local_today
from tests.indicators.helpers import data_value, plan_target


@pytest.mark.usefixtures("catalogues")
def test_the_report_downloads_as_an_administrative_document(client_for, other_centre_admin):
    plan_target("TTYT-LAICHAU", "KCB-LUOT-KHAM", 2025, 48024, "khoảng")
    data_value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", 27662)
    report = client_for(other_centre_admin).get("/admin/indicators/datavalue/report/?unit=TTYT-LAICHAU&period=2025S1")
    assert 'id="download-docx"' in report.content.decode()
    response = client_for(other_centre_admin).get(
        "/admin/indicators/datavalue/report/docx/?unit=TTYT-LAICHAU&period=2025S1"
    )
    assert response.status_code == 200
    assert "bao-cao-TTYT-LAICHAU-2025S1.docx" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))

    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(13)
    # Page numbers from page 2: the first page's header is its own, and empty.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml

    heading, table, signature = document.tables
    issuer, national = (cell.text for cell in heading.rows[0].cells)
    assert issuer == "SỞ Y TẾ TỈNH LAI CHÂU\nTRUNG TÂM Y TẾ LAI CHÂU"
    assert national == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[:3] == [
        date_line("Lai Châu", local_today()),
        "BÁO CÁO",
        "Kết quả thực hiện các chỉ tiêu 6 tháng đầu năm 2025",
    ]
    rows = {row.cells[1].text: [cell.text for cell in row.cells] for row in table.rows}
    assert rows["Lượt khám bệnh"][3:5] == ["khoảng 48.024", "27.662"]
    assert "Nơi nhận:" in signature.rows[0].cells[0].text
    assert signature.rows[0].cells[1].text.startswith("GIÁM ĐỐC")


def test_the_date_line_writes_day_and_month_in_two_digits():
    import datetime as dt

    assert date_line("Lai Châu", dt.date(2026, 3, 5)) == "Lai Châu, ngày 05 tháng 03 năm 2026"
    # A ministry has no province: the line starts with the day, not with a comma.
    assert date_line("", dt.date(2026, 3, 5)) == "Ngày 05 tháng 03 năm 2026"
