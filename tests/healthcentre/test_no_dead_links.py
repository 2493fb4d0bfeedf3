"""No page shows a link its user may not follow.

For each role, a breadth-first crawl from /admin/ follows every same-site admin link the pages
show, with the test client, and collects every link that answers 403, 404 or 500. The crawl is
bounded per URL name (a few change pages, a few filtered lists), which reaches every kind of
page of the seeded database without visiting each of its thousands of records. A redirect to
the index counts as dead too: it is how the admin answers a record outside the user's units.
"""

from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import Resolver404, resolve, reverse

from healthcentre.models import Commune, LegacyCommune, LegacyDistrict, LegacyProvince, Organisation, Person, Province
from healthcentre.roles import Role
from tests.conftest import make_user
from tests.language import WORD, ShownText, allowed_words, foreign_words, grouped_years, read_page

PERSONAS = ["superuser", "province_admin", "centre_admin", "viewer", "other_centre_admin"]
START = "/admin/"
DEAD_STATUSES = {403, 404, 500}
PATHS_PER_URL_NAME = 3
QUERIES_PER_URL_NAME = 2
# Logging out would end the crawl's session; the language switch is a POST form, not a link.
SKIPPED_URL_NAMES = {"logout"}
# Only carries a list's filters back to the list after a save: the page is the same without it.
IGNORED_PARAMETERS = {"_changelist_filters"}


def links_of(page_url: str, page: ShownText) -> list[str]:
    return [urljoin(page_url, href) for href in page.hrefs]


def links_on(page_url: str, html: str) -> list[str]:
    return links_of(page_url, read_page(html))


def admin_url(url: str) -> str | None:
    """The path and query of a same-site admin URL, or None when the crawl does not follow it."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith(START):
        return None
    parameters = parse_qsl(parts.query, keep_blank_values=True)
    if any(name == "_popup" for name, _value in parameters):
        return None
    query = urlencode([(name, value) for name, value in parameters if name not in IGNORED_PARAMETERS])
    return f"{parts.path}?{query}" if query else parts.path


def url_name(path: str) -> str:
    try:
        return resolve(path).url_name or path
    except Resolver404:
        return path


class CrawlBudget:
    """A few URLs of each URL name: so many without a query string, so many with one."""

    def __init__(self) -> None:
        self.taken: Counter[tuple[str, bool]] = Counter()

    def take(self, url: str) -> bool:
        path, _sep, query = url.partition("?")
        name = url_name(path)
        if name in SKIPPED_URL_NAMES:
            return False
        key = (name, bool(query))
        if self.taken[key] >= (QUERIES_PER_URL_NAME if query else PATHS_PER_URL_NAME):
            return False
        self.taken[key] += 1
        return True


def sent_back_to_the_index(response) -> bool:
    """The admin's answer to a record the user may not see: back to the index, saying it
    "doesn't exist. Perhaps it was deleted?"."""
    return response.status_code == 302 and response["Location"] == START


@dataclass
class Crawl:
    dead: list[str] = field(default_factory=list)
    """Every followed link that failed, as "status url (shown on page)"."""
    english: dict[str, str] = field(default_factory=dict)
    """Every word of a page that is not Vietnamese, with the first page that shows it."""
    grouped_years: dict[str, str] = field(default_factory=dict)
    """Every year written as a grouped number ("2.024"), with the first page that shows it."""


def known_names() -> set[str]:
    """The codes, user names and place names the data holds: written as they are on a Vietnamese
    page (the divisions of the Central Highlands keep their Ê Đê and Jrai names: Đắk Lắk, Ayun Pa)."""
    names = set(get_user_model().objects.values_list("username", flat=True))
    for model in (Organisation, Person):
        names |= {word for code in model.objects.values_list("code", flat=True) for word in code.split("-")}
    for division in (Province, Commune, LegacyProvince, LegacyDistrict, LegacyCommune):
        names |= {word for name in division.objects.values_list("name", flat=True) for word in WORD.findall(name)}
    return names


def crawl(client) -> Crawl:
    """Every page a user is shown a link to, within the budget: its dead links and its English."""
    result = Crawl()
    allowed = allowed_words(known_names())
    budget = CrawlBudget()
    queue = deque([(START, "login")])
    seen = {START}
    budget.take(START)
    while queue:
        url, shown_on = queue.popleft()
        response = client.get(url)
        if response.status_code in DEAD_STATUSES or sent_back_to_the_index(response):
            result.dead.append(f"{response.status_code} {url} (shown on {shown_on})")
            continue
        if response.status_code in (301, 302):
            targets = [response["Location"]]
        elif response.get("Content-Type", "").startswith("text/html"):
            page = read_page(response.content.decode())
            targets = links_of(url, page)
            text = "\n".join(page.parts)
            for word in foreign_words(text, allowed):
                result.english.setdefault(word, url)
            for year in grouped_years(text):
                result.grouped_years.setdefault(year, url)
        else:
            continue
        for target in map(admin_url, targets):
            if target and target not in seen and budget.take(target):
                seen.add(target)
                queue.append((target, url))
    return result


def dead_links(client) -> list[str]:
    return crawl(client).dead


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_a_role_is_shown_works_and_is_in_vietnamese(request, seeded, client_for, persona):
    result = crawl(client_for(request.getfixturevalue(persona)))
    assert result.dead == []
    assert not result.english, "\n".join(f"{word}  (on {url})" for word, url in sorted(result.english.items()))
    assert result.grouped_years == {}


def test_a_user_who_may_read_only_units_and_people_is_shown_no_link_beyond_them(seeded, client_for):
    reader = make_user("gina", Role.VIEWER, "TTYT-BINHXUYEN")
    # A superuser may grant permissions outside the roles: here none on history, indicators,
    # supervision or awards, which the unit's and the person's pages link to.
    reader.groups.clear()
    reader.user_permissions.set(Permission.objects.filter(codename__in=["view_organisation", "view_person"]))
    assert dead_links(client_for(reader)) == []


def history_page_of(code: str) -> str:
    return reverse("admin:healthcentre_unit_history", args=[Organisation.objects.get(code=code).pk])


def test_a_viewer_is_offered_nothing_to_add_to_a_units_history(client_for, viewer):
    page = client_for(viewer).get(history_page_of("TTYT-BINHXUYEN")).content.decode()
    assert "Thêm vào lịch sử này" not in page
    assert [link for link in links_on("/", page) if "/add/" in link] == []


def test_a_centre_administrator_adds_to_their_units_history_from_its_page(client_for, centre_admin):
    client = client_for(centre_admin)
    url = history_page_of("TTYT-BINHXUYEN")
    adds = [link for link in links_on(url, client.get(url).content.decode()) if "/add/?organisation=" in link]
    assert len(adds) == 6
    assert [client.get(link).status_code for link in adds] == [200] * 6


@pytest.mark.usefixtures("seeded")
def test_the_audit_history_links_a_user_only_for_those_who_may_open_users(client_for, centre_admin, superuser):
    person = Person.objects.filter(organisation__code="TTYT-BINHXUYEN").first()
    person._history_user = centre_admin
    person.notes = "Đã sửa"
    person.save()
    history = reverse("admin:healthcentre_person_history", args=[person.pk])
    user_page = reverse("admin:auth_user_change", args=[centre_admin.pk])

    own = client_for(centre_admin).get(history).content.decode()
    assert centre_admin.username in own and user_page not in own

    assert user_page in client_for(superuser).get(history).content.decode()


@pytest.mark.usefixtures("seeded")
def test_a_records_audit_history_links_only_the_versions_the_user_may_open(client_for, centre_admin):
    person = Person.objects.get(code="vu-van-phi")
    person.save()  # a version at Lai Châu, which Bình Xuyên's administrator may not open
    person.organisation = Organisation.objects.get(code="TTYT-BINHXUYEN")
    person.save()
    client = client_for(centre_admin)
    history = reverse("admin:healthcentre_person_history", args=[person.pk])
    page = client.get(history).content.decode()
    linked = {admin_url(link) for link in links_on(history, page)}
    versions = [link for link in linked if link and link.startswith(history) and link != history]
    assert versions == [
        reverse("admin:healthcentre_person_simple_history", args=[person.pk, person.history.first().pk])
    ]
    assert client.get(versions[0]).status_code == 200


def test_a_read_only_form_links_a_related_record_only_inside_the_users_units(client_for, viewer):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    change = reverse("admin:healthcentre_organisation_change", args=[unit.pk])
    parent = reverse("admin:healthcentre_organisation_change", args=[unit.parent.pk])

    seen_by_the_centres_viewer = client_for(viewer).get(change).content.decode()
    assert unit.parent.name in seen_by_the_centres_viewer and parent not in seen_by_the_centres_viewer

    department_viewer = make_user("vera", Role.VIEWER, unit.parent.code)
    assert parent in client_for(department_viewer).get(change).content.decode()
