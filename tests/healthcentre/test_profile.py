"""A unit's profile: its story for a span of years, told from the records of every app."""

import io

import openpyxl
import pytest
from django.urls import reverse

from healthcentre.models import Organisation


def profile_url(code, *suffix):
    unit = Organisation.objects.get(code=code)
    name = "admin:healthcentre_organisation_profile" + "".join(f"_{s}" for s in suffix)
    return reverse(name, args=[unit.pk])


@pytest.mark.usefixtures("seeded")
def test_tân_yêns_profile_tells_building_dialysis_flag_and_merger(client_for, superuser):
    response = client_for(superuser).get(profile_url("TTYT-TANYEN"), {"start": 2019, "end": 2025})
    assert response.status_code == 200
    body = response.content.decode()
    for told in (
        "Tòa nhà 7 tầng",
        "Đơn nguyên thận nhân tạo",
        "5/2020",
        "Cờ thi đua",
        "794/QĐ-UBND",
        "Hạng II",
        "16 khoa",
    ):
        assert told in body, told
    profile = response.context["profile"]
    assert any(e.kind == "merged" and e.date.year == 2019 for e in profile.rows_of("history"))
    assert {a.achievement_year for a in profile.rows_of("awards")} >= {2021, 2023, 2024}
    assert "<td>2024</td>" in body
    # The Minister's visit (2011) is outside 2019–2025; the 1958 station's story is not.
    assert "Bộ trưởng Bộ Y tế đến thăm" not in body
    assert "Trạm y tế huyện Tân Yên" in body


@pytest.mark.usefixtures("seeded")
def test_the_span_chooses_what_is_told(client_for, superuser):
    response = client_for(superuser).get(profile_url("TTYT-TANYEN"), {"start": 2010, "end": 2012})
    body = response.content.decode()
    assert "Bộ trưởng Bộ Y tế đến thăm" in body
    assert "Tòa nhà 7 tầng" not in body


@pytest.mark.usefixtures("seeded")
def test_lai_châus_profile_has_its_half_year_figures_and_conference(client_for, superuser):
    response = client_for(superuser).get(profile_url("TTYT-LAICHAU"), {"start": 2025, "end": 2025})
    body = response.content.decode()
    assert "27.662" in body and "57,6%" in body
    assert "Hội nghị sơ kết 6 tháng đầu năm" in body and "21/7/2025" in body
    assert "Phó Chủ tịch UBND phường Đoàn Kết" in body


@pytest.mark.usefixtures("seeded")
def test_bình_xuyêns_profile_has_its_supervision_round_and_tết_visit(client_for, superuser):
    response = client_for(superuser).get(profile_url("TTYT-BINHXUYEN"), {"start": 2025, "end": 2026})
    body = response.content.decode()
    assert len(response.context["profile"].rows_of("supervision").rounds) == 1
    assert "Đoàn lãnh đạo xã Bình Nguyên thăm, chúc Tết" in body
    assert "Bình Nguyên" in body


@pytest.mark.usefixtures("seeded")
def test_a_bad_span_is_explained_not_a_500(client_for, superuser):
    response = client_for(superuser).get(profile_url("TTYT-TANYEN"), {"start": 2025, "end": 2019})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_the_printable_page_and_the_workbook(client_for, superuser):
    client = client_for(superuser)
    printable = client.get(profile_url("TTYT-TANYEN", "print"), {"start": 2019, "end": 2025})
    assert "official-document.css" in printable.content.decode() and "Tòa nhà 7 tầng" in printable.content.decode()
    workbook = client.get(profile_url("TTYT-TANYEN", "xlsx"), {"start": 2019, "end": 2025})
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    assert len(book.sheetnames) == 7
    facilities = book.worksheets[5]
    rows = {row[1]: row for row in facilities.iter_rows(min_row=2, values_only=True)}
    assert rows["Tòa nhà 7 tầng"][4:7] == (7, 10500, 150)


@pytest.mark.usefixtures("seeded")
def test_a_centre_cannot_open_another_centres_profile(client_for, centre_admin):
    assert client_for(centre_admin).get(profile_url("TTYT-TANYEN")).status_code == 404
    assert client_for(centre_admin).get(profile_url("TTYT-BINHXUYEN")).status_code == 200


@pytest.mark.usefixtures("seeded")
def test_the_workbooks_key_figures_are_numbers_with_their_qualifiers_in_the_format(client_for, superuser):
    """The profile's sheet used to hold texts ("'+138 (+0,5%)", "hơn 63.000"): nothing added up."""
    workbook = client_for(superuser).get(profile_url("TTYT-LAICHAU", "xlsx"), {"start": 2024, "end": 2025})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Chỉ tiêu chính"]
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["Tăng/giảm", "Tăng/giảm (%)"]
    line = next(
        cell.row
        for cell in sheet["A"]
        if cell.value == "Lượt khám bệnh" and sheet[f"C{cell.row}"].value == "6 tháng đầu năm 2025"
    )
    plan, result, _percent, last_year, change, change_percent = (sheet.cell(line, column) for column in range(4, 10))
    assert (plan.value, result.value, last_year.value, change.value) == (48024, 27662, 27524, 138)
    assert change.number_format == "+#,##0;-#,##0;0"
    assert round(change_percent.value, 1) == 0.5 and change_percent.number_format == "+#,##0.0;-#,##0.0;0"


@pytest.mark.usefixtures("seeded")
def test_the_profile_downloads_as_a_document_with_each_section_as_a_table(client_for, superuser):
    from docx import Document

    client = client_for(superuser)
    page = client.get(profile_url("TTYT-LAICHAU"), {"start": 2024, "end": 2025}).content.decode()
    assert 'id="download-docx"' in page
    response = client.get(profile_url("TTYT-LAICHAU", "docx"), {"start": 2024, "end": 2025})
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "Chỉ tiêu chính" in texts and "BÁO CÁO" in texts
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    visits = next(
        [c.text for c in row.cells]
        for row in figures.rows
        if row.cells[0].text == "Lượt khám bệnh" and row.cells[2].text == "6 tháng đầu năm 2025"
    )
    assert visits[3:5] == ["khoảng 48.024", "27.662"]
    assert visits[7].startswith("+138")
