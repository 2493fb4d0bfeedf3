"""The set-based indicator import writes its audit rows set-based: one history row per value
created or changed, naming the import, its user and its time, after the value before."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from healthcentre.models import ImportRun
from indicators.models import DataValue, Indicator
from indicators.periods import periods_for

from ..conftest import make_user
from .helpers import LONG_HEADER, data_value, xlsx

IMPORT_URL = "/admin/indicators/datavalue/import/"
FILE = [
    LONG_HEADER,
    ["TTYT-LAICHAU", "TT-BUOI", "2025Q3", "90", None, None, None, "quý 3"],
    ["TYT-P-DOANKET", "TCMR-DU-8", "2025Q3", None, 50, 60, None, None],
    ["TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", "27.700", None, None, None, None],
]


def import_through_the_admin(client, rows, name="values.xlsx") -> ImportRun:
    previewed = client.post(IMPORT_URL, {"layout": "long", "import_file": SimpleUploadedFile(name, xlsx(rows))})
    token = previewed.context["token"]
    confirmed = client.post(IMPORT_URL, {"confirm": "1", "token": token, "layout": "long", "file_name": name})
    assert confirmed.status_code == 302
    return ImportRun.objects.filter(dry_run=False).latest("started_at")


@pytest.fixture
def stored_visits(world, catalogues) -> DataValue:
    """Lai Châu's visits of the first half of 2025, the one figure of FILE already stored."""
    return data_value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", 27662)


def value(unit, indicator, period) -> DataValue:
    return DataValue.objects.get(organisation__code=unit, indicator__code=indicator, period__code=period)


def test_each_value_written_gets_one_history_row_naming_the_import_and_its_user(
    stored_visits, client_for, other_centre_admin
):
    client = client_for(other_centre_admin)
    run = import_through_the_admin(client, FILE)
    written = [
        value("TTYT-LAICHAU", "TT-BUOI", "2025Q3"),
        value("TYT-P-DOANKET", "TCMR-DU-8", "2025Q3"),
        value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1"),
    ]
    kinds = []
    for record in written:
        rows = list(record.history.filter(import_run=run))
        assert len(rows) == 1
        row = rows[0]
        assert (row.history_user, row.history_date) == (other_centre_admin, run.started_at)
        assert row.history_change_reason == f"Lần nhập #{run.pk}: values.xlsx"
        assert row.value == record.value and row.numerator == record.numerator
        kinds.append(row.history_type)
    assert kinds == ["+", "+", "~"]
    changed = written[2].history.order_by("-history_id")
    assert [h.value for h in changed[:2]] == [Decimal("27700"), Decimal("27662")]  # the value before, then the import's
    previews = ImportRun.objects.filter(dry_run=True)
    assert not DataValue.history.filter(import_run__in=previews).exists()


def test_an_unchanged_value_gets_no_history_row(stored_visits, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    first = import_through_the_admin(client, FILE)
    again = import_through_the_admin(client, FILE, name="again.xlsx")
    assert (again.rows_created, again.rows_updated, again.rows_unchanged) == (0, 0, 3)
    assert DataValue.history.filter(import_run=first).count() == 3
    assert not DataValue.history.filter(import_run=again).exists()


def test_a_values_history_page_names_the_import_that_set_it(stored_visits, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    run = import_through_the_admin(client, FILE)
    record = value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1")
    page = client.get(f"/admin/indicators/datavalue/{record.pk}/history/").content.decode()
    assert f"Lần nhập #{run.pk}: values.xlsx" in page
    assert f'href="/admin/healthcentre/importrun/{run.pk}/change/"' in page

    colleague = make_user("lai-chau-2", "centre_admin", "TTYT-LAICHAU")
    page = client_for(colleague).get(f"/admin/indicators/datavalue/{record.pk}/history/").content.decode()
    assert f"Lần nhập #{run.pk}: values.xlsx" in page
    # The import log shows a user only their own uploads: no link that would not open.
    assert f"/admin/healthcentre/importrun/{run.pk}/change/" not in page


def test_a_value_stored_before_imports_were_audited_keeps_its_state_before(catalogues, client_for, other_centre_admin):
    earlier = ImportRun.objects.create(target="values", file_name="old.xlsx", status=ImportRun.Status.COMMITTED)
    legacy = DataValue.objects.bulk_create(
        [
            DataValue(
                organisation=other_centre_admin.membership.organisation,
                indicator=Indicator.objects.get(code="KCB-CHAYTHAN"),
                period=periods_for(["2025S1"])["2025S1"],
                value=5,
                import_run=earlier,
            )
        ]
    )[0]
    assert not legacy.history.exists()
    run = import_through_the_admin(
        client_for(other_centre_admin), [LONG_HEADER, ["TTYT-LAICHAU", "KCB-CHAYTHAN", "2025S1", "7"]]
    )
    before, after = legacy.history.order_by("history_id")
    assert (before.value, before.import_run, before.history_date) == (5, earlier, earlier.started_at)
    assert (after.value, after.import_run, after.history_type) == (7, run, "~")
