"""Admin for a unit's chronicle and its facilities and capabilities (issue 7)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..importing.admin import RecordAdmin, ScopedAdminMixin
from ..models import ChronicleEntry, ChronicleParticipant, ChroniclePhoto, Facility
from .admin import DatedTextColumns
from .chronicle_resources import ChronicleEntryResource, ChronicleParticipantResource, FacilityResource
from .forms import DatedFactForm


class ChronicleEntryForm(DatedFactForm):
    required_dates = ("start_text",)


class ParticipantInline(ScopedAdminMixin, admin.TabularInline):
    model = ChronicleParticipant
    extra = 0
    autocomplete_fields = ["person", "organisation"]
    reference_fields = ("organisation",)
    fields = ["role", "person", "organisation", "name_as_written", "position_at_the_time"]


class PhotoInline(ScopedAdminMixin, admin.TabularInline):
    model = ChroniclePhoto
    extra = 0


@admin.register(ChronicleEntry)
class ChronicleEntryAdmin(DatedTextColumns, RecordAdmin):
    form = ChronicleEntryForm
    resource_classes = [ChronicleEntryResource]
    inlines = [ParticipantInline, PhotoInline]
    list_display = ["period_text", "kind", "title", "organisation"]
    list_filter = ["kind"]
    # The unit's name is on every row: fetch it with the entries.
    list_select_related = ["organisation"]
    search_fields = ["code", "title__unaccent", "description__unaccent", "organisation__name__unaccent"]
    autocomplete_fields = ["organisation", "decision"]
    fields = [
        "code",
        "organisation",
        "kind",
        "start_text",
        "end_text",
        "title",
        "description",
        "decision",
        "document",
        "source",
        "notes",
    ]

    @admin.display(description=_("when"), ordering="start")
    def period_text(self, obj):
        return obj.period_text


@admin.register(ChronicleParticipant)
class ChronicleParticipantAdmin(RecordAdmin):
    """Listed on its own too, so participants can be imported and exported in bulk."""

    resource_classes = [ChronicleParticipantResource]
    list_display = ["entry", "role", "person", "organisation", "name_as_written", "position_at_the_time"]
    list_select_related = ["entry", "person", "organisation"]
    search_fields = ["name_as_written__unaccent", "person__full_name__unaccent", "entry__title__unaccent"]
    autocomplete_fields = ["entry", "person", "organisation"]
    reference_fields = ("organisation",)


@admin.register(Facility)
class FacilityAdmin(DatedTextColumns, RecordAdmin):
    form = DatedFactForm
    resource_classes = [FacilityResource]
    list_display = ["name", "kind", "organisation", "start_text", "quantity_text", "floors", "beds"]
    list_filter = ["kind"]
    list_select_related = ["organisation"]
    search_fields = ["code", "name__unaccent", "organisation__name__unaccent"]
    autocomplete_fields = ["organisation"]
    fields = [
        "code",
        "organisation",
        "kind",
        "name",
        "start_text",
        "end_text",
        "quantity",
        "quantity_is_lower_bound",
        "floors",
        "floor_area_m2",
        "beds",
        "description",
        "notes",
    ]

    @admin.display(description=_("in service since"), ordering="start")
    def start_text(self, obj):
        return obj.start_text

    @admin.display(description=_("quantity"))
    def quantity_text(self, obj):
        return obj.quantity_text
