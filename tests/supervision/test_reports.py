import datetime as dt
from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from supervision.models import ActionItem, Finding
from tests.supervision.builders import binh_xuyen_station


def test_the_minutes_of_a_seeded_visit_print_what_the_article_says(october_round, client_for, centre_admin):
    visit = october_round.visits.get(station__code="TYT-X-BINHNGUYEN")
    page = client_for(centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes/").content.decode()
    assert "<h1>Biên bản giám sát: Trạm Y tế xã Bình Nguyên</h1>" in page
    assert "Phan Kim Trọng" in page and "15-21/10/2025" in page
    assert "Không rõ" in page
    assert "An toàn vệ sinh thực phẩm" in page
    printable = client_for(centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes/print/").content.decode()
    assert '<h1 class="document-title">BIÊN BẢN GIÁM SÁT</h1>' in printable
    assert "official-document.css" in printable and "Phan Kim Trọng" in printable


def test_the_minutes_download_as_a_spreadsheet_with_numbers(make_visit, area, client_for, centre_admin):
    visit = make_visit()
    Finding.objects.create(visit=visit, area=area, findings="Đủ nhân lực", score=9)
    ActionItem.objects.create(
        visit=visit, description="=cmd()", responsible_unit=visit.station, due_date=dt.date(2024, 12, 1)
    )
    response = client_for(centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    values = [row for row in load_workbook(BytesIO(response.content)).active.values]
    finding_row = next(r for r in values if r[0] == "Nhân lực y tế")
    assert (finding_row[1], finding_row[2], finding_row[3]) == ("Đủ nhân lực", 9, 10)
    assert any(r[1] == "'=cmd()" for r in values)


def test_the_minutes_download_as_a_document_both_parties_sign(make_visit, area, client_for, centre_admin):
    visit = make_visit()
    Finding.objects.create(visit=visit, area=area, findings="Đủ nhân lực", score=9)
    ActionItem.objects.create(
        visit=visit, description="Bổ sung sổ sách", responsible_unit=visit.station, due_date=dt.date(2024, 12, 1)
    )
    page = client_for(centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes/").content.decode()
    assert f"/admin/supervision/visit/{visit.pk}/minutes.docx" in page
    response = client_for(centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes.docx")
    assert response["Content-Disposition"].endswith('.docx"')
    document = Document(BytesIO(response.content))
    heading, *tables, signers = document.tables
    assert heading.rows[0].cells[1].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert "BIÊN BẢN GIÁM SÁT" in [p.text for p in document.paragraphs]
    rows = [[cell.text for cell in row.cells] for table in tables for row in table.rows]
    assert next(r for r in rows if r[0] == "Nhân lực y tế")[:4] == ["Nhân lực y tế", "Đủ nhân lực", "9", "10"]
    action = next(r for r in rows if r[1] == "Bổ sung sổ sách")
    assert action[3] == "01/12/2024"
    assert [cell.text.split("\n")[0] for cell in signers.rows[0].cells] == ["ĐẠI DIỆN TRẠM Y TẾ", "TRƯỞNG ĐOÀN"]


def test_the_round_summary_charts_the_average_score_per_area(make_round, make_visit, area, client_for, centre_admin):
    round_ = make_round()
    first = make_visit("TYT-X-BINHNGUYEN", round_=round_)
    second = make_visit(binh_xuyen_station("TYT-X-BINHTUYEN").code, round_=round_)
    Finding.objects.create(visit=first, area=area, score=6)
    Finding.objects.create(visit=second, area=area, score=8)
    page = client_for(centre_admin).get(f"/admin/supervision/supervisionround/{round_.pk}/summary/").content.decode()
    assert "<svg" in page and "Nhân lực y tế" in page
    document = Document(
        BytesIO(client_for(centre_admin).get(f"/admin/supervision/supervisionround/{round_.pk}/summary.docx").content)
    )
    scores = next(t for t in document.tables if t.rows[0].cells[0].text == "Trạm được giám sát")
    assert [row.cells[-1].text for row in scores.rows[1:]] == ["6", "8", "7"]  # the two stations, then the average
    assert "7.0/10 (70%)" in page
    assert 'width="252.0"' in page  # 70% of the 360-pixel bar


def test_the_round_summary_of_the_seeded_round_lists_its_seventeen_visits(october_round, client_for, centre_admin):
    client = client_for(centre_admin)
    page = client.get(f"/admin/supervision/supervisionround/{october_round.pk}/summary/").content.decode()
    assert "Các lượt giám sát (17)" in page
    assert "Đợt này chưa có điểm nào." in page
    sheet = client.get(f"/admin/supervision/supervisionround/{october_round.pk}/summary.xlsx")
    rows = list(load_workbook(BytesIO(sheet.content)).active.values)
    assert rows[1][0] == "Trạm được giám sát" and len(rows[1]) == 10


def test_reports_are_linked_from_the_change_forms(october_round, client_for, centre_admin):
    client = client_for(centre_admin)
    visit = october_round.visits.first()
    round_page = client.get(f"/admin/supervision/supervisionround/{october_round.pk}/change/").content.decode()
    assert f"/admin/supervision/supervisionround/{october_round.pk}/summary/" in round_page
    visit_page = client.get(f"/admin/supervision/visit/{visit.pk}/change/").content.decode()
    assert f"/admin/supervision/visit/{visit.pk}/minutes/" in visit_page
    assert f"/admin/supervision/visit/station/{visit.station_id}/" in visit_page


def test_another_centre_cannot_read_the_minutes(october_round, client_for, other_centre_admin):
    visit = october_round.visits.first()
    assert client_for(other_centre_admin).get(f"/admin/supervision/visit/{visit.pk}/minutes/").status_code == 404
    summary = f"/admin/supervision/supervisionround/{october_round.pk}/summary/"
    assert client_for(other_centre_admin).get(summary).status_code == 404
