from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from healthcentre import domains


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
        from . import views

        view = model_admin.admin_site.admin_view
        return [
            path("<int:pk>/profile/", view(views.profile_page(model_admin)), name="healthcentre_organisation_profile"),
            path(
                "<int:pk>/profile/print/",
                view(views.profile_print(model_admin)),
                name="healthcentre_organisation_profile_print",
            ),
            path(
                "<int:pk>/profile/xlsx/",
                view(views.profile_xlsx(model_admin)),
                name="healthcentre_organisation_profile_xlsx",
            ),
        ]
