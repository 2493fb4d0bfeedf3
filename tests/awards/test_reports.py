"""The awards report: counts by decision, level and form, reward amounts, xlsx and printable page."""

from io import BytesIO

from openpyxl import load_workbook

from healthcentre.models import Organisation, Province

from .factories import award, person, tan_yen_awards

REPORT = "/admin/awards/awardrecord/report/"


def test_it_reads_five_collectives_and_twenty_three_individuals_for_lai_chau_2025(
    lai_chau_awards, superuser, client_for
):
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    page = client_for(superuser).get(REPORT, {"year": 2025, "unit": unit.pk}).content.decode()
    assert "5 tập thể và 23 cá nhân" in page
    assert "Kỷ niệm 70 năm ngày Bác Hồ gửi thư cho ngành Y tế" in page
    assert "Hội nghị điển hình tiên tiến ngành Y tế tỉnh Lai Châu lần thứ VI" in page
    assert "@media print" in page


def test_the_province_report_counts_the_same(lai_chau_awards, superuser, client_for):
    lai_chau = Province.objects.get(organisations__code="TTYT-LAICHAU")
    page = client_for(superuser).get(REPORT, {"year": 2025, "province": lai_chau.pk}).content.decode()
    assert "5 tập thể và 23 cá nhân" in page


def test_the_xlsx_keeps_numbers_as_numbers_and_computes_the_reward(world, catalogues, superuser, client_for):
    someone = person()
    award("CSTD-CO-SO", 2025, person=someone)
    award("LAO-DONG-TIEN-TIEN", 2025, person=person("nguoi-hai"))
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    response = client_for(superuser).get(
        REPORT, {"year": 2025, "unit": unit.pk, "base_salary": "2340000", "format": "xlsx"}
    )
    sheet = load_workbook(BytesIO(response.content))["Theo cấp và hình thức"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Chiến sĩ thi đua cơ sở"][3] == 1
    assert rows["Chiến sĩ thi đua cơ sở"][5] == 2_340_000
    assert rows["Lao động tiên tiến"][5] == 702_000
    amount = next(row[5] for row in sheet.iter_rows(min_row=2) if row[1].value == "Lao động tiên tiến")
    assert amount.number_format == "#,##0"  # 702.000 đồng, grouped as Vietnamese write amounts


def test_a_centre_sees_only_its_own_awards_in_the_report(lai_chau_awards, other_centre_admin, client_for):
    tan_yen_awards()  # 2024, among others
    award("CSTD-CO-SO", 2025, person=person())  # Bình Xuyên's
    page = client_for(other_centre_admin).get(REPORT, {"year": 2024}).content.decode()
    assert "0 tập thể và 0 cá nhân" in page
    lai_chau = client_for(other_centre_admin).get(REPORT, {"year": 2025}).content.decode()
    assert "5 tập thể và 23 cá nhân" in lai_chau


def test_the_changelist_links_the_reports(world, viewer, client_for):
    page = client_for(viewer).get("/admin/awards/awardrecord/").content.decode()
    assert REPORT in page
    assert "/admin/awards/awardrecord/eligibility/" in page


def test_the_eligibility_page_lists_who_is_ready_for_the_next_level(world, catalogues, superuser, client_for):
    someone = person("du-ba-nam")
    for year in (2023, 2024, 2025):
        award("CSTD-CO-SO", year, person=someone)
    page = client_for(superuser).get("/admin/awards/awardrecord/eligibility/", {"year": 2025}).content.decode()
    assert "Nguyễn Thị Test" in page
    assert "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in page
    assert "2023, 2024, 2025" in page
