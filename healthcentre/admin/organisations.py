from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..importing.admin import RecordAdmin
from ..models import Decision, Organisation
from ..profile import views as profile_views
from ..resources import DecisionResource, OrganisationResource


@admin.register(Organisation)
class OrganisationAdmin(RecordAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "code", "kind", "parent", "province"]
    list_filter = ["kind", "province"]
    list_select_related = ["parent", "province"]
    search_fields = ["name__unaccent", "code"]
    autocomplete_fields = ["parent", "province", "commune", "legacy_district", "legacy_commune"]
    fieldsets = [
        (None, {"fields": ["code", "name", "kind", "parent"]}),
        (_("Area"), {"fields": ["province", "commune", "legacy_district", "legacy_commune"]}),
        (_("Notes"), {"fields": ["notes"]}),
    ]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/profile/", view(profile_views.profile_page(self)), name="healthcentre_organisation_profile"),
            path(
                "<int:pk>/profile/print/",
                view(profile_views.profile_print(self)),
                name="healthcentre_organisation_profile_print",
            ),
            path(
                "<int:pk>/profile/xlsx/",
                view(profile_views.profile_xlsx(self)),
                name="healthcentre_organisation_profile_xlsx",
            ),
            *super().get_urls(),
        ]


@admin.register(Decision)
class DecisionAdmin(RecordAdmin):
    resource_classes = [DecisionResource]
    list_display = ["number", "date", "issuer", "title"]
    list_filter = ["issuer__kind"]
    list_select_related = ["issuer"]
    search_fields = ["number__unaccent", "title__unaccent", "issuer__name__unaccent"]
    autocomplete_fields = ["issuer", "filed_by"]
    reference_fields = ("issuer",)
    date_hierarchy = "date"
