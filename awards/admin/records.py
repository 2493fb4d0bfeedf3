from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin
from healthcentre.vocabulary import NumberLimits, ParseError, parse_integer

from .. import rules, views
from ..models import AwardRecord
from ..resources import AwardRecordResource

YEAR = NumberLimits(min_value=1, max_value=9999)


class DecisionYearFilter(admin.SimpleListFilter):
    title = _("year of decision")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            model_admin.get_queryset(request)
            .filter(decision__date__isnull=False)
            .dates("decision__date", "year", order="DESC")
        )
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        # The year comes from the address bar: anything the vocabulary cannot read as a year
        # (str.isdigit would pass "²", which int() then refuses) leaves the list unfiltered.
        try:
            year = parse_integer(self.value(), YEAR)
        except ParseError:
            return queryset
        return queryset if year is None else queryset.filter(decision__date__year=year)


@admin.register(AwardRecord)
class AwardRecordAdmin(RecordAdmin):
    resource_classes = [AwardRecordResource]
    year_fields = ("period_start", "period_end")
    import_export_change_list_template = "admin/awards/awardrecord/change_list.html"
    list_display = ["form", "recipient", "organisation", "decision", "achievement_period", "status"]
    list_filter = ["status", DecisionYearFilter, "form__level", "form", "recipient_kind"]
    # Form, decision (with its issuer), recipients and unit are printed on every row.
    list_select_related = ["form", "decision__issuer", "recipient_unit", "recipient_person", "organisation"]
    search_fields = [
        "recipient_person__full_name__unaccent",
        "recipient_unit__name__unaccent",
        "organisation__name__unaccent",
        "citation__unaccent",
    ]
    autocomplete_fields = ["decision", "recipient_unit", "recipient_person", "organisation"]
    readonly_fields = ["rule_warnings"]
    fieldsets = [
        (None, {"fields": ["status", "decision", "form"]}),
        (
            _("Recipient"),
            {
                "fields": [
                    "recipient_person",
                    "recipient_unit",
                    "recipient_kind",
                    "count",
                    "count_at_least",
                    "organisation",
                ],
                "description": _(
                    "Name one person or one unit; where the source gives only a number, give the number, "
                    "the kind and the unit whose staff or sub-units received it."
                ),
            },
        ),
        (_("Achievement"), {"fields": ["period_start", "period_end", "citation", "notes"]}),
        (_("Checks"), {"fields": ["rule_warnings"]}),
    ]

    @admin.display(description=_("achievement period (years)"))
    def achievement_period(self, obj):
        return obj.period_display

    @admin.display(description=_("recipient"))
    def recipient(self, obj):
        if obj.recipient_person_id:
            url = reverse("admin:awards_history", args=["person", obj.recipient_person.code])
        else:
            unit = obj.recipient_unit or obj.organisation
            url = reverse("admin:awards_history", args=["unit", unit.code])
        return format_html('<a href="{}">{}</a>', url, obj.recipient_display)

    @admin.display(description=_("warnings"))
    def rule_warnings(self, obj):
        if obj is None or not obj.pk:
            return _("Checked when the record is saved.")
        findings = rules.check(obj)
        if not findings:
            return _("No warnings.")
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((f.message,) for f in findings)))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for finding in rules.check(obj):
            messages.warning(request, finding.message)

    def get_urls(self):
        return [
            views.ReportPage.path(self, "report/", "awards_report"),
            views.EligibilityPage.path(self, "eligibility/", "awards_eligibility"),
            views.HistoryPage.path(self, "history/<str:kind>/<slug:code>/", "awards_history"),
            *super().get_urls(),
        ]
