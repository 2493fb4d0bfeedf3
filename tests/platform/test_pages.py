"""Every page an app adds to the admin is an AdminPage (healthcentre.pages): its permission,
scope, admin context and print and xlsx variants come from one place."""

from django.contrib import admin
from django.urls import reverse

from healthcentre.models import Organisation
from healthcentre.pages import AdminPage
from tests.admins import registered_admins

# The pages Django, django-import-export and django-simple-history give every model admin.
STANDARD = ("changelist", "add", "history", "delete", "change", "simple_history", "import", "process_import", "export")


def custom_pages():
    admins = {**registered_admins(), "healthcentre.organisation": admin.site.get_model_admin(Organisation)}
    for label, model_admin in admins.items():
        opts = model_admin.model._meta
        standard = {f"{opts.app_label}_{opts.model_name}_{suffix}" for suffix in STANDARD}
        for pattern in model_admin.get_urls():
            if pattern.name and pattern.name not in standard:
                yield label, pattern


def test_every_custom_admin_page_is_an_admin_page():
    pages = list(custom_pages())
    names = {pattern.name for _label, pattern in pages}
    # The check sees the pages of every app, the profile mounted on the organisation admin too.
    assert {"healthcentre_organisation_profile", "awards_history", "indicators_report", "supervision_planning"} <= names
    assert {"healthcentre_unit_history_xlsx", "healthcentre_importrun_undo"} <= names
    other = sorted(
        f"{label}: {pattern.name}"
        for label, pattern in pages
        if not issubclass(getattr(pattern.callback, "view_class", object), AdminPage)
    )
    assert other == []


def test_the_first_page_lists_the_reports_each_role_may_open(client_for, superuser, viewer):
    page = client_for(superuser).get("/admin/").content.decode()
    reports = page[page.index('id="reports-module"') : page.index("</table>", page.index('id="reports-module"'))]
    for name in ("indicators_report", "indicators_violations", "supervision_planning", "awards_report"):
        assert reverse(f"admin:{name}") in reports
    assert "Báo cáo" in reports and "Kế hoạch giám sát" in reports


def test_a_report_is_not_listed_to_a_user_its_admin_keeps_out(client_for, seeded):
    from healthcentre.roles import Role
    from tests.conftest import make_user

    user = make_user("hoa", Role.VIEWER, "TTYT-BINHXUYEN")
    user.groups.first().permissions.remove(*user.groups.first().permissions.filter(codename="view_awardrecord"))
    page = client_for(user).get("/admin/").content.decode()
    assert reverse("admin:indicators_report") in page
    assert reverse("admin:awards_report") not in page
