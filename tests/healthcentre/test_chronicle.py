"""The chronicle and the facilities: seeded from the articles, checked on entry and import."""

import io

import openpyxl
import pytest
from django.db import IntegrityError, transaction

from healthcentre.models import ChronicleEntry, ChronicleParticipant, Facility, Organisation
from tests.uploads import named, xlsx_bytes


def test_the_articles_facts_are_seeded_as_dated_as_the_article_allows(seeded):
    visit = ChronicleEntry.objects.get(code="TANYEN-2011-BOTRUONG")
    assert (visit.start_text, visit.kind) == ("2011", "visit_received")
    dialysis = Facility.objects.get(code="TANYEN-THAN-NHAN-TAO")
    assert dialysis.start_text == "05/2020" and "trên 30 người bệnh" in dialysis.description
    building = Facility.objects.get(code="TANYEN-NHA-7-TANG")
    assert (building.floors, building.floor_area_m2, building.beds, building.start_text) == (7, 10500, 150, "2022")
    covid = ChronicleEntry.objects.get(code="TANYEN-2020-COVID")
    assert covid.period_text == "2020 – 2022"
    conference = ChronicleEntry.objects.get(code="LAICHAU-2025-SOKET")
    assert conference.start_text == "21/07/2025"
    guests = {str(p) for p in conference.participants.filter(role="guest")}
    assert any("Phó Chủ tịch UBND phường Đoàn Kết" in g for g in guests)
    assert Facility.objects.get(code="TANYEN-QT-KY-THUAT").quantity_text == "trên 900"


@pytest.mark.usefixtures("seeded")
def test_an_entry_without_a_date_is_refused_by_form_and_database(client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    response = client_for(superuser).post(
        "/admin/healthcentre/chronicleentry/add/",
        {
            "code": "BX-KHONG-NGAY",
            "organisation": unit.pk,
            "kind": "visit_received",
            "start_text": "",
            "end_text": "",
            "title": "Đoàn đến thăm",
            "participants-TOTAL_FORMS": 0,
            "participants-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not ChronicleEntry.objects.filter(code="BX-KHONG-NGAY").exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        ChronicleEntry.objects.create(code="BX-KHONG-NGAY", organisation=unit, kind="other", title="x")


def test_a_participant_must_be_someone(seeded):
    entry = ChronicleEntry.objects.get(code="LAICHAU-2025-SOKET")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChronicleParticipant.objects.create(entry=entry, role="guest")


def xlsx(rows):
    return named(xlsx_bytes(rows), "bien-nien.xlsx")


@pytest.mark.usefixtures("seeded")
def test_importing_entries_reads_partial_dates_and_names_bad_cells(client_for, superuser):
    client = client_for(superuser)
    header = ["code", "organisation_code", "kind", "start", "end", "title"]
    good = ["BX-2025-HOINGHI", "TTYT-BINHXUYEN", "Tổ chức hội nghị", "tháng 12/2025", "", "Hội nghị tổng kết"]
    bad = ["BX-2025-SAI", "TTYT-BINHXUYEN", "conference", "32/13/2025", "", "Sai ngày"]
    response = client.post(
        "/admin/healthcentre/chronicleentry/import/",
        {"resource": 0, "format": 0, "import_file": xlsx([header, good, bad])},
    )
    problems = [(p.row, p.column) for p in response.context["result"].problems]
    assert problems == [(3, "start")]
    assert not ChronicleEntry.objects.filter(code__startswith="BX-2025").exists()
    response = client.post(
        "/admin/healthcentre/chronicleentry/import/", {"resource": 0, "format": 0, "import_file": xlsx([header, good])}
    )
    client.post("/admin/healthcentre/chronicleentry/process_import/", response.context["confirm_form"].initial)
    entry = ChronicleEntry.objects.get(code="BX-2025-HOINGHI")
    assert (entry.start_text, entry.kind) == ("12/2025", "conference")


@pytest.mark.usefixtures("seeded")
def test_a_centre_sees_only_its_own_chronicle(client_for, centre_admin):
    listed = {
        e.code for e in client_for(centre_admin).get("/admin/healthcentre/chronicleentry/").context["cl"].result_list
    }
    assert "BINHXUYEN-2026-TET" in listed
    assert not {code for code in listed if code.startswith(("TANYEN", "LAICHAU"))}


@pytest.mark.usefixtures("seeded")
def test_facilities_export_keeps_numbers_and_partial_dates(client_for, superuser):
    response = client_for(superuser).post(
        "/admin/healthcentre/facility/export/",
        {
            "format": 0,
            "facilityresource_code": True,
            "facilityresource_start": True,
            "facilityresource_floor_area_m2": True,
        },
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["TANYEN-NHA-7-TANG"] == ("2022", 10500)
    assert rows["TANYEN-THAN-NHAN-TAO"][0] == "05/2020"
