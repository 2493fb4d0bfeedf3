import pytest


@pytest.mark.django_db
def test_logins_are_locked_after_five_failures(client, superuser):
    for _attempt in range(5):
        client.post("/admin/login/", {"username": superuser.username, "password": "wrong"})
    response = client.post("/admin/login/", {"username": superuser.username, "password": "pw-root-admin"})
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


def test_a_correct_login_works(client, superuser):
    response = client.post("/admin/login/?next=/admin/", {"username": superuser.username, "password": "pw-root-admin"})
    assert response.status_code == 302 and response.url == "/admin/"


@pytest.mark.parametrize("url", ["import/", "process_import/"])
def test_import_needs_the_add_permission_not_only_the_changelist(client_for, viewer, url):
    assert client_for(viewer).post("/admin/healthcentre/person/" + url, {}).status_code == 403


def test_staff_without_a_role_sees_no_records(client_for, world, django_user_model):
    user = django_user_model.objects.create_user("no-role", password="x", is_staff=True)
    assert client_for(user).get("/admin/healthcentre/organisation/").status_code == 403
