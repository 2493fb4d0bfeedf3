from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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


@admin.register(Decision)
class DecisionAdmin(RecordAdmin):
    resource_classes = [DecisionResource]
    list_display = ["number", "date", "issuer", "title"]
    list_filter = ["issuer__kind"]
    list_select_related = ["issuer"]
    search_fields = ["number", "title__unaccent", "issuer__name__unaccent"]
    autocomplete_fields = ["issuer", "filed_by"]
    reference_fields = ("issuer",)
    date_hierarchy = "date"
