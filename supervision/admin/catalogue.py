from django.contrib import admin

from healthcentre.importing.admin import CatalogueAdmin

from ..models import ContentArea
from ..resources import ContentAreaResource


@admin.register(ContentArea)
class ContentAreaAdmin(CatalogueAdmin):
    """The catalogue is national reference data: everyone with access reads it, a superuser keeps it."""

    resource_classes = [ContentAreaResource]
    list_display = ["code", "name", "source", "max_points", "position"]
    list_filter = ["source"]
    search_fields = ["name__unaccent", "code"]
