from django.contrib import admin

from healthcentre.importing.admin import CatalogueAdmin

from ..models import AwardForm
from ..resources import AwardFormResource


@admin.register(AwardForm)
class AwardFormAdmin(CatalogueAdmin):
    """The catalogue is national reference data: every role reads it, only a superuser edits it."""

    resource_classes = [AwardFormResource]
    list_display = ["name", "code", "category", "level", "eligible_recipients", "reward_multiple", "prerequisite"]
    list_filter = ["category", "level", "eligible_recipients"]
    list_select_related = ["prerequisite"]
    search_fields = ["name__unaccent", "code"]
