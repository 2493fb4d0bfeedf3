"""The one writer of every Word document the system serves, laid out as a Vietnamese
administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, Times New Roman 13 pt,
margins of 20 mm top and bottom, 30 mm left and 15 mm right; the issuing body and the national
motto side by side at the top, the place and date line, the title, the body, and the signature
block; page numbers at the top centre from page 2. A wide table turns its section to
landscape. Offices edit and sign in Word, so the layout is Word's own, not a picture of a page."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from .downloads import attachment, saved_bytes
from .spreadsheets import Formatted

if TYPE_CHECKING:
    from .models import Organisation

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
BODY_SIZE = Pt(13)
TABLE_SIZE = Pt(11)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
A4 = (Mm(210), Mm(297))
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def local_today() -> dt.date:
    """The date a document is dated: today in Hà Nội, not in UTC."""
    return timezone.localdate()


def place_of(province_name: str) -> str:
    """The place a document is dated at: its province without the word for the tier."""
    for tier in ("Thành phố ", "Tỉnh "):
        if province_name.startswith(tier):
            return province_name[len(tier) :]
    return province_name


@dataclass(frozen=True)
class Heading:
    """What stands above the title: who issues the document, where and when."""

    issuer: str
    place: str
    date: dt.date
    parent_body: str = ""


def unit_heading(unit: "Organisation", date: dt.date | None = None) -> Heading:
    """A unit's own heading: its name under its parent body's, dated in its province."""
    parent = unit.parent.name if unit.parent else ""
    return Heading(unit.name, place_of(str(unit.province or "")), date or local_today(), parent)


@dataclass(frozen=True)
class Signer:
    position: str
    name: str = ""


@dataclass(frozen=True)
class Frame:
    """What stands around a document's body, on paper and in Word alike. One signer closes
    with "Nơi nhận" on the left (the recipients, then the office's file); several (the parties
    to minutes) sign side by side."""

    heading: Heading
    title: str
    subtitle: str = ""
    landscape: bool = False
    signers: tuple[Signer, ...] = ()
    recipients: tuple[str, ...] = ()

    national_name = NATIONAL_NAME
    motto = MOTTO

    @property
    def date_line(self) -> str:
        return date_line(self.heading.place, self.heading.date)

    @property
    def filed(self) -> tuple[str, ...]:
        """The "Nơi nhận" list: the recipients, then the office's own copy."""
        return (*self.recipients, _("Filed: office."))


def date_line(place: str, date: dt.date) -> str:
    """ "Lai Châu, ngày 03 tháng 12 năm 2026": days and months below 10 with a leading zero;
    "Ngày 03 tháng 12 năm 2026" for a body with no province (a ministry)."""
    when = _("day %(day)02d month %(month)02d year %(year)d") % {
        "day": date.day,
        "month": date.month,
        "year": date.year,
    }
    return f"{place}, {when}" if place else when[:1].upper() + when[1:]


def official_document(frame: Frame) -> DocumentObject:
    """A new document with its page, font, header block, place and date, and title."""
    heading = frame.heading
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    _lay_out(section, frame.landscape)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])
    _heading_block(document, heading)
    _paragraph(document, date_line(heading.place, heading.date), italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, frame.title.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_before=12)
    if frame.subtitle:
        _paragraph(document, frame.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    return document


def add_table(document: DocumentObject, header: Sequence[str], rows: Iterable[Iterable[object]]) -> None:
    """A bordered table, its header row bold and repeated on every page."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _cell_text(cell, str(text), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, list(values), strict=True):
            _cell_text(cell, cell_text(value), align=WD_ALIGN_PARAGRAPH.RIGHT if is_figure(value) else None)


def is_figure(value: object) -> bool:
    """A number, which a table aligns right."""
    raw = value.value if isinstance(value, Formatted) else value
    return isinstance(raw, int | float | Decimal) and not isinstance(raw, bool)


def cell_text(value: object) -> str:
    """A value as a document writes it: dates dd/mm/yyyy, numbers as Vietnamese write them."""
    if isinstance(value, Formatted):
        return value.shown or cell_text(value.value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal) and value.is_finite():
        # A column stores four places; the document shows those that carry a digit (9, 57,6).
        significant = value.normalize()
        value = significant.quantize(Decimal(1)) if int(significant.as_tuple().exponent) > 0 else significant
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return formats.number_format(value, force_grouping=True)
    return str(value)


def add_paragraph(document: DocumentObject, text: str, bold: bool = False) -> None:
    _paragraph(document, text, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def close_document(document: DocumentObject, frame: Frame) -> bytes:
    """The signatures, and the document as bytes."""
    if len(frame.signers) == 1:
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        _cell_text(left, _("Recipients:"), bold=True, italic=True, size=Pt(12))
        for recipient in frame.filed:
            _cell_text(left, f"- {recipient}", size=Pt(11), new_paragraph=True)
        _signature(right, frame.signers[0])
    elif frame.signers:
        table = document.add_table(rows=1, cols=len(frame.signers))
        for cell, signer in zip(table.rows[0].cells, frame.signers, strict=True):
            _signature(cell, signer)
    return saved_bytes(document)


def _signature(cell: _Cell, signer: Signer) -> None:
    """A signer's position, the room to sign, and the name under it."""
    _cell_text(cell, signer.position.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(cell, _("(signature, full name)"), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True)
    if signer.name:
        for _blank in range(3):
            _cell_text(cell, "", new_paragraph=True)
        _cell_text(cell, signer.name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True)


def docx_response(content: bytes, filename: str) -> HttpResponse:
    """A .docx download; `filename` includes the .docx extension."""
    return attachment(content, filename, DOCX_CONTENT_TYPE)


def _lay_out(section, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)
    section.header_distance = Mm(10)


def _heading_block(document: DocumentObject, heading: Heading) -> None:
    """The issuing body (under its parent body, if any) on the left, the national name and
    motto on the right, each centred in its column (Phụ lục I, ô số 1, 2)."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    if heading.parent_body:
        _cell_text(left, heading.parent_body.upper(), size=Pt(12), align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(
        left,
        heading.issuer.upper(),
        bold=True,
        size=Pt(12),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        new_paragraph=bool(heading.parent_body),
    )
    _cell_text(right, NATIONAL_NAME, bold=True, size=Pt(12), align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(right, MOTTO, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True)


def _page_number(paragraph) -> None:
    """A PAGE field, centred: Word numbers every page but the first, whose header is empty."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _paragraph(document: DocumentObject, text: str, *, bold=False, italic=False, align=None, space_before=0) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space_before)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic


def _cell_text(
    cell: _Cell, text: str, *, bold=False, italic=False, size=TABLE_SIZE, align=None, new_paragraph=False
) -> None:
    paragraph = cell.add_paragraph() if new_paragraph else cell.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = size
