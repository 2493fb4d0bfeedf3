from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains


class SupervisionConfig(domains.DomainConfig):
    name = "supervision"
    verbose_name = _("Supervision")
    seed_order = 20

    def unit_links(self) -> list[domains.RecordLink]:
        from .planning import is_station

        return [
            domains.RecordLink(
                _("Supervision visits"),
                "supervision.Visit",
                lambda unit: reverse("admin:supervision_station_history", args=[unit.pk]),
                shown_for=is_station,
            ),
            domains.RecordLink(
                _("Supervision rounds run"),
                "supervision.SupervisionRound",
                lambda unit: (
                    reverse("admin:supervision_supervisionround_changelist")
                    + "?"
                    + urlencode({"supervising_unit__id__exact": unit.pk})
                ),
                shown_for=lambda unit: not is_station(unit),
            ),
        ]

    def report_links(self) -> list[domains.ReportLink]:
        return [domains.ReportLink(_("Supervision planning"), "supervision.Visit", "supervision_planning")]

    def profile_sections(self) -> list[domains.ProfileSection]:
        from . import profile

        return [
            domains.ProfileSection(
                "supervision",
                40,
                "supervision/_profile_supervision.html",
                profile.supervision_given_and_received,
                profile.supervision_sheet,
            )
        ]
