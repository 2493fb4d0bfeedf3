import io

from openpyxl import Workbook, load_workbook

LONG_HEADER = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "qualifier", "note"]


def xlsx(rows, title="Sheet1") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data)).active
