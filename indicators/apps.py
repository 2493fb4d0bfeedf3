from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains


def report_url(unit: Any) -> str:
    """The unit's report on the latest period it has figures for (the current one when none)."""
    from healthcentre.models import Organisation

    from .periods import default_period

    period = default_period(Organisation.objects.filter(pk=unit.pk))
    return reverse("admin:indicators_report") + "?" + urlencode({"unit": unit.code, "period": period})


class IndicatorsConfig(domains.DomainConfig):
    name = "indicators"
    verbose_name = _("Indicators")
    seed_order = 10

    def unit_links(self) -> list[domains.RecordLink]:
        return [
            domains.RecordLink(
                _("Indicator report"),
                "indicators.DataValue",
                report_url,
            )
        ]

    def report_links(self) -> list[domains.ReportLink]:
        return [
            domains.ReportLink(_("Indicator report"), "indicators.DataValue", "indicators_report"),
            domains.ReportLink(_("Rule violations and outliers"), "indicators.DataValue", "indicators_violations"),
        ]

    def profile_sections(self) -> list[domains.ProfileSection]:
        from . import profile

        return [
            domains.ProfileSection(
                "figures", 30, "indicators/_profile_figures.html", profile.profile_figures, profile.figures_sheet
            )
        ]
