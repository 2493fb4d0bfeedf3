"""Issue 13: every xlsx and Word document the custom pages serve, opened as the office will
open it. A document is A4 with the margins, font, heading, page numbers and signature block of
Nghị định 30/2020/NĐ-CP; a workbook keeps numbers as numbers and dates as dates (no figure or
date written as text, no apostrophe), with Vietnamese display formats."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from tests.healthcentre.test_attacker import PAGES, lai_chau_supervision

DOCUMENTS = sorted(name for name in PAGES if name.endswith("_docx"))
WORKBOOKS = sorted(name for name in PAGES if name.endswith("_xlsx"))
# What a figure or a date looks like when it was written as text: "27.662", "+138 (+0,5%)",
# "'57", "2025-10-15", "15/10/2025".
FIGURE_AS_TEXT = re.compile(r"^'|^[+-]?\d{1,3}(\.\d{3})*(,\d+)?%?$|^\d{4}-\d{2}-\d{2}$|^\d{2}/\d{2}/\d{4}$")


@pytest.fixture
def download(seeded, client_for, superuser):
    lai_chau_supervision()
    client = client_for(superuser)

    def get(name):
        args, query = PAGES[name]()
        response = client.get(reverse(f"admin:{name}", args=args), query)
        assert response.status_code == 200, name
        return response.content

    return get


def test_every_page_that_prints_has_a_document_and_a_workbook():
    assert len(DOCUMENTS) == 5 and len(WORKBOOKS) >= 5


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_document_is_laid_out_as_an_administrative_document(download, name):
    document = Document(io.BytesIO(download(name)))
    section = document.sections[0]
    size = (round(section.page_width.mm), round(section.page_height.mm))
    assert size == ((297, 210) if section.orientation == WD_ORIENT.LANDSCAPE else (210, 297))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]
    assert (document.styles["Normal"].font.name, document.styles["Normal"].font.size) == ("Times New Roman", Pt(13))
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    heading = document.tables[0].rows[0].cells
    assert heading[1].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert heading[0].text and heading[0].text == heading[0].text.upper()
    assert re.fullmatch(r"([^,]+, n|N)gày \d\d tháng \d\d năm \d{4}", document.paragraphs[0].text)
    assert "(Ký, ghi rõ họ tên)" in document.tables[-1]._element.xml


@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_workbook_keeps_figures_and_dates_typed(download, name):
    book = openpyxl.load_workbook(io.BytesIO(download(name)))
    as_text, typed = [], 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and FIGURE_AS_TEXT.search(cell.value.strip()):
                    as_text.append(f"{sheet.title}!{cell.coordinate}: {cell.value!r}")
                elif isinstance(cell.value, dt.date):
                    typed += 1
                    assert cell.number_format in ("dd/mm/yyyy", "dd/mm/yyyy hh:mm"), (name, cell.coordinate)
                elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    typed += 1
    assert as_text == []
    assert typed > 0
