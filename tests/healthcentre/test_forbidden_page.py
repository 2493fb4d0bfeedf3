"""A refused page is a page of the admin: its header, breadcrumbs and user tools, a sentence
saying why in the user's language, and a way back. Status 403, with DEBUG on or off."""

import pytest
from django.test import Client

ADD_ORGANISATION = "/admin/healthcentre/organisation/add/"
VIETNAMESE_SENTENCE = "Bạn không có quyền mở trang này hoặc bản ghi này."
ENGLISH_SENTENCE = "You do not have permission to open this page or this record."


@pytest.mark.parametrize("debug", [False, True])
def test_a_viewer_refused_an_add_page_gets_the_admins_page_in_vietnamese(settings, client_for, viewer, debug):
    settings.DEBUG = debug
    response = client_for(viewer).get(ADD_ORGANISATION)
    page = response.content.decode()
    assert response.status_code == 403
    assert 'lang="vi"' in page and '<div id="site-name"><a href="/admin/">Hồ sơ Trung tâm Y tế</a></div>' in page
    assert 'id="user-tools"' in page and 'class="breadcrumbs"' in page
    assert VIETNAMESE_SENTENCE in page
    assert '<a href="/admin/">Về trang chủ</a>' in page


def test_the_refusal_is_in_english_once_english_is_chosen(client_for, viewer):
    client = client_for(viewer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    response = client.get(ADD_ORGANISATION)
    page = response.content.decode()
    assert response.status_code == 403
    assert ENGLISH_SENTENCE in page and "Health centre records" in page
    assert '<a href="/admin/">Back to the home page</a>' in page


def test_the_refusal_leads_back_to_the_page_the_user_came_from(client_for, viewer):
    came_from = "http://testserver/admin/healthcentre/organisation/"
    page = client_for(viewer).get(ADD_ORGANISATION, HTTP_REFERER=came_from).content.decode()
    assert f'<a href="{came_from}">Quay lại trang trước</a>' in page


def test_the_refusal_never_leads_off_the_site(client_for, viewer):
    page = client_for(viewer).get(ADD_ORGANISATION, HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in page and "Quay lại trang trước" not in page


def test_a_form_sent_from_an_expired_page_says_so_in_vietnamese(viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    response = client.post("/admin/healthcentre/organisation/add/", {"name": "X"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Trang bạn gửi biểu mẫu này đã hết hạn" in body and "CSRF" not in body
