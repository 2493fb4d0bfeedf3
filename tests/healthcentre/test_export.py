import csv
import io

import openpyxl
import pytest

from healthcentre.models import Organisation, Person
from healthcentre.spreadsheets import neutralise_formula


def export(client, url, fmt, fields):
    return client.post(url + "export/", {"format": fmt, **{f: True for f in fields}})


@pytest.mark.usefixtures("seeded")
def test_xlsx_keeps_numbers_as_numbers(client_for, superuser):
    response = export(
        client_for(superuser),
        "/admin/healthcentre/organisation/",
        0,
        ["organisationresource_code", "organisationresource_province"],
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["TTYT-LAICHAU"] == 12
    assert isinstance(rows["TTYT-LAICHAU"], int)


@pytest.mark.usefixtures("seeded")
def test_cells_a_spreadsheet_would_run_are_kept_as_text(client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    Person.objects.create(full_name='=HYPERLINK("http://evil","x")', organisation=unit, notes="+1 tăng")
    Person.objects.create(full_name="@SUM(A1)", organisation=unit, notes="-138 lượt\t")
    response = export(
        client_for(superuser),
        "/admin/healthcentre/person/",
        1,
        ["personresource_full_name", "personresource_notes"],
    )
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    values = {cell for row in rows for cell in row}
    assert '\'=HYPERLINK("http://evil","x")' in values
    assert "'@SUM(A1)" in values and "'+1 tăng" in values and "'-138 lượt\t" in values
    assert not any(cell.startswith(("=", "+", "@")) for cell in values)


def test_neutralising_leaves_numbers_alone():
    assert neutralise_formula(-138) == -138
    assert neutralise_formula("\rcmd") == "'\rcmd"
    assert neutralise_formula("Bình Xuyên") == "Bình Xuyên"
