from django.contrib import admin

from ..importing.admin import RecordAdmin
from ..models import Person
from ..resources import PersonResource


@admin.register(Person)
class PersonAdmin(RecordAdmin):
    resource_classes = [PersonResource]
    list_display = ["full_name", "degrees", "honour_title", "organisation"]
    list_filter = ["honour_title"]
    list_select_related = ["organisation"]
    search_fields = ["full_name__unaccent", "code"]
    autocomplete_fields = ["organisation"]
