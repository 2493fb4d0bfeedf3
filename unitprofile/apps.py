from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains

# The profile page, its printout and its workbook.
VARIANTS = ("page", "print", "xlsx", "docx")


class UnitProfileConfig(domains.DomainConfig):
    """Above the domains: a unit's profile gathers their sections; it keeps no records."""

    name = "unitprofile"
    verbose_name = _("Unit profile")
    domain = False

    def unit_links(self) -> list[domains.RecordLink]:
        return [
            domains.RecordLink(
                _("Profile"),
                "healthcentre.Organisation",
                lambda unit: reverse("admin:healthcentre_organisation_profile", args=[unit.pk]),
            )
        ]

    def unit_pages(self, model_admin):
        from .views import ProfilePage

        return ProfilePage.paths(model_admin, "<int:pk>/profile/", "healthcentre_organisation_profile", VARIANTS)
