from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains


class IndicatorsConfig(domains.DomainConfig):
    name = "indicators"
    verbose_name = _("Indicators")
    seed_order = 10

    def unit_links(self) -> list[domains.RecordLink]:
        return [
            domains.RecordLink(
                _("Indicator report"),
                "indicators.DataValue",
                lambda unit: reverse("admin:indicators_report") + "?" + urlencode({"unit": unit.code}),
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
