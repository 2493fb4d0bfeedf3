from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..domains import contributors
from ..importing.admin import RecordAdmin
from ..models import Decision, Organisation
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
        """The pages about one unit that the apps built on the platform contribute (its
        profile, …), then the admin's own."""
        return [*(page for config in contributors() for page in config.unit_pages(self)), *super().get_urls()]


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
