from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains


class AwardsConfig(domains.DomainConfig):
    name = "awards"
    verbose_name = _("Emulation and commendation")
    seed_order = 30

    def unit_links(self) -> list[domains.RecordLink]:
        return [
            domains.RecordLink(
                _("Awards"),
                "awards.AwardRecord",
                lambda unit: reverse("admin:awards_history", args=["unit", unit.code]),
            )
        ]

    def person_links(self) -> list[domains.RecordLink]:
        return [
            domains.RecordLink(
                _("Awards"),
                "awards.AwardRecord",
                lambda person: reverse("admin:awards_history", args=["person", person.code]),
            )
        ]

    def report_links(self) -> list[domains.ReportLink]:
        return [
            domains.ReportLink(_("Awards report"), "awards.AwardRecord", "awards_report"),
            domains.ReportLink(_("Eligible for the next level"), "awards.AwardRecord", "awards_eligibility"),
        ]

    def profile_sections(self) -> list[domains.ProfileSection]:
        from . import profile

        return [
            domains.ProfileSection(
                "awards", 50, "awards/_profile_awards.html", profile.awards_in_span, profile.awards_sheet
            )
        ]
