"""Shared fixtures: the real divisions and seed data, and one user per role.

Personas (all staff):
- `superuser`
- `province_admin`: province administrator of Phú Thọ (unit SYT-PHUTHO)
- `centre_admin`: centre administrator of TTYT-BINHXUYEN
- `other_centre_admin`: centre administrator of TTYT-LAICHAU
- `viewer`: viewer at TTYT-BINHXUYEN
- `lai_chau_viewer`: viewer at TTYT-LAICHAU
- `second_centre_admin`: centre administrator of TTYT-THU, a second centre under SYT-PHUTHO
"""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from healthcentre.models import Membership, Organisation, Province
from healthcentre.roles import Role


def load_reference_data():
    with open(os.devnull, "w") as quiet:
        if not Province.objects.exists():
            call_command("load_divisions", stdout=quiet)
        if not Organisation.objects.filter(code="TTYT-TANYEN").exists():
            call_command("load_seeds", stdout=quiet)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the divisions and seeds once into the test database; each test's rollback keeps them."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def seeded(db):
    """The real vietnam-provinces divisions and every seed file, loaded through the import code.
    A transactional (browser) test flushes the database; the next test loads it again."""
    load_reference_data()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Real PBKDF2 costs 0,3 s a user; the tests check permissions, not hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username, role=None, unit_code=None, superuser=False):
    user = get_user_model().objects.create_user(username, password="pw-" + username, is_staff=True)
    if superuser:
        user.is_superuser = True
        user.save()
    if role:
        Membership.objects.create(user=user, role=role, organisation=Organisation.objects.get(code=unit_code))
    return user


@pytest.fixture
def superuser(seeded):
    return make_user("root-admin", superuser=True)


@pytest.fixture
def province_admin(seeded):
    return make_user("alice", Role.PROVINCE_ADMIN, "SYT-PHUTHO")


@pytest.fixture
def centre_admin(seeded):
    return make_user("bob", Role.CENTRE_ADMIN, "TTYT-BINHXUYEN")


@pytest.fixture
def other_centre_admin(seeded):
    return make_user("dave", Role.CENTRE_ADMIN, "TTYT-LAICHAU")


@pytest.fixture
def viewer(seeded):
    return make_user("carol", Role.VIEWER, "TTYT-BINHXUYEN")


@pytest.fixture
def lai_chau_viewer(seeded):
    return make_user("erin", Role.VIEWER, "TTYT-LAICHAU")


@pytest.fixture
def second_centre_admin(seeded):
    """Administrator of a second centre under the Phú Thọ Department of Health, beside Bình Xuyên."""
    department = Organisation.objects.get(code="SYT-PHUTHO")
    Organisation.objects.create(
        code="TTYT-THU",
        name="Trung tâm Y tế thử",
        kind="health_centre",
        parent=department,
        province=department.province,
    )
    return make_user("frank", Role.CENTRE_ADMIN, "TTYT-THU")


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Skipped when Chromium is absent, except in CI
    (REQUIRE_BROWSER=1), where its absence fails the run."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is required: apt-get install -y chromium")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def admin_login(page):
    """admin_login(username, password): log in through the real login form."""

    def login(username, password):
        page.goto("/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_selector("#user-tools")
        return page

    return login
