"""The platform finds the table on a sheet laid out for people: title, merged two-level header,
numbering row, sections, "Trong đó" parts, totals, and the signatures below."""

from healthcentre.importing.formats import rows_to_cells
from healthcentre.importing.opener import Workbook
from healthcentre.importing.tables import PART, RECORD, SECTION, TOTAL, read_table, unit_named_in
from tests.indicators.office_workbooks import bình_xuyên_2025, bình_xuyên_2026


def table_of(data: bytes):
    workbook = Workbook(data)
    sheet = workbook.sheet_names[0]
    return read_table(sheet, rows_to_cells(workbook.rows(sheet)), workbook.merged_ranges(sheet))


def test_the_header_the_sections_the_parts_and_the_total_are_found():
    table = table_of(bình_xuyên_2025())
    assert table.title[-1] == "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYÊN MÔN 9 THÁNG ĐẦU NĂM 2025"
    assert table.header_lines == (6, 8)  # two header rows and the numbering row
    assert [column.heading for column in table.columns][3:6] == [
        "Kế hoạch năm 2025",
        "Thực hiện / 9 tháng 2024",
        "Thực hiện / 9 tháng 2025",
    ]
    kinds = [(row.line, row.kind, row.label) for row in table.rows]
    assert kinds == [
        (9, SECTION, "KHÁM CHỮA BỆNH"),
        (10, RECORD, "Tổng số lượt khám bệnh"),
        (12, PART, "Lượt khám có thẻ BHYT"),
        (13, RECORD, "Lượt điều trị nội trú"),
        (14, SECTION, "Y TẾ DỰ PHÒNG"),
        (15, RECORD, "Trẻ dưới 1 tuổi tiêm chủng đủ 8 loại vắc-xin"),
        (16, TOTAL, "Tổng cộng"),
    ]
    part = table.rows[2]
    assert part.part_of is table.rows[1] and part.key == "tong so luot kham benh > luot kham co the bhyt"
    assert table.rows[3].section == "I KHÁM CHỮA BỆNH"
    assert table.notes == ["Bình Xuyên, ngày 05 tháng 10 năm 2025", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC"]


def test_next_years_file_of_the_same_layout_has_the_same_shape():
    assert table_of(bình_xuyên_2025()).fingerprint == table_of(bình_xuyên_2026()).fingerprint


def test_the_unit_a_title_names_is_found_by_its_place_whatever_its_kind_word():
    units = [("TTYT-BINHXUYEN", "Trung tâm Y tế khu vực Bình Xuyên"), ("TTYT-LAICHAU", "Trung tâm Y tế Lai Châu")]
    assert unit_named_in(["TRUNG TÂM Y TẾ HUYỆN BÌNH XUYÊN"], units) == "TTYT-BINHXUYEN"
    assert unit_named_in(["SỞ Y TẾ TỈNH PHÚ THỌ"], units) == ""
