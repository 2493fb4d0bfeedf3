"""An upload kept between preview and confirm belongs to the user who uploaded it.

The defect: the confirm step of the admin import read, then deleted, any file in the server's
temp directory whose name the client sent back (another user's pending upload included), and
the confirm page showed the file's absolute temp path. The indicators import kept its files
under a name anyone could work out from the file's content, and never expired them.
"""

import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

import pytest
from django.test import Client

from healthcentre.importing.uploads import upload_store
from healthcentre.models import Person
from indicators.models import DataValue
from tests.uploads import named, preview, xlsx_bytes

GONE = "Tệp đã xem trước không còn nữa. Hãy tải tệp lên lại."

PEOPLE_URL = "/admin/healthcentre/person/"
PEOPLE = [["code", "full_name", "organisation_code"], ["tran-thi-tai-len", "Trần Thị Tải Lên", "TTYT-BINHXUYEN"]]

VALUES_URL = "/admin/indicators/datavalue/import/"
VALUES = [
    ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "qualifier", "note"],
    ["TTYT-LAICHAU", "TT-BUOI", "2025Q3", "90", None, None, None, None],
]
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path) -> Path:
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.IMPORT_UPLOAD_DIR


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def kept_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def imported_people():
    return Person.objects.filter(full_name="Trần Thị Tải Lên")


def imported_values():
    return DataValue.objects.filter(organisation__code="TTYT-LAICHAU", indicator__code="TT-BUOI", period__code="2025Q3")


def preview_people(client):
    response = preview(client, PEOPLE_URL + "import/", PEOPLE, "people.xlsx")
    assert "confirm_form" in response.context
    return response


def confirm_people(client, fields: dict):
    return client.post(PEOPLE_URL + "process_import/", fields, follow=True)


def preview_values(client):
    response = client.post(VALUES_URL, {"layout": "long", "import_file": named(xlsx_bytes(VALUES), "values.xlsx")})
    assert "Xác nhận nhập" in response.content.decode()
    return response


def confirm_fields(preview) -> tuple[dict, str]:
    """The hidden fields of the indicators confirm form, as the browser posts them back, and
    the name of the one that says which upload to import."""
    fields = dict(HIDDEN_INPUT.findall(preview.content.decode()))
    fields.pop("csrfmiddlewaretoken", None)
    key = next(name for name in fields if name not in {"layout", "file_name"})
    return {**fields, "confirm": "1"}, key


@pytest.fixture
def planted_file():
    """A valid import file of people in the server's temp directory, as any process may leave one."""
    handle, name = tempfile.mkstemp(suffix=".xlsx")
    with os.fdopen(handle, "wb") as file:
        file.write(xlsx_bytes(PEOPLE))
    yield Path(name)
    Path(name).unlink(missing_ok=True)


def test_another_users_upload_is_refused_and_stays_its_owners(centre_admin, other_centre_admin):
    owner, intruder = logged_in(centre_admin), logged_in(other_centre_admin)
    fields = preview_people(owner).context["confirm_form"].initial
    refused = confirm_people(intruder, fields)
    assert refused.status_code == 200
    assert GONE in refused.content.decode()
    assert not imported_people().exists()
    done = confirm_people(owner, fields)
    assert done.status_code == 200
    assert imported_people().get().organisation.code == "TTYT-BINHXUYEN"
    assert kept_files(Path(upload_store.root)) == []


@pytest.mark.parametrize(
    "name_of", [str, lambda path: path.name, lambda path: "../../etc/passwd"], ids=["absolute", "name", "traversal"]
)
def test_a_path_or_temp_file_name_is_refused_and_the_file_left_alone(centre_admin, planted_file, name_of):
    fields = {"import_file_name": name_of(planted_file), "original_file_name": "people.xlsx", "format": 0}
    response = confirm_people(logged_in(centre_admin), {**fields, "resource": 0})
    assert response.status_code == 200
    assert GONE in response.content.decode()
    assert planted_file.exists()
    assert not imported_people().exists()


def test_the_confirm_page_shows_no_server_path(centre_admin, upload_dir):
    response = preview_people(logged_in(centre_admin))
    page = response.content.decode()
    assert tempfile.gettempdir() not in page
    assert str(upload_dir) not in page
    assert "/" not in response.context["confirm_form"].initial["import_file_name"]


def test_the_kept_file_is_the_owners_alone(centre_admin, upload_dir):
    token = upload_store.save(centre_admin, b"data", ".csv")
    (path,) = kept_files(upload_dir)
    assert path.parent == upload_dir / str(centre_admin.pk)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert upload_store.read(centre_admin, token) == b"data"


@pytest.mark.usefixtures("catalogues")
def test_an_expired_upload_is_purged_by_the_next_save_and_refused(centre_admin, other_centre_admin, upload_dir):
    owner = logged_in(centre_admin)
    fields = preview_people(owner).context["confirm_form"].initial
    (aged,) = kept_files(upload_dir)
    long_ago = time.time() - 24 * 60 * 60 - 60
    os.utime(aged, (long_ago, long_ago))
    preview_values(logged_in(other_centre_admin))
    assert not aged.exists()
    assert len(kept_files(upload_dir)) == 1  # the fresh preview is kept
    response = confirm_people(owner, fields)
    assert GONE in response.content.decode()
    assert not imported_people().exists()


def test_an_expired_upload_not_yet_purged_is_refused(centre_admin, upload_dir, settings):
    owner = logged_in(centre_admin)
    fields = preview_people(owner).context["confirm_form"].initial
    settings.IMPORT_UPLOAD_TTL_SECONDS = -1
    response = confirm_people(owner, fields)
    assert GONE in response.content.decode()
    assert not imported_people().exists()
    assert kept_files(upload_dir) == []


@pytest.mark.usefixtures("catalogues")
def test_the_indicators_upload_is_refused_to_another_user(centre_admin, other_centre_admin):
    owner, intruder = logged_in(other_centre_admin), logged_in(centre_admin)
    preview = preview_values(owner)
    # Not named after its content: the content of a blank template is known to everyone.
    assert hashlib.sha256(xlsx_bytes(VALUES)).hexdigest() not in preview.content.decode()
    fields, _key = confirm_fields(preview)
    refused = intruder.post(VALUES_URL, fields, follow=True)
    assert GONE in refused.content.decode()
    assert not imported_values().exists()
    assert owner.post(VALUES_URL, fields).status_code == 302
    assert imported_values().get().value == 90


@pytest.fixture
def planted_values(other_centre_admin):
    """A valid values file in the server's temp directory, under the name the content gives it."""
    data = xlsx_bytes(VALUES)
    sha = hashlib.sha256(data).hexdigest()
    folder = Path(tempfile.gettempdir()) / "indicator-imports"
    folder.mkdir(exist_ok=True)
    path = folder / f"{other_centre_admin.pk}-{sha}.xlsx"
    path.write_bytes(data)
    yield path, sha
    path.unlink(missing_ok=True)


@pytest.mark.usefixtures("catalogues")
@pytest.mark.parametrize("attack", ["absolute", "name", "traversal", "content-sha256"])
def test_the_indicators_confirm_refuses_paths_and_names(other_centre_admin, planted_values, attack):
    path, sha = planted_values
    client = logged_in(other_centre_admin)
    fields, key = confirm_fields(preview_values(client))
    sent = {"absolute": str(path), "name": path.name, "traversal": "../../etc/passwd", "content-sha256": sha}[attack]
    response = client.post(VALUES_URL, {**fields, key: sent}, follow=True)
    assert GONE in response.content.decode()
    assert path.exists()
    assert not imported_values().exists()
