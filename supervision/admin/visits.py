from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.importing.admin import RecordAdmin

from ..models import Visit
from ..models.actions import CLOSED_STATUSES
from ..reports import history, minutes, planning
from ..resources import VisitResource
from ..rules import outside_area_message, previous_findings, previous_visit, station_outside_served_area
from .inlines import ActionItemInline, FindingInline


@admin.register(Visit)
class VisitAdmin(RecordAdmin):
    resource_classes = [VisitResource]
    change_form_template = "supervision/admin/visit_change_form.html"
    import_export_change_list_template = "supervision/admin/visit_change_list.html"
    list_display = ["station", "round", "kind", "when", "finding_count", "open_count", "overdue_count", "history_link"]
    list_filter = ["round", "kind"]
    search_fields = ["station__name__unaccent", "station__code", "round__title__unaccent", "round__code"]
    autocomplete_fields = ["round", "station", "people_met_persons"]
    reference_fields = ("station",)
    active_unit_fields = ("station",)
    inlines = [FindingInline, ActionItemInline]
    fieldsets = [
        (None, {"fields": ["round", "station", "kind", "date", "next_visit_due"]}),
        (gettext_lazy("People met"), {"fields": ["people_met", "people_met_persons"]}),
        (gettext_lazy("Notes"), {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        # Station, round and three counts per row, fetched with the list rather than per row.
        today = timezone.localdate()
        open_q = ~Q(action_items__status__in=CLOSED_STATUSES)
        return (
            super()
            .get_queryset(request)
            .select_related("station", "round")
            .annotate(
                n_findings=Count("findings", distinct=True),
                n_open=Count("action_items", filter=open_q, distinct=True),
                n_overdue=Count("action_items", filter=open_q & Q(action_items__due_date__lt=today), distinct=True),
            )
        )

    def record_day(self, obj):
        return obj.date or obj.round.start_date

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj):
        return obj.when

    @admin.display(description=gettext_lazy("findings"), ordering="n_findings")
    def finding_count(self, obj):
        return obj.n_findings

    @admin.display(description=gettext_lazy("open action items"), ordering="n_open")
    def open_count(self, obj):
        return obj.n_open

    @admin.display(description=gettext_lazy("overdue"), ordering="n_overdue")
    def overdue_count(self, obj):
        if not obj.n_overdue:
            return 0
        return format_html('<strong class="overdue" style="color:#ba2121">{}</strong>', obj.n_overdue)

    @admin.display(description=gettext_lazy("station history"))
    def history_link(self, obj):
        url = reverse("admin:supervision_station_history", args=[obj.station_id])
        return format_html('<a href="{}">{}</a>', url, _("history"))

    @staticmethod
    def previous_findings_table(visit, user):
        """The previous visit's findings that `user` may read, shown under the form."""
        before = previous_visit(visit, user)
        if before is None:
            return _("No earlier visit to this station is recorded.")
        found = previous_findings(visit, user)
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    f.area.name,
                    f.findings,
                    "" if f.score is None else f"{f.score}/{f.area.max_points}",
                    f.recommendations,
                )
                for f in found.values()
            ),
        )
        url = reverse("admin:supervision_visit_change", args=[before.pk])
        return format_html(
            '<p><a href="{}">{} — {}</a></p><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            url,
            before.round.title,
            before.when,
            _("content area"),
            _("findings"),
            _("score"),
            _("recommendations"),
            rows,
        )

    def warn_if_outside_area(self, request, visit) -> None:
        if station_outside_served_area(visit):
            messages.warning(request, outside_area_message(visit))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.warn_if_outside_area(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        visit = self.get_object(request, object_id)
        if visit is not None:
            if request.method == "GET":
                self.warn_if_outside_area(request, visit)
            extra_context = {
                **(extra_context or {}),
                "previous_findings": self.previous_findings_table(visit, request.user),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            minutes.MinutesView.path(self, "<int:pk>/minutes/", "supervision_visit_minutes"),
            minutes.MinutesView.path(
                self, "<int:pk>/minutes/print/", "supervision_visit_minutes_print", variant="print"
            ),
            minutes.MinutesView.path(self, "<int:pk>/minutes.xlsx", "supervision_visit_minutes_xlsx", variant="xlsx"),
            minutes.MinutesView.path(self, "<int:pk>/minutes.docx", "supervision_visit_minutes_docx", variant="docx"),
            history.StationHistoryView.path(self, "station/<int:station_id>/", "supervision_station_history"),
            planning.PlanningView.path(self, "planning/", "supervision_planning"),
            *super().get_urls(),
        ]
