from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin

from ..models import AwardDecision
from ..resources import AwardDecisionResource


@admin.register(AwardDecision)
class AwardDecisionAdmin(RecordAdmin):
    resource_classes = [AwardDecisionResource]
    reference_fields = ("issuer", "presenter")
    list_display = ["__str__", "date_shown", "issuer", "occasion", "filed_by", "records_link"]
    list_filter = ["date_precision"]
    # issuer and filed_by are printed on every row.
    list_select_related = ["issuer", "presenter", "filed_by"]
    search_fields = ["number__unaccent", "occasion__unaccent", "issuer__name__unaccent"]
    autocomplete_fields = ["issuer", "presenter", "filed_by"]
    date_hierarchy = "date"

    @admin.display(description=_("date"), ordering="date")
    def date_shown(self, obj):
        return obj.date_display

    @admin.display(description=_("award records"))
    def records_link(self, obj):
        url = reverse("admin:awards_awardrecord_changelist") + f"?decision__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Recipients"))
