from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin, ScopedAdminMixin

from ..models import AwardDecision, AwardRecord
from ..resources import AwardDecisionResource


class AwardRecordInline(ScopedAdminMixin, admin.StackedInline):
    """The recipients of a decision, on the decision's own form. Like every inline, the rows
    are the user's own (ScopedAdminMixin.get_queryset), and so are the units and people
    offered; each row is added, changed or deleted only where the record admin would allow it."""

    model = AwardRecord
    fk_name = "decision"
    extra = 0
    year_fields = ("period_start", "period_end")
    autocomplete_fields = ["recipient_unit", "recipient_person", "organisation"]
    fields = [
        ("status", "form"),
        ("recipient_person", "recipient_unit"),
        ("recipient_kind", "count", "count_at_least"),
        "organisation",
        ("period_start", "period_end"),
        "citation",
    ]
    show_change_link = True
    verbose_name = _("recipient")
    verbose_name_plural = _("recipients")

    def get_queryset(self, request):
        # Each row names its form, recipient and unit: fetched with the records.
        return (
            super().get_queryset(request).select_related("form", "recipient_unit", "recipient_person", "organisation")
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_touch(request, obj)


@admin.register(AwardDecision)
class AwardDecisionAdmin(RecordAdmin):
    resource_classes = [AwardDecisionResource]
    reference_fields = ("issuer", "presenter")
    # The recipients' column comes last, from get_list_display: it depends on the user.
    list_display = ["__str__", "date_shown", "issuer", "occasion", "filed_by"]
    list_filter = ["date_precision"]
    # issuer and filed_by are printed on every row.
    list_select_related = ["issuer", "presenter", "filed_by"]
    search_fields = ["number__unaccent", "occasion__unaccent", "issuer__name__unaccent"]
    autocomplete_fields = ["issuer", "presenter", "filed_by"]
    date_hierarchy = "date"
    inlines = [AwardRecordInline]

    @admin.display(description=_("date"), ordering="date")
    def date_shown(self, obj):
        return obj.date_display

    def get_list_display(self, request):
        """The recipients' column links to adding one only for a user whom the record admin
        lets add: a link that would answer 403 is a dead end."""
        may_add = self.admin_site.get_model_admin(AwardRecord).has_add_permission(request)

        @admin.display(description=_("award records"))
        def records_link(obj):
            listed = reverse("admin:awards_awardrecord_changelist") + f"?decision__id__exact={obj.pk}"
            if not may_add:
                return format_html('<a href="{}">{}</a>', listed, _("Recipients"))
            added = reverse("admin:awards_awardrecord_add") + "?" + urlencode({"decision": obj.pk})
            return format_html(
                '<a href="{}">{}</a> · <a href="{}">{}</a>', listed, _("Recipients"), added, _("Add a recipient")
            )

        return [*super().get_list_display(request), records_link]
