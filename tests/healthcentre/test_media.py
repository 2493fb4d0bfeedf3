"""Uploaded photos and scanned documents: only real images are accepted as photos, and every
stored file is served through the admin's scoped view, never from MEDIA_ROOT as a public file."""

import datetime as dt
import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from healthcentre.models import ChronicleEntry, ChroniclePhoto, Membership, Organisation
from healthcentre.roles import Role
from tests.records import signed_decision


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (8, 8)) -> bytes:
    handle = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(handle, image_format)
    return handle.getvalue()


def upload(data: bytes, name: str) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def add_entry_with_photo(client, photo: io.BytesIO):
    """The chronicle entry's add form, with one photo in its inline, as a person submits it."""
    return client.post(
        "/admin/healthcentre/chronicleentry/add/",
        {
            "code": "BX-2026-ANH",
            "organisation": Organisation.objects.get(code="TTYT-BINHXUYEN").pk,
            "kind": "visit_received",
            "start_text": "2026",
            "end_text": "",
            "title": "Đoàn đến thăm",
            "participants-TOTAL_FORMS": 0,
            "participants-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 1,
            "photos-INITIAL_FORMS": 0,
            "photos-0-image": photo,
            "photos-0-caption": "Ảnh đoàn",
        },
    )


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
NOT_AN_IMAGE = "Tệp tải lên không phải là ảnh hoặc đã bị hỏng. Hãy tải lên ảnh JPEG, PNG, WebP hoặc GIF."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("trang.html", b"<html><body><script>alert(document.cookie)</script></body></html>", id="html"),
        pytest.param("hinh.svg", SVG_WITH_SCRIPT, id="svg-with-script"),
        pytest.param("ghi-chu.png", "Đây là một tệp văn bản.".encode(), id="text-named-png"),
        pytest.param("bi-cat.png", image_bytes("PNG", (64, 64))[:60], id="truncated-png"),
    ],
)
@pytest.mark.usefixtures("world")
def test_a_photo_that_is_not_a_real_image_is_refused_and_nothing_is_stored(
    client_for, superuser, media_root, name, data
):
    response = add_entry_with_photo(client_for(superuser), upload(data, name))
    assert response.status_code == 200
    assert NOT_AN_IMAGE in response.content.decode()
    assert not ChronicleEntry.objects.filter(code="BX-2026-ANH").exists()
    assert not ChroniclePhoto.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("image_format", "name", "message"),
    [
        ("JPEG", "anh.png", "Tên tệp “anh.png” không khớp với nội dung là ảnh JPEG: hãy đặt tên tệp có đuôi .jpg."),
        ("BMP", "anh.bmp", "Không nhận ảnh định dạng BMP. Hãy tải lên ảnh JPEG, PNG, WebP hoặc GIF."),
    ],
)
@pytest.mark.usefixtures("world")
def test_an_image_of_another_format_or_misnamed_is_refused(
    client_for, superuser, media_root, image_format, name, message
):
    response = add_entry_with_photo(client_for(superuser), upload(image_bytes(image_format), name))
    assert message in response.content.decode()
    assert stored_files(media_root) == []


@pytest.mark.usefixtures("world")
def test_a_decompression_bomb_is_a_form_error(client_for, superuser, media_root, monkeypatch):
    # Pillow refuses an image of more than twice MAX_IMAGE_PIXELS: 64 × 64 is past 2 × 1 000.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000)
    response = add_entry_with_photo(client_for(superuser), upload(image_bytes("PNG", (64, 64)), "lon.png"))
    assert response.status_code == 200
    assert "Ảnh quá lớn" in response.content.decode()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("image_format", "name"), [("PNG", "anh.png"), ("JPEG", "anh.jpg"), ("WEBP", "anh.webp"), ("GIF", "anh.gif")]
)
@pytest.mark.usefixtures("world")
def test_a_real_image_is_accepted(client_for, superuser, media_root, image_format, name):
    response = add_entry_with_photo(client_for(superuser), upload(image_bytes(image_format), name))
    assert response.status_code == 302
    photo = ChroniclePhoto.objects.get(entry__code="BX-2026-ANH")
    assert photo.caption == "Ảnh đoàn"
    assert [path.name for path in stored_files(media_root)] == [name]


@pytest.fixture
def bình_xuyên_photo(world):
    entry = ChronicleEntry.objects.create(
        code="BINHXUYEN-2026-TET",
        organisation=world["TTYT-BINHXUYEN"],
        kind="visit_received",
        title="Đoàn lãnh đạo xã Bình Nguyên thăm, chúc Tết",
        start=dt.date(2026, 1, 1),
        start_precision="year",
    )
    photo = ChroniclePhoto(entry=entry, caption="Chúc Tết")
    photo.image.save("chuc-tet.png", ContentFile(image_bytes()), save=True)
    return photo


def currently_link(html: str) -> str:
    """The href of the file widget's "Currently:" link."""
    return re.search(r'<p class="file-upload">[^<]*<a href="([^"]+)"', html).group(1)


def test_the_change_form_links_to_the_scoped_view_which_serves_the_photo(
    client_for, centre_admin, bình_xuyên_photo, settings
):
    client = client_for(centre_admin)
    form = client.get(f"/admin/healthcentre/chronicleentry/{bình_xuyên_photo.entry.pk}/change/")
    link = currently_link(form.content.decode())
    assert link == f"/admin/media/healthcentre/chroniclephoto/{bình_xuyên_photo.pk}/image/"
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == image_bytes()
    # The file itself is not a public URL.
    assert client.get(f"/{settings.MEDIA_URL}{bình_xuyên_photo.image.name}").status_code == 404


def test_the_photo_is_served_to_the_units_users_only(
    client, client_for, viewer, province_admin, other_centre_admin, django_user_model, bình_xuyên_photo
):
    url = bình_xuyên_photo.image.url
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/admin/login/")
    # In the unit's scope, but the role's group (and so the view permission) taken away.
    without_permission = django_user_model.objects.create_user("no-perms", password="x", is_staff=True)
    Membership.objects.create(
        user=without_permission, role=Role.VIEWER, organisation=bình_xuyên_photo.entry.organisation
    )
    without_permission.groups.clear()
    statuses = {
        user.username: client_for(user).get(url).status_code
        for user in (viewer, province_admin, other_centre_admin, without_permission)
    }
    assert statuses == {"carol": 200, "alice": 200, "dave": 404, "no-perms": 403}


@pytest.mark.parametrize(
    "path",
    [
        "/admin/media/healthcentre/organisation/1/name/",
        "/admin/media/healthcentre/nosuchmodel/1/image/",
        "/admin/media/healthcentre/chroniclephoto/999999/image/",
    ],
)
def test_what_is_not_a_stored_file_is_not_found(client_for, superuser, path):
    assert client_for(superuser).get(path).status_code == 404


@pytest.fixture
def bình_xuyên_decision(world):
    return signed_decision("12/QĐ-TTYT")


def test_a_scanned_document_is_downloaded_as_an_attachment(client_for, centre_admin, bình_xuyên_decision):
    scan = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    bình_xuyên_decision.document.save("quyet-dinh.pdf", ContentFile(scan), save=True)
    client = client_for(centre_admin)
    form = client.get(f"/admin/healthcentre/decision/{bình_xuyên_decision.pk}/change/")
    link = currently_link(form.content.decode())
    assert link == f"/admin/media/healthcentre/decision/{bình_xuyên_decision.pk}/document/"
    response = client.get(link)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="quyet-dinh.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == scan


def test_a_document_with_markup_is_never_shown_as_a_page(client_for, centre_admin, bình_xuyên_decision):
    bình_xuyên_decision.document.save("quyet-dinh.html", ContentFile(b"<script>alert(1)</script>"), save=True)
    response = client_for(centre_admin).get(bình_xuyên_decision.document.url)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_document_is_served_to_the_units_users_only(client_for, viewer, other_centre_admin, bình_xuyên_decision):
    bình_xuyên_decision.document.save("quyet-dinh.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    url = bình_xuyên_decision.document.url
    assert client_for(viewer).get(url).status_code == 200
    assert client_for(other_centre_admin).get(url).status_code == 404


def test_admin_pages_carry_the_content_security_policy(client_for, superuser):
    response = client_for(superuser).get("/admin/healthcentre/organisation/")
    policy = dict(
        directive.strip().split(" ", 1) for directive in response["Content-Security-Policy"].split(";") if directive
    )
    assert policy == {
        "default-src": "'self'",
        "img-src": "'self' data:",
        "style-src": "'self' 'unsafe-inline'",
        "script-src": "'self'",
        "object-src": "'none'",
        "frame-ancestors": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
