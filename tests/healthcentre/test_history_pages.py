"""The history pages an administrator opens from a unit's form."""

from healthcentre.models import Event, Organisation


def url(unit, suffix=""):
    return f"/admin/healthcentre/event/unit/{unit.pk}/{suffix}"


def test_the_change_form_links_to_the_history_pages(seeded, client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-TANYEN")
    page = client_for(superuser).get(f"/admin/healthcentre/organisation/{unit.pk}/change/").content.decode()
    assert url(unit) in page and url(unit, "print/") in page and url(unit, "xlsx/") in page


def test_the_history_page_shows_timeline_lineage_and_state_on_a_date(seeded, client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-TANYEN-2005")
    page = client_for(superuser).get(url(unit), {"on": "1/1/2006"}).content.decode()
    assert "01/05/2005" in page and "2006" in page
    assert "<svg" in page and 'data-code="TRAMYT-TANYEN"' in page
    assert "Sở Y tế tỉnh Bắc Giang" in page
    assert 'class="uncertain"' in page


def test_a_bad_date_is_explained_not_a_crash(seeded, client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-TANYEN")
    response = client_for(superuser).get(url(unit), {"on": "31/2/2020"})
    assert response.status_code == 200
    assert "31/2/2020" in response.content.decode()
    response = client_for(superuser).get("/admin/healthcentre/event/units-on/", {"on": "hôm qua"})
    assert response.status_code == 200 and "errornote" in response.content.decode()


def test_the_printable_page_is_an_administrative_document(seeded, client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-TANYEN")
    page = client_for(superuser).get(url(unit, "print/")).content.decode()
    assert "official-document.css" in page and "794/QĐ-UBND" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "TRUNG TÂM Y TẾ HUYỆN TÂN YÊN" in page


def test_the_regional_centre_page_lists_the_communes_it_serves(seeded, client_for, province_admin):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    page = client_for(province_admin).get(url(unit)).content.decode()
    for name in ("Xã Bình Nguyên", "Xã Bình Tuyền", "Xã Bình Xuyên", "Xã Xuân Lãng"):
        assert name in page


def test_another_centres_history_is_not_shown(seeded, client_for, other_centre_admin):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    client = client_for(other_centre_admin)
    assert client.get(url(unit)).status_code == 404
    assert client.get(url(unit, "xlsx/")).status_code == 404


def test_units_on_a_date_page(seeded, client_for, superuser):
    page = client_for(superuser).get("/admin/healthcentre/event/units-on/", {"on": "01/01/1960"}).content.decode()
    assert "Trạm y tế huyện Tân Yên" in page
    assert "Bệnh viện Đa khoa huyện Tân Yên" not in page


def test_the_admin_form_refuses_a_merger_with_one_source(seeded, client_for, superuser):
    target = Organisation.objects.get(code="TTYT-LAICHAU")
    source = Organisation.objects.get(code="DT-LAICHAU-SUNGPHAI")
    response = client_for(superuser).post(
        "/admin/healthcentre/event/add/",
        {
            "code": "lc-merge",
            "organisation": target.pk,
            "kind": "merged",
            "date_text": "7/2025",
            "predecessors": [source.pk],
            "summary": "",
            "notes": "",
        },
    )
    assert response.status_code == 200
    assert "Sáp nhập cần ít nhất hai đơn vị nguồn" in response.content.decode()
    assert not Event.objects.filter(code="lc-merge").exists()


def test_the_admin_form_stores_a_partial_date_as_written(seeded, client_for, superuser):
    target = Organisation.objects.get(code="TTYT-LAICHAU")
    response = client_for(superuser).post(
        "/admin/healthcentre/event/add/",
        {
            "code": "lc-other",
            "organisation": target.pk,
            "kind": "other",
            "date_text": "7/2013",
            "summary": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    assert Event.objects.get(code="lc-other").date_text == "07/2013"


def test_the_workbook_import_page_names_the_mistake(seeded, client_for, province_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.healthcentre.history_helpers import workbook_bytes

    data = workbook_bytes(
        {"events": [["code", "organisation_code", "kind", "date"], ["x", "TTYT-BINHXUYEN", "nổ", "2020"]]}
    )
    upload = SimpleUploadedFile("tinh.xlsx", data)
    page = client_for(province_admin).post("/admin/healthcentre/event/import-workbook/", {"workbook": upload})
    text = page.content.decode()
    assert page.status_code == 200 and 'id="workbook-problems"' in text
    assert "<td>events</td><td>2</td><td>kind</td>" in text


def test_the_history_downloads_as_a_document_the_director_signs(seeded, client_for, superuser):
    import io

    from docx import Document

    unit = Organisation.objects.get(code="TTYT-TANYEN")
    page = client_for(superuser).get(url(unit)).content.decode()
    assert url(unit, "docx/") in page
    document = Document(io.BytesIO(client_for(superuser).get(url(unit, "docx/")).content))
    heading, events, _names, _positions, signature = document.tables
    assert heading.rows[0].cells[1].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Lịch sử của Trung tâm Y tế huyện Tân Yên" in [p.text for p in document.paragraphs]
    merger = next(row for row in events.rows if "Sáp nhập" in row.cells[2].text)
    assert merger.cells[0].text == "2019"
    assert signature.rows[0].cells[1].text.startswith("GIÁM ĐỐC")
