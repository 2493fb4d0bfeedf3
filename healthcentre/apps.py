import datetime as dt
from pathlib import Path

from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import domains


class HealthcentreConfig(domains.DomainConfig):
    """The platform every domain stands on, and the first domain: the organisations' history
    (what happened to each unit, its names, ranks and structure, its chronicle)."""

    name = "healthcentre"
    verbose_name = _("Organisations and history")
    seed_order = 0

    def ready(self) -> None:
        from . import roles, search
        from .history import admin, chronicle_admin  # noqa: F401  the history domain's admin registers itself

        connection_created.connect(search.register_sqlite_fold)
        # After every app, not only this one: the roles need the permissions of all apps.
        post_migrate.connect(roles.sync_role_groups)

    def seed_files(self) -> list[tuple[str | Path, type]]:
        from .history.seeds import SEED_FILES as HISTORY_SEED_FILES

        return [*super().seed_files(), *HISTORY_SEED_FILES]

    def unit_links(self) -> list[domains.RecordLink]:
        def page(name: str):
            return lambda unit: reverse(f"admin:{name}", args=[unit.pk])

        return [
            domains.RecordLink(_("History and lineage"), "healthcentre.Event", page("healthcentre_unit_history")),
            domains.RecordLink(_("Printable history"), "healthcentre.Event", page("healthcentre_unit_history_print")),
            domains.RecordLink(
                _("Export history (xlsx)"), "healthcentre.Event", page("healthcentre_unit_history_xlsx")
            ),
        ]

    def inactive_units(self, day: dt.date) -> set[int]:
        from .history.asof import inactive_on

        return inactive_on(day)

    def report_links(self) -> list[domains.ReportLink]:
        return [domains.ReportLink(_("Units existing on a date"), "healthcentre.Event", "healthcentre_units_on")]

    def profile_sections(self) -> list[domains.ProfileSection]:
        from .history import profile

        return [
            domains.ProfileSection(
                "history", 20, "healthcentre/history/_profile_timeline.html", profile.events, profile.events_sheet
            ),
            domains.ProfileSection(
                "facilities",
                60,
                "healthcentre/history/_profile_facilities.html",
                profile.facilities,
                profile.facilities_sheet,
            ),
            domains.ProfileSection(
                "chronicle",
                70,
                "healthcentre/history/_profile_chronicle.html",
                profile.chronicle,
                profile.chronicle_sheet,
            ),
        ]
