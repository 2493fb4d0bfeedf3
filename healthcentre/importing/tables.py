"""Finding the table on a sheet an office laid out for people, not for a program.

A district office's results table is a document: a title block (the unit, "BÁO CÁO KẾT QUẢ …
9 THÁNG ĐẦU NĂM 2025"), a header of one or two levels made of merged cells, a numbering row
"(1) (2) … (n)" under it, section rows ("I", "II", "A."), "Trong đó" rows that are parts of the
row above, total rows ("Tổng cộng", "Cộng"), and below the table its notes and signature block
("GIÁM ĐỐC", "Người lập biểu", "…, ngày … tháng … năm …"). `read_table` finds each of these, so
that a domain maps only what the sheet means: which column is which figure, which row is which
record. Nothing here knows a domain; the domains' office importers stand on it.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from healthcentre.search import fold

from .opener import column_letter

MergedRange = tuple[tuple[int, int], tuple[int, int]]
"""((first row, first column), (last row, last column)), zero-based, as calamine gives them."""

HEADER_SCAN_ROWS = 30
"""The header stands within the first rows: a title block is never longer."""

ROMAN = re.compile(r"^(?=[ivxlc])m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})[.)]?$")
LETTER = re.compile(r"^[a-zđ][.)]?$")
NUMBERING = re.compile(r"^\(?[0-9a-z]{1,3}\)?$|^\([0-9]+\)\s*=.*$")
PART_MARKS = ("-", "+", "–", "•", "*")  # what offices put before a part
TOTAL_LABELS = {"tong cong", "cong", "tong", "tong so chung", "toan huyen", "toan tinh"}
FOOTER_STARTS = (
    "nguoi lap",
    "giam doc",
    "pho giam doc",
    "thu truong",
    "ke toan",
    "noi nhan",
    "xac nhan",
    "ghi chu",
    "tm.",
    "kt.",
)
PLACE_AND_DATE = re.compile(r"ngay\s*[0-9.…]*\s*thang\s*[0-9.…]*\s*nam")


@dataclass(frozen=True)
class Column:
    index: int
    heading: str
    """Its header levels, top to bottom, joined by " / ": "Kết quả / 9 tháng 2025"."""

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class BodyRow:
    line: int
    """1-based, as the sheet numbers it."""
    cells: list[object]
    kind: str
    """RECORD, SECTION, PART or TOTAL."""
    label: str
    section: str = ""
    """The section row it stands under ("I. Khám chữa bệnh"), if any."""
    part_of: "BodyRow | None" = None
    """For a part ("Trong đó …"), the row it is a part of."""

    @property
    def key(self) -> str:
        """The row as a mapping names it, accent- and case-free: a part by its whole and its
        own label ("tong so luot kham > tre em"), since two wholes may have parts of one name."""
        own = folded(self.label)
        return f"{self.part_of.key} > {own}" if self.part_of else own

    def cell(self, index: int) -> object:
        return self.cells[index] if index < len(self.cells) else None


RECORD, SECTION, PART, TOTAL = "record", "section", "part", "total"


@dataclass
class SheetTable:
    sheet: str
    title: list[str]
    """The title block's lines, top to bottom."""
    columns: list[Column]
    header_lines: tuple[int, int]
    """First and last 1-based line of the header (the numbering row included)."""
    label_column: int
    rows: list[BodyRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """The notes and signature block under the table."""

    @property
    def fingerprint(self) -> str:
        """The shape of the header, whatever the figures and years: two files of one layout,
        a year apart, have the same fingerprint."""
        return header_fingerprint(column.heading for column in self.columns)

    def column(self, index: int) -> Column | None:
        return next((column for column in self.columns if column.index == index), None)

    @property
    def records(self) -> list[BodyRow]:
        return [row for row in self.rows if row.kind in (RECORD, PART)]


def folded(text: str) -> str:
    """Accent- and case-free, with single spaces: how labels and names are compared."""
    return " ".join((fold(text) or "").split())


def header_key(heading: str) -> str:
    """A heading as the fingerprint compares it: accent- and case-free, numbers left out."""
    return re.sub(r"\s+", " ", re.sub(r"[0-9]+", "#", fold(heading) or "")).strip()


def header_fingerprint(headings: Iterable[str]) -> str:
    keys = "|".join(header_key(heading) for heading in headings)
    return hashlib.sha256(keys.encode()).hexdigest()[:16]


def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def filled(rows: list[list[object]], merged: Sequence[MergedRange]) -> list[list[object]]:
    """The rows with a merged cell's value in every cell it spans: a heading over two columns
    heads both, a value merged over three rows belongs to the three."""
    grid = [list(row) for row in rows]
    for (top, left), (bottom, right) in merged:
        if top >= len(grid):
            continue
        row = grid[top]
        value = row[left] if left < len(row) else None
        for line in range(top, min(bottom, len(grid) - 1) + 1):
            target = grid[line]
            if len(target) <= right:
                target.extend([""] * (right + 1 - len(target)))
            for index in range(left, right + 1):
                if target[index] in (None, ""):
                    target[index] = value
    return grid


def _texts(row: Sequence[object]) -> list[str]:
    return [text_of(value) for value in row]


def _distinct_texts(row: Sequence[object]) -> set[str]:
    return {text for value in row if (text := text_of(value)) and not is_number(value)}


def _is_numbering(row: Sequence[object]) -> bool:
    cells = [fold(text) or "" for text in _texts(row) if text]
    return len(cells) >= 3 and all(NUMBERING.match(cell) for cell in cells)


def _header_start(grid: list[list[object]]) -> int | None:
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        if len(_distinct_texts(row)) >= 3 and not any(is_number(value) for value in row):
            return index
    return None


def _header_depth(start: int, grid: list[list[object]], merged: Sequence[MergedRange]) -> int:
    """How many rows the header spans: as many as its tallest merged heading, and two when a
    heading groups the columns under it."""
    depth = 1
    for (top, left), (bottom, right) in merged:
        if top == start:
            depth = max(depth, bottom - top + 1)
            if right > left and start + 1 < len(grid):
                under = _texts(grid[start + 1][left : right + 1])
                if len(set(filter(None, under))) > 1:
                    depth = max(depth, 2)
    return min(depth, 3)


def _headings(grid: list[list[object]], start: int, depth: int) -> list[Column]:
    width = max(len(row) for row in grid[start : start + depth])
    columns = []
    for index in range(width):
        levels: list[str] = []
        for row in grid[start : start + depth]:
            text = text_of(row[index]) if index < len(row) else ""
            if text and text not in levels:
                levels.append(text)
        if levels:
            columns.append(Column(index, " / ".join(levels)))
    return columns


def _label_column(body: list[list[object]], columns: list[Column]) -> int:
    """The column that names the rows: the one holding the most words."""

    def words(index: int) -> int:
        return sum(
            1
            for row in body
            if index < len(row) and not is_number(row[index]) and len(text_of(row[index]).split()) >= 2
        )

    return max((column.index for column in columns), key=words)


def _is_footer(texts: list[str]) -> bool:
    for text in filter(None, texts):
        key = fold(text) or ""
        if key.startswith(FOOTER_STARTS) or PLACE_AND_DATE.search(key):
            return True
    return False


def _figures(row: Sequence[object], label_column: int, numbering_column: int | None) -> list[object]:
    skipped = {label_column, numbering_column}
    return [value for index, value in enumerate(row) if index not in skipped and text_of(value)]


def _kind(label: str, number: str, figures: list[object]) -> str:
    key = fold(label) or ""
    bare = re.sub(r"[^a-z ]", "", key).strip()
    if bare in TOTAL_LABELS:
        return TOTAL
    if not figures and (ROMAN.match(fold(number) or "") or LETTER.match(fold(number) or "")):
        return SECTION
    if not figures and label and label.upper() == label and any(c.isalpha() for c in label):
        return SECTION
    return RECORD


def read_table(sheet: str, rows: list[list[object]], merged: Sequence[MergedRange] = ()) -> SheetTable | None:
    """The table on the sheet, or None when no header stands in its first rows."""
    grid = filled(rows, merged)
    start = _header_start(grid)
    if start is None:
        return None
    depth = _header_depth(start, grid, merged)
    columns = _headings(grid, start, depth)
    body_start = start + depth
    if body_start < len(grid) and _is_numbering(grid[body_start]):
        body_start += 1
    title = [" ".join(sorted(_distinct_texts(row), key=_texts(row).index)) for row in grid[:start]]
    label_column = _label_column(grid[body_start:], columns)
    numbering_column = next((c.index for c in columns if c.index < label_column), None)
    table = SheetTable(sheet, [line for line in title if line], columns, (start + 1, body_start), label_column)
    section = ""
    last_record: BodyRow | None = None
    in_parts = False
    for offset, row in enumerate(grid[body_start:]):
        line = body_start + offset + 1
        texts = _texts(row)
        if not any(texts):
            continue
        if _is_footer(texts):
            table.notes = [text for later in grid[body_start + offset :] for text in _texts(later) if text]
            break
        label = texts[label_column] if label_column < len(texts) else ""
        number = texts[numbering_column] if numbering_column is not None and numbering_column < len(texts) else ""
        figures = _figures(row, label_column, numbering_column)
        key = fold(label) or ""
        if key.startswith("trong do"):
            rest = label.split(":", 1)[1].strip() if ":" in label else ""
            in_parts = True
            if not figures and not rest:
                continue
            table.rows.append(BodyRow(line, row, PART, rest or label, section, last_record))
            continue
        if in_parts and label.startswith(PART_MARKS):
            table.rows.append(BodyRow(line, row, PART, label.lstrip("".join(PART_MARKS) + " "), section, last_record))
            continue
        in_parts = False
        kind = _kind(label, number, figures)
        if kind == SECTION:
            section = " ".join(filter(None, (number, label)))
        body_row = BodyRow(line, row, kind, label, section)
        if kind == RECORD:
            last_record = body_row
        table.rows.append(body_row)
    return table


GENERIC_NAME_WORDS = re.compile(
    r"^(trung tam y te|so y te|tram y te|diem tram y te|benh vien da khoa|benh vien)"
    r"(\s+(khu vuc|huyen|thi xa|thanh pho|quan|tinh|xa|phuong|thi tran))?\s+"
)


def place_key(name: str) -> str:
    """A unit's name without the words every such unit shares: "Trung tâm Y tế khu vực Bình
    Xuyên" → "binh xuyen", which the title "TRUNG TÂM Y TẾ HUYỆN BÌNH XUYÊN" holds too."""
    return GENERIC_NAME_WORDS.sub("", folded(name))


def unit_named_in(title: Sequence[str], units: Iterable[tuple[str, str]]) -> str:
    """The code of the unit the title names: of (code, name) candidates, the one
    whose full name, else whose place, the title holds (the longest, if several); "" if none."""
    text = " ".join(folded(line) for line in title)
    best, best_length = "", 0
    for code, name in units:
        full = folded(name)
        for key, bonus in ((full, 1000), (place_key(name), 0)):
            if (
                len(key) >= 3
                and re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", text)
                and len(key) + bonus > best_length
            ):
                best, best_length = code, len(key) + bonus
    return best
