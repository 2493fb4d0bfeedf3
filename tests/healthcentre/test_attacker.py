"""The attacker: every admin route of every registered model admin and every custom page,
tried by each role against records outside its units (Lai Châu, another province), and by a
viewer against its own. Each attack asserts the response and that nothing in the database
changed.

Table-driven: a new model admin or custom page must get a line in VICTIMS or PAGES, or
`test_the_table_covers_every_admin` fails.
"""

import datetime as dt
import io
from collections.abc import Callable

import openpyxl
import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from healthcentre.models import ImportRun, Organisation, Person, SheetLayout
from healthcentre.scoping import scope_q
from supervision.models import ActionItem, ContentArea, Finding, SupervisionRound, TeamMember, Visit
from tests.admins import registered_admins
from tests.attack import database_fingerprint, form_data
from tests.records import supervision_visit
from tests.uploads import named

STANDARD_URLS = ("changelist", "add", "history", "delete", "change", "simple_history", "import", "process_import")
STANDARD_URLS += ("export",)
# What must never appear on a page an outsider is shown: Lai Châu's centre, its person, its round.
SECRETS = ("Trung tâm Y tế Lai Châu", "Vũ Văn Phi", "Giám sát bí mật Lai Châu")
ATTACKERS = ["centre_admin", "province_admin", "viewer"]


def lai_chau_supervision() -> None:
    """A supervision round of Lai Châu with a team, a visit, a finding and an action item: the
    seeds have supervision only in Bình Xuyên."""
    visit = supervision_visit("TTYT-LAICHAU", "LC-2025", "Giám sát bí mật Lai Châu", dt.date(2025, 5, 6))
    TeamMember.objects.create(round=visit.round, person=Person.objects.get(code="vu-van-phi"), role="leader")
    finding = Finding.objects.create(visit=visit, area=ContentArea.objects.first(), findings="Ghi chép riêng", score=1)
    ActionItem.objects.create(
        visit=visit, finding=finding, number=1, description="Việc riêng của Lai Châu", responsible_unit=visit.station
    )


def outside_phu_tho(model, province_admin):
    """The first record of `model` outside the widest attacker's units (Phú Thọ's)."""
    return model._default_manager.exclude(scope_q(model, province_admin)).order_by("pk").first()


def lai_chau_centre(model, _province_admin):
    """Not a national body: those every unit may cite."""
    return Organisation.objects.get(code="TTYT-LAICHAU")


def first_record(model, _province_admin):
    return model._default_manager.order_by("pk").first()


def lai_chau_layout(model, _province_admin):
    """Lai Châu's sheet layout: the seeds have none."""
    return SheetLayout.objects.create(
        name="Bố cục của Lai Châu", target="indicators.results", owner=lai_chau(), fingerprint="0" * 16, mapping={}
    )


def someone_elses_import(model, _province_admin):
    return ImportRun.objects.create(target="thử", file_name="cua-nguoi-khac.xlsx", status=ImportRun.Status.COMMITTED)


SCOPED, SHARED, OWN_USER = "scoped", "shared", "own user"
# model label → (what kind of record it is, how to find one the attackers may not touch)
VICTIMS: dict[str, tuple[str, Callable]] = {
    "healthcentre.organisation": (SCOPED, lai_chau_centre),
    "healthcentre.person": (SCOPED, outside_phu_tho),
    "healthcentre.decision": (SCOPED, outside_phu_tho),
    "healthcentre.event": (SCOPED, outside_phu_tho),
    "healthcentre.unitname": (SCOPED, outside_phu_tho),
    "healthcentre.unitrelation": (SCOPED, outside_phu_tho),
    "healthcentre.rankrecord": (SCOPED, outside_phu_tho),
    "healthcentre.structuresnapshot": (SCOPED, outside_phu_tho),
    "healthcentre.position": (SCOPED, outside_phu_tho),
    "healthcentre.chronicleentry": (SCOPED, outside_phu_tho),
    "healthcentre.chronicleparticipant": (SCOPED, outside_phu_tho),
    "healthcentre.facility": (SCOPED, outside_phu_tho),
    "healthcentre.importrun": (OWN_USER, someone_elses_import),
    "healthcentre.sheetlayout": (SCOPED, lai_chau_layout),
    "healthcentre.province": (SHARED, first_record),
    "healthcentre.commune": (SHARED, first_record),
    "healthcentre.legacyprovince": (SHARED, first_record),
    "healthcentre.legacydistrict": (SHARED, first_record),
    "healthcentre.legacycommune": (SHARED, first_record),
    "healthcentre.communeconversion": (SHARED, first_record),
    "indicators.indicator": (SHARED, first_record),
    "indicators.breakdown": (SHARED, first_record),
    "indicators.validationrule": (SHARED, first_record),
    "indicators.period": (SHARED, first_record),
    "indicators.datavalue": (SCOPED, outside_phu_tho),
    "indicators.plantarget": (SCOPED, outside_phu_tho),
    "supervision.contentarea": (SHARED, first_record),
    "supervision.supervisionround": (SCOPED, outside_phu_tho),
    "supervision.teammember": (SCOPED, outside_phu_tho),
    "supervision.visit": (SCOPED, outside_phu_tho),
    "supervision.finding": (SCOPED, outside_phu_tho),
    "supervision.actionitem": (SCOPED, outside_phu_tho),
    "awards.awardform": (SHARED, first_record),
    "awards.awarddecision": (SCOPED, outside_phu_tho),
    "awards.awardrecord": (SCOPED, outside_phu_tho),
}


def lai_chau(code="TTYT-LAICHAU"):
    return Organisation.objects.get(code=code)


# custom page url name → (URL args, query string), built from Lai Châu's records
PAGES: dict[str, Callable[[], tuple[list, dict]]] = {
    "healthcentre_unit_history": lambda: ([lai_chau().pk], {}),
    "healthcentre_unit_history_print": lambda: ([lai_chau().pk], {}),
    "healthcentre_unit_history_xlsx": lambda: ([lai_chau().pk], {}),
    "healthcentre_unit_history_docx": lambda: ([lai_chau().pk], {}),
    "healthcentre_units_on": lambda: ([], {"on": "15/6/2020"}),
    "healthcentre_history_workbook": lambda: ([], {}),
    "healthcentre_organisation_profile": lambda: ([lai_chau().pk], {}),
    "healthcentre_organisation_profile_print": lambda: ([lai_chau().pk], {}),
    "healthcentre_organisation_profile_xlsx": lambda: ([lai_chau().pk], {}),
    "healthcentre_organisation_profile_docx": lambda: ([lai_chau().pk], {}),
    "indicators_office_import": lambda: ([], {}),
    "indicators_report": lambda: ([], {"unit": "TTYT-LAICHAU", "province": lai_chau().province_id, "period": "2025S1"}),
    "indicators_report_print": lambda: ([], {"unit": "TTYT-LAICHAU", "period": "2025S1"}),
    "indicators_report_xlsx": lambda: ([], {"unit": "TTYT-LAICHAU", "period": "2025S1"}),
    "indicators_report_docx": lambda: ([], {"unit": "TTYT-LAICHAU", "period": "2025S1"}),
    "indicators_template": lambda: ([], {"unit": "TTYT-LAICHAU", "period": "2025S1"}),
    "indicators_violations": lambda: ([], {"unit": "TTYT-LAICHAU", "province": lai_chau().province_id}),
    "supervision_round_summary": lambda: ([SupervisionRound.objects.get(code="LC-2025").pk], {}),
    "supervision_round_summary_print": lambda: ([SupervisionRound.objects.get(code="LC-2025").pk], {}),
    "supervision_round_summary_xlsx": lambda: ([SupervisionRound.objects.get(code="LC-2025").pk], {}),
    "supervision_round_summary_docx": lambda: ([SupervisionRound.objects.get(code="LC-2025").pk], {}),
    "supervision_visit_minutes": lambda: ([Visit.objects.get(round__code="LC-2025").pk], {}),
    "supervision_visit_minutes_print": lambda: ([Visit.objects.get(round__code="LC-2025").pk], {}),
    "supervision_visit_minutes_xlsx": lambda: ([Visit.objects.get(round__code="LC-2025").pk], {}),
    "supervision_visit_minutes_docx": lambda: ([Visit.objects.get(round__code="LC-2025").pk], {}),
    "supervision_station_history": lambda: ([Visit.objects.get(round__code="LC-2025").station_id], {}),
    "supervision_planning": lambda: ([], {"months": "1"}),
    "awards_report": lambda: ([], {"unit": lai_chau().pk, "province": lai_chau().province_id, "year": "2024"}),
    "awards_eligibility": lambda: ([], {"year": "2025"}),
    "awards_history": lambda: (["unit", "TTYT-LAICHAU"], {}),
    "healthcentre_importrun_undo": lambda: ([someone_elses_import(ImportRun, None).pk], {}),
}


def custom_url_names() -> set[str]:
    names = set()
    for label, model_admin in registered_admins().items():
        standard = {f"{label.replace('.', '_')}_{suffix}" for suffix in STANDARD_URLS}
        names |= {u.name for u in model_admin.get_urls() if u.name and u.name not in standard}
    return names


def test_the_table_covers_every_admin():
    assert set(registered_admins()) == set(VICTIMS)
    assert custom_url_names() == set(PAGES)


def shown_text(response) -> str:
    """What the user was shown: the page, or the cells of a downloaded workbook."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    return response.content.decode(errors="replace")


def assert_refused(response, what: str) -> None:
    assert response.status_code in (302, 403, 404), what
    if response.status_code == 302:
        assert "/change/" not in response["Location"] and "/history/" not in response["Location"], what
    for secret in SECRETS:
        assert secret not in shown_text(response), what


def url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def snapshot(model, pk):
    return model._base_manager.filter(pk=pk).values().first()


def changed_form(superuser_client, model, pk, version=None):
    """The victim's form as its own administrator would post it, with a text changed."""
    page = superuser_client.get(url(model, "simple_history", pk, version) if version else url(model, "change", pk))
    if page.status_code != 200 or "adminform" not in (page.context or {}):
        return {}
    data = form_data(page)
    for name in ("notes", "name", "title", "description", "full_name", "findings"):
        if name in data:
            data[name] = "ĐÃ BỊ SỬA"
            break
    return data


def exported_rows(model_admin, victim) -> bytes:
    """The victim as its own administrator would export it, ready to upload again."""
    resource = model_admin.get_export_resource_classes(None)[0]()
    dataset = resource.export(queryset=type(victim)._default_manager.filter(pk=victim.pk))
    return dataset.export("xlsx")


@pytest.fixture
def victims(seeded, province_admin):
    lai_chau_supervision()
    found = {}
    for label, model_admin in registered_admins().items():
        _kind, find = VICTIMS[label]
        victim = find(model_admin.model, province_admin)
        assert victim is not None, f"no record of {label} outside the attackers' units"
        if hasattr(victim, "history") and not victim.history.exists():
            victim.save()
        found[label] = victim
    return found


@pytest.mark.parametrize("attacker", ATTACKERS)
@pytest.mark.parametrize("label", sorted(VICTIMS))
def test_no_route_touches_a_record_outside_the_users_units(request, victims, superuser, attacker, label):
    model_admin = registered_admins()[label]
    model, victim = model_admin.model, victims[label]
    kind = VICTIMS[label][0]
    root = Client()
    root.force_login(superuser)
    client = Client()
    client.force_login(request.getfixturevalue(attacker))
    version = victim.history.first().history_id if hasattr(victim, "history") else None
    before, record = database_fingerprint(), snapshot(model, victim.pk)

    if kind != SHARED:
        assert_refused(client.get(url(model, "change", victim.pk)), "change form")
        assert_refused(client.get(url(model, "history", victim.pk)), "audit history")
        assert_refused(client.get(url(model, "delete", victim.pk)), "delete page")
        if version:
            assert_refused(client.get(url(model, "simple_history", victim.pk, version)), "old version")
    for name, args in [("change", [victim.pk]), ("simple_history", [victim.pk, version])]:
        if name == "simple_history" and not version:
            continue
        data = changed_form(root, model, *args)
        client.post(url(model, name, *args), data)
    client.post(url(model, "delete", victim.pk), {"post": "yes"})
    client.post(url(model, "changelist"), {"action": "delete_selected", "_selected_action": [victim.pk], "post": "yes"})
    client.post(url(model, "add"), changed_form(root, model, victim.pk))
    if hasattr(model_admin, "get_export_resource_classes"):
        upload = named(exported_rows(model_admin, victim), "tan-cong.xlsx")
        previewed = client.post(url(model, "import"), {"resource": 0, "format": 0, "import_file": upload})
        confirm = (previewed.context or {}).get("confirm_form") if previewed.status_code == 200 else None
        if confirm is not None:
            client.post(url(model, "process_import"), confirm.initial)
        exported = client.post(
            url(model, "changelist"), {"action": "export_admin_action", "_selected_action": [victim.pk]}
        )
        if kind == SCOPED and exported.status_code == 200:
            for secret in SECRETS:
                assert secret not in shown_text(exported)

    assert snapshot(model, victim.pk) == record
    assert database_fingerprint() == before


@pytest.mark.parametrize("attacker", ATTACKERS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_custom_page_shows_another_units_records(request, victims, attacker, name):
    client = Client()
    client.force_login(request.getfixturevalue(attacker))
    args, query = PAGES[name]()
    before = database_fingerprint()
    response = client.get(reverse(f"admin:{name}", args=args), query)
    assert response.status_code in (200, 302, 403, 404), name
    for secret in SECRETS:
        assert secret not in shown_text(response), name
    assert database_fingerprint() == before


def autocomplete_fields():
    for label, model_admin in sorted(registered_admins().items()):
        for field_name in model_admin.autocomplete_fields:
            yield label, field_name


def search_term(related_admin, record) -> str:
    """A term the related model's search finds `record` by."""
    lookup = related_admin.search_fields[0].lstrip("=^@").split("__unaccent")[0]
    value = record
    for part in lookup.split("__"):
        value = getattr(value, part)
    return str(value)


@pytest.mark.parametrize("attacker", ATTACKERS)
@pytest.mark.parametrize(("label", "field_name"), list(autocomplete_fields()))
def test_no_autocomplete_offers_another_units_records(request, victims, superuser, attacker, label, field_name):
    model_admin = registered_admins()[label]
    related = model_admin.model._meta.get_field(field_name).related_model
    if related._meta.label_lower not in VICTIMS or VICTIMS[related._meta.label_lower][0] != SCOPED:
        pytest.skip("a shared catalogue: every role may cite it")
    victim = victims[related._meta.label_lower]
    app_label, model_name = label.split(".")
    query = {
        "app_label": app_label,
        "model_name": model_name,
        "field_name": field_name,
        "term": search_term(admin.site.get_model_admin(related), victim),
    }

    def offered(user) -> set[str]:
        client = Client()
        client.force_login(user)
        response = client.get("/admin/autocomplete/", query)
        return {r["id"] for r in response.json()["results"]} if response.status_code == 200 else set()

    assert str(victim.pk) in offered(superuser)  # the search would find it
    assert str(victim.pk) not in offered(request.getfixturevalue(attacker))


SCOPED_LABELS = sorted(label for label, (kind, _find) in VICTIMS.items() if kind == SCOPED)


@pytest.mark.parametrize("label", SCOPED_LABELS)
def test_a_viewer_changes_nothing_of_its_own_units(seeded, superuser, viewer, label):
    model_admin = registered_admins()[label]
    model = model_admin.model
    own = model._default_manager.filter(scope_q(model, viewer)).order_by("pk").first()
    if own is None:
        pytest.skip("no record of this kind in the viewer's units")
    if hasattr(own, "history") and not own.history.exists():
        own.save()
    root, client = Client(), Client()
    root.force_login(superuser)
    client.force_login(viewer)
    version = own.history.first().history_id if hasattr(own, "history") else None
    before, record = database_fingerprint(), snapshot(model, own.pk)
    assert client.post(url(model, "change", own.pk), changed_form(root, model, own.pk)).status_code == 403
    if version:
        data = changed_form(root, model, own.pk, version)
        assert client.post(url(model, "simple_history", own.pk, version), data).status_code == 403
    assert client.post(url(model, "delete", own.pk), {"post": "yes"}).status_code == 403
    assert client.post(url(model, "add"), changed_form(root, model, own.pk)).status_code == 403
    assert client.get(url(model, "import")).status_code == 403
    client.post(url(model, "changelist"), {"action": "delete_selected", "_selected_action": [own.pk], "post": "yes"})
    assert snapshot(model, own.pk) == record
    assert database_fingerprint() == before
