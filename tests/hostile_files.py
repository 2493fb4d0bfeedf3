"""Small hostile and malformed uploads, one of every kind the shared corpus holds (its README),
made here from the columns of the import they are sent to.

Each is tiny: a 2 KB xlsx that declares a million rows attacks as well as a real one, and a
zip bomb is a matter of ratio, not of size. The xlsx files are written by hand (a zip of a few
XML parts) so that what an attacker controls (the declared extent, the sheets, a DOCTYPE) is
controlled here too.
"""

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from healthcentre.importing.opener import column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# One cell in the last row Excel has, in a sheet that declares itself a single cell.
FAR_ROW = '<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'
# One cell far to the right, in a sheet that declares no extent: read as a dense grid, 30.000
# rows × 200 columns, more cells than an import reads at once.
FAR_COLUMN = '<row r="30000"><c r="GR30000"><v>1</v></c></row>'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ENTITY_BOMB = (
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {name} "{f"&{previous};" * 10}">' for previous, name in zip("abcdefg", "bcdefgh", strict=True))
    + "]>"
)


@dataclass(frozen=True)
class HostileFile:
    kind: str
    name: str
    data: bytes
    # Fragments of the Vietnamese message the user must see; any one will do.
    expect: tuple[str, ...]


def _cell(row: int, column: int, value) -> str:
    where = f"{column_letter(column)}{row}"
    if isinstance(value, int | float):
        return f'<c r="{where}"><v>{value}</v></c>'
    return f'<c r="{where}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_xml(rows, dimension: str | None = None, prolog: str = "", padding: int = 0) -> str:
    """A worksheet; `dimension` is the extent it declares (by default the true one; "" for
    none), `prolog` goes before the root element, `padding` zeros in a comment inflate it."""
    width = max((len(row) for row in rows), default=1)
    if dimension is None:
        dimension = f"A1:{column_letter(width - 1)}{max(len(rows), 1)}"
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell(r, c, escape(v) if isinstance(v, str) else v) for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, 1)
    )
    comment = f"<!--{'0' * padding}-->" if padding else ""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">'
        f"{declared}<sheetData>{body}</sheetData>{comment}</worksheet>"
    )


def xlsx(sheets: dict[str, str], content_types: bool = True) -> bytes:
    """A workbook of the given {sheet name: worksheet XML}."""
    handle = io.BytesIO()
    names = list(sheets)
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        if content_types:
            overrides = "".join(
                f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_TYPE}"/>'
                for n in range(1, len(names) + 1)
            )
            archive.writestr(
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{WORKBOOK_TYPE}"/>{overrides}</Types>',
            )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}"><Relationship '
            f'Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        listed = "".join(
            f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            f"<sheets>{listed}</sheets></workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(names) + 1)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{relations}'
            "</Relationships>",
        )
        for n, name in enumerate(names, 1):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", sheets[name])
    return handle.getvalue()


def csv_text(rows, separator: str = ",") -> str:
    def quoted(value) -> str:
        text = "" if value is None else str(value)
        if separator in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join(separator.join(quoted(v) for v in row) + "\r\n" for row in rows)


def hostile_files(columns: list[str], row: list, sheet: str = "Sheet1") -> list[HostileFile]:
    """Every kind of hostile file, for an import reading `columns` (the first is required and
    identifies a record) with `row` one valid-looking row."""
    header, second = list(columns), [*row[:-1], row[-1]]
    one = [header, row]

    def book(rows, **options) -> bytes:
        return xlsx({sheet: sheet_xml(rows, **options)})

    def both(kind, rows, expect) -> list[HostileFile]:
        data = csv_text(rows).encode("utf-8")
        return [HostileFile(kind, f"{kind}.csv", data, expect), HostileFile(kind, f"{kind}.xlsx", book(rows), expect)]

    not_xlsx = ("Đây không phải tệp Excel",)
    return [
        HostileFile("declared_huge_extent", "huge_extent.xlsx", book(one, dimension="A1:Z1048576"), ("1.048.576",)),
        HostileFile(
            "lying_extent",
            "lying_extent.xlsx",
            xlsx({sheet: sheet_xml(one, dimension="A1").replace("</sheetData>", FAR_ROW + "</sheetData>")}),
            ("có hơn 200.000 dòng",),
        ),
        HostileFile(
            "far_column_no_extent",
            "far_column.xlsx",
            xlsx({sheet: sheet_xml(one, dimension="").replace("</sheetData>", FAR_COLUMN + "</sheetData>")}),
            ("dòng 30.000 và cột GR",),
        ),
        HostileFile(
            "many_sheets",
            "many_sheets.xlsx",
            xlsx({f"{sheet}{n or ''}": sheet_xml(one) for n in range(51)}),
            ("trang tính; chỉ đọc được tối đa 50",),
        ),
        HostileFile(
            "header_100k_columns",
            "header_100k_columns.csv",
            csv_text([header + [f"c{n}" for n in range(1_000)], row]).encode(),
            ("chỉ đọc được tối đa 200 cột",),
        ),
        *both("duplicate_header", [[*header, header[0]], [*row, row[0]]], ("Cột này có hai lần",)),
        *both("missing_header", [header[1:], row[1:]], ("Thiếu cột này",)),
        *both(
            "no_recognised_column", [["foo", "bar"], ["1", "2"]], ("Tệp không có cột nào mà chức năng nhập này đọc",)
        ),
        *both("header_only", [header], ("không có dòng dữ liệu nào",)),
        HostileFile("bom_only", "bom_only.csv", b"\xef\xbb\xbf", ("Tệp không có dòng dữ liệu nào",)),
        HostileFile("empty", "empty.csv", b"", ("rỗng",)),
        HostileFile("empty", "empty.xlsx", b"", ("rỗng",)),
        HostileFile(
            "windows_1258",
            "windows1258.csv",
            windows_1258(csv_text([header, [*row[:-1], "Bình Xuyên"]])),
            ("không ở bảng mã UTF-8",),
        ),
        HostileFile("nul", "nul.csv", csv_text(one).replace(",", ",\x00", 1).encode(), ("không phải tệp văn bản",)),
        HostileFile(
            "unterminated_quote",
            "unterminated_quote.csv",
            (csv_text([header]) + '"' + ",".join(str(v) for v in row) + "\r\n").encode(),
            ("không bao giờ được đóng",),
        ),
        *both("long_cell", [header, [*row[:-1], "x" * 40_000]], ("32.767",)),
        *both("duplicate_key_rows", [header, row, second], ("đã có ở dòng 2",)),
        HostileFile("zip_bomb", "zip_bomb.xlsx", book(one, padding=3_000_000), ("giải nén ra lượng dữ liệu lớn",)),
        HostileFile(
            "entity_expansion",
            "entity_expansion.xlsx",
            book([header, [*row[:-1], "&h;"]], prolog=ENTITY_BOMB).replace(b"&amp;h;", b"&h;"),
            ("khai báo thực thể XML",),
        ),
        HostileFile("csv_named_xlsx", "csv_named.xlsx", csv_text(one).encode(), not_xlsx),
        HostileFile("png_named_xlsx", "png_named.xlsx", PNG_MAGIC + b"\x00" * 64, not_xlsx),
        HostileFile("truncated_xlsx", "truncated.xlsx", book(one)[:300], not_xlsx),
        HostileFile("no_content_types", "no_content_types.xlsx", xlsx({sheet: sheet_xml(one)}, False), not_xlsx),
        HostileFile("xls", "old.xls.xlsx", OLE2_MAGIC + b"\x00" * 512, ("Excel 97–2003",)),
        HostileFile("xlsx_named_csv", "xlsx_named.csv", book(one), ("không ở bảng mã UTF-8", "không phải tệp văn bản")),
    ]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """The text as Windows-1258 writes Vietnamese: the tone mark as a combining character
    after its vowel (which keeps its own circumflex, breve or horn)."""
    encoded = []
    for character in text:
        decomposed = unicodedata.normalize("NFD", character)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        encoded.append((base + "".join(c for c in decomposed if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(encoded)


def utf16_tab_file(rows) -> bytes:
    """Excel's "Unicode text": UTF-16 LE with its BOM, TAB between columns."""
    return b"\xff\xfe" + csv_text(rows, "\t").encode("utf-16-le")
