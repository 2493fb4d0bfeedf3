"""Every page an app adds to the admin is an AdminPage (healthcentre.pages): its permission,
scope, admin context and print and xlsx variants come from one place."""

from django.contrib import admin

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
