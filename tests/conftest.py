"""Shared fixtures: the real divisions, the seed set for the tests that ask for it (`seeded`), the few
units the personas belong to (`world`), and one user per role.

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

from healthcentre.domains import domains
from healthcentre.models import Membership, Organisation, Province
from healthcentre.roles import Role
from healthcentre.seeding import SEEDS_DIR, import_seed_file
from tests.world import build_world


def load_divisions():
    with open(os.devnull, "w") as quiet:
        if not Province.objects.exists():
            call_command("load_divisions", stdout=quiet)


def load_seeds():
    load_divisions()
    with open(os.devnull, "w") as quiet:
        if not Organisation.objects.filter(code="TTYT-TANYEN").exists():
            call_command("load_seeds", stdout=quiet)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The vietnam-provinces divisions, which every unit points to, and the shared catalogues,
    which every domain's records cite, are reference data, as a migration's data would be:
    loaded once into the test database, kept by each test's rollback."""
    with django_db_blocker.unblock():
        load_divisions()
        load_catalogues()


@pytest.fixture(scope="session")
def seed_set(django_db_setup, django_db_blocker):
    """Every seed file, loaded through the import code the first time a test asks for it, outside
    that test's transaction, so that the rollback of each later test keeps it."""
    with django_db_blocker.unblock():
        load_seeds()


@pytest.fixture
def seeded(seed_set, db):
    """The seeded stories (Tân Yên's lineage, Bình Xuyên's rounds, the award decisions...), for the
    tests that check them or stand on them. A transactional (browser) test flushes the database;
    the next test that asks loads them again."""
    load_seeds()


def load_catalogues() -> None:
    """The seed files of the shared catalogues (models without `scope_paths`: indicators,
    award forms, content areas...), which every domain's records cite."""
    for relative, resource_class in (seed for config in domains() for seed in config.seed_files()):
        model = getattr(getattr(resource_class, "_meta", None), "model", None)
        if model and not hasattr(model, "scope_paths") and not model._default_manager.exists():
            import_seed_file(resource_class, SEEDS_DIR / relative)


@pytest.fixture
def catalogues(db):
    """The shared catalogues, for a test that builds its records on the few units of `world`
    rather than on the seed set: loaded with the divisions, and again after a browser test
    flushed the database."""
    load_catalogues()


@pytest.fixture
def world(db):
    """The units the personas belong to (tests/world.py), without the seed set. A browser test
    runs after another has flushed the database: the divisions come back first."""
    load_divisions()
    return build_world()


def needs_seeds(item: pytest.Item) -> bool:
    return "seeded" in getattr(item, "fixturenames", ())


def flushes(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that build what they need run first, on a database holding no seed, so one that
    silently leans on the seeds fails; then the tests that ask for the seeds; the tests that
    flush the database (browser tests) last. Sorting is stable: pytest-django's order stands
    within each group."""
    items.sort(key=lambda item: (flushes(item), needs_seeds(item)))


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
def superuser(db):
    return make_user("root-admin", superuser=True)


@pytest.fixture
def province_admin(world):
    return make_user("alice", Role.PROVINCE_ADMIN, "SYT-PHUTHO")


@pytest.fixture
def centre_admin(world):
    return make_user("bob", Role.CENTRE_ADMIN, "TTYT-BINHXUYEN")


@pytest.fixture
def other_centre_admin(world):
    return make_user("dave", Role.CENTRE_ADMIN, "TTYT-LAICHAU")


@pytest.fixture
def viewer(world):
    return make_user("carol", Role.VIEWER, "TTYT-BINHXUYEN")


@pytest.fixture
def lai_chau_viewer(world):
    return make_user("erin", Role.VIEWER, "TTYT-LAICHAU")


@pytest.fixture
def second_centre_admin(world):
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
