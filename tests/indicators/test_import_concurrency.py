"""Two administrators confirming overlapping files at once both get an answer and every figure is
written once; a figure someone else writes meanwhile is a message; a database restart between
two requests costs nobody a 500.

PostgreSQL only: SQLite serialises writers itself (BEGIN IMMEDIATE with a busy timeout), and its
in-memory test database cannot be shared by two connections the way these tests need.
"""

import threading
import time
import wsgiref.util

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import Client

from healthcentre.models import ImportRun, Organisation
from healthcentre.resources import OrganisationResource
from indicators.importing import core
from indicators.models import DataValue, Indicator
from indicators.periods import periods_for
from tests.uploads import preview as preview_records

from .helpers import LONG_HEADER, xlsx

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: two connections writing at once"),
    pytest.mark.django_db(transaction=True),
]

URL = "/admin/indicators/datavalue/import/"
PERIOD = "2031S1"  # no seed uses it


def figure(indicator: str, value: str) -> list:
    return ["TTYT-BINHXUYEN", indicator, PERIOD, value, None, None, None, None]


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def preview(client, rows, name="values.xlsx") -> str:
    previewed = client.post(URL, {"layout": "long", "import_file": SimpleUploadedFile(name, xlsx(rows))})
    return previewed.context["token"]


def confirm(client, token, name="values.xlsx"):
    return client.post(URL, {"confirm": "1", "token": token, "layout": "long", "file_name": name})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def others_wait_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # the view is a snapshot per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0


class Rendezvous:
    """Holds each confirm at its write until the other confirm has reached its write too, or is
    waiting for a lock this one holds: the two really overlap, however the code orders them."""

    def __init__(self, parties: int = 2):
        self.parties, self.arrived, self.guard = parties, 0, threading.Lock()

    def meet(self) -> None:
        with self.guard:
            self.arrived += 1
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with self.guard:
                if self.arrived >= self.parties:
                    return
            if others_wait_for_a_lock():
                return
            time.sleep(0.01)
        raise AssertionError("the other confirm neither reached its write nor waited for a lock")


def held_at(monkeypatch, owner, name: str, before) -> None:
    original = getattr(owner, name)

    def held(*args, **kwargs):
        before()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)


def at_once(*requests):
    """Runs the requests in threads started together, each on its own database connection; an
    exception (a 500 in the test client) is returned as the answer."""
    start = threading.Barrier(len(requests))
    answers: list = [None] * len(requests)

    def run(index, request):
        try:
            start.wait(timeout=10)
            answers[index] = request()
        except Exception as exc:
            answers[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_two_confirms_of_overlapping_files_both_get_an_answer_and_write_each_figure_once(
    seeded, province_admin, centre_admin, monkeypatch
):
    first, second = logged_in(province_admin), logged_in(centre_admin)
    first_token = preview(first, [LONG_HEADER, figure("TT-BUOI", "10"), figure("TT-HO", "20")])
    second_token = preview(second, [LONG_HEADER, figure("TT-HO", "20"), figure("KCB-LUOT-KHAM", "30")])
    held_at(monkeypatch, core, "_write", Rendezvous().meet)

    answers = at_once(lambda: confirm(first, first_token), lambda: confirm(second, second_token))

    for answer in answers:
        assert not isinstance(answer, Exception), repr(answer)
        assert answer.status_code == 302
    # Whichever came second found the figure they share already there.
    assert sorted(message for answer in answers for message in messages_of(answer)) == [
        "Đã nhập: 1 tạo mới, 0 thay đổi, 1 không đổi.",
        "Đã nhập: 2 tạo mới, 0 thay đổi, 0 không đổi.",
    ]
    stored = DataValue.objects.filter(organisation__code="TTYT-BINHXUYEN", period__code=PERIOD)
    assert sorted(stored.values_list("indicator__code", "value")) == [
        ("KCB-LUOT-KHAM", 30),
        ("TT-BUOI", 10),
        ("TT-HO", 20),
    ]


def test_a_figure_someone_else_writes_meanwhile_is_a_message_and_nothing_is_written(
    seeded, province_admin, monkeypatch
):
    client = logged_in(province_admin)
    token = preview(client, [LONG_HEADER, figure("TT-BUOI", "10"), figure("TT-HO", "20")])
    period = periods_for([PERIOD])[PERIOD]

    def typed_in_the_admin_meanwhile():
        # Another connection, as a form saved in another browser would be, bypassing the import.
        DataValue.objects.create(
            organisation=Organisation.objects.get(code="TTYT-BINHXUYEN"),
            indicator=Indicator.objects.get(code="TT-HO"),
            period=period,
            value=99,
        )
        connection.close()

    def meanwhile():
        other = threading.Thread(target=typed_in_the_admin_meanwhile)
        other.start()
        other.join(timeout=30)

    held_at(monkeypatch, core, "_write", meanwhile)
    answer = confirm(client, token)

    assert answer.status_code == 200
    assert "Một lượt nhập khác đã ghi cùng các số liệu này" in answer.content.decode()
    stored = DataValue.objects.filter(organisation__code="TTYT-BINHXUYEN", period__code=PERIOD)
    assert list(stored.values_list("indicator__code", "value")) == [("TT-HO", 99)]
    assert ImportRun.objects.order_by("-pk").first().status == ImportRun.Status.REJECTED


UNITS = ["code", "name", "kind", "parent_code", "province_code"]


def unit(code: str) -> list:
    return [code, f"Trạm Y tế thử {code}", "commune_station", "TTYT-BINHXUYEN", 25]


def test_two_record_imports_confirmed_at_once_both_get_an_answer(seeded, province_admin, centre_admin, monkeypatch):
    clients = logged_in(province_admin), logged_in(centre_admin)
    files = [UNITS, unit("TYT-DONG-1"), unit("TYT-DONG-2")], [UNITS, unit("TYT-DONG-2"), unit("TYT-DONG-3")]
    confirms = [
        preview_records(client, "/admin/healthcentre/organisation/import/", rows).context["confirm_form"].initial
        for client, rows in zip(clients, files, strict=True)
    ]
    held_at(monkeypatch, OrganisationResource, "import_data_inner", Rendezvous().meet)

    answers = at_once(
        *(
            lambda client=client, data=data: client.post("/admin/healthcentre/organisation/process_import/", data)
            for client, data in zip(clients, confirms, strict=True)
        )
    )

    for answer in answers:
        assert not isinstance(answer, Exception), repr(answer)
        assert answer.status_code == 302
        assert any(message.startswith("Đã nhập xong") for message in messages_of(answer))
    assert sorted(Organisation.objects.filter(code__startswith="TYT-DONG-").values_list("code", flat=True)) == [
        "TYT-DONG-1",
        "TYT-DONG-2",
        "TYT-DONG-3",
    ]
    runs = ImportRun.objects.filter(file_name="upload.xlsx", dry_run=False)
    assert sorted(runs.values_list("status", "rows_created", "rows_unchanged")) == [
        ("committed", 1, 1),
        ("committed", 2, 0),
    ]


def served(path: str, cookie: str) -> int:
    """The status of one request served as the WSGI server serves it: Django's own handler with
    the request signals that check connections between requests (the test client skips them)."""
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_COOKIE": cookie}
    wsgiref.util.setup_testing_defaults(environ)
    status: list[str] = []
    response = WSGIHandler()(environ, lambda line, headers, exc_info=None: status.append(line))
    response.close()
    return int(status[0].split()[0])


def restart_the_database_under(connection_in_use) -> None:
    """What a PostgreSQL restart does to the server's kept connection: the backend goes away."""
    with connection_in_use.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    killer = connections.create_connection("default")
    try:
        with killer.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            for _attempt in range(200):
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if not cursor.fetchone()[0]:
                    break
                time.sleep(0.01)
    finally:
        killer.close()


def test_a_database_restart_between_two_requests_costs_no_500(django_user_model):
    client = logged_in(django_user_model.objects.create_superuser("admin-on-call", password="pw-admin"))
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    assert served("/admin/healthcentre/importrun/", cookie) == 200
    restart_the_database_under(connection)
    assert served("/admin/healthcentre/importrun/", cookie) == 200
