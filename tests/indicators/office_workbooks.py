"""Results tables as district offices lay them out, not as the system's template does: a title
block with the unit and the period, a two-level header of merged cells, a numbering row,
roman-numbered sections, a "Trong đó" part, a total row, the place and date and the signatures."""

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

Figures = Sequence[object]
"""One row under the header: number, label, unit, plan, last year, this year, % of plan, change."""


def nine_month_sheet(sheet: Worksheet, year: int, rows: Sequence[Figures], unit: str) -> None:
    sheet["A1"] = unit
    sheet.merge_cells("A1:C1")
    sheet["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet.merge_cells("E1:H1")
    sheet["E2"] = "Độc lập - Tự do - Hạnh phúc"
    sheet.merge_cells("E2:H2")
    sheet["A4"] = f"BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYÊN MÔN 9 THÁNG ĐẦU NĂM {year}"
    sheet.merge_cells("A4:H4")
    headings = ("TT", "Chỉ tiêu", "Đơn vị tính", f"Kế hoạch năm {year}", "% KH", "So sánh cùng kỳ")
    for column, heading in zip("ABCDGH", headings, strict=True):
        sheet[f"{column}6"] = heading
        sheet.merge_cells(f"{column}6:{column}7")
    sheet["E6"] = "Thực hiện"
    sheet.merge_cells("E6:F6")
    sheet["E7"], sheet["F7"] = f"9 tháng {year - 1}", f"9 tháng {year}"
    for index in range(8):
        sheet.cell(8, index + 1, f"({index + 1})")
    line = 9
    for row in rows:
        for index, value in enumerate(row):
            sheet.cell(line, index + 1, value)
        line += 1
    sheet.cell(line, 2, "Tổng cộng")
    sheet.cell(line, 6, 99999)
    sheet.cell(line + 2, 6, f"Bình Xuyên, ngày 05 tháng 10 năm {year}")
    sheet.cell(line + 3, 2, "NGƯỜI LẬP BIỂU")
    sheet.cell(line + 3, 6, "GIÁM ĐỐC")


def workbook_bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def nine_month_table(year: int, rows: Sequence[Figures], unit: str = "TRUNG TÂM Y TẾ KHU VỰC BÌNH XUYÊN") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "BC 9 thang"
    nine_month_sheet(sheet, year, rows, unit)
    return workbook_bytes(workbook)


def stations_workbook(year: int, stations: dict[str, Sequence[Figures]], other_sheet: bool = True) -> bytes:
    """A centre's workbook with one sheet per station, each titled by its station, and a sheet of
    another layout (a list of staff) after them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, (title, rows) in enumerate(stations.items(), 1):
        nine_month_sheet(workbook.create_sheet(f"Tram {number}"), year, rows, title)
    if other_sheet:
        staff = workbook.create_sheet("Nhan luc")
        for row in (("STT", "Họ và tên", "Chức vụ", "Trình độ"), (1, "Nguyễn Văn A", "Trạm trưởng", "Bác sĩ")):
            staff.append(row)
    return workbook_bytes(workbook)


def bình_xuyên_2025() -> bytes:
    return nine_month_table(
        2025,
        [
            ("I", "KHÁM CHỮA BỆNH"),
            ("1", "Tổng số lượt khám bệnh", "lượt", "120.000", "80.100", "92.345", "76,9%", "tăng 15,3%"),
            ("", "Trong đó:"),
            ("", "- Lượt khám có thẻ BHYT", "lượt", "", "70.000", "81.000", "", ""),
            ("2", "Lượt điều trị nội trú", "lượt", 5000, 3100, "hơn 3.400", "68%", "giảm"),
            ("II", "Y TẾ DỰ PHÒNG"),
            ("3", "Trẻ dưới 1 tuổi tiêm chủng đủ 8 loại vắc-xin", "%", "98", "", "279/300", "", ""),
        ],
    )


def bình_xuyên_2026(visits: object = "95.010") -> bytes:
    return nine_month_table(
        2026,
        [
            ("I", "KHÁM CHỮA BỆNH"),
            ("1", "Tổng số lượt khám bệnh", "lượt", "125.000", "92.345", visits, "76%", "tăng 2,9%"),
            ("", "Trong đó:"),
            ("", "- Lượt khám có thẻ BHYT", "lượt", "", "81.000", "83.500", "", ""),
            ("2", "Lượt điều trị nội trú", "lượt", 5200, 3400, 3650, "70,2%", "tăng 7,4%"),
            ("II", "Y TẾ DỰ PHÒNG"),
            ("3", "Trẻ dưới 1 tuổi tiêm chủng đủ 8 loại vắc-xin", "%", "98", "279/300", "290/301", "", ""),
        ],
    )
