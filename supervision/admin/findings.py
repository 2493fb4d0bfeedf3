from django.contrib import admin

from healthcentre.importing.admin import RecordAdmin

from ..models import Finding
from ..resources import FindingResource


@admin.register(Finding)
class FindingAdmin(RecordAdmin):
    resource_classes = [FindingResource]
    list_display = ["visit", "area", "score", "findings"]
    list_filter = ["area__source", "area", "visit__round"]
    list_select_related = ["visit__station", "visit__round", "area"]
    search_fields = ["visit__station__name__unaccent", "findings__unaccent", "recommendations__unaccent"]
    autocomplete_fields = ["visit"]
