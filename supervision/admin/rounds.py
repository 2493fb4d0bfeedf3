from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import RecordAdmin

from ..models import SupervisionRound, TeamMember
from ..models.actions import CLOSED_STATUSES
from ..reports import summary
from ..resources import SupervisionRoundResource, TeamMemberResource
from .inlines import TeamMemberInline, VisitInline


@admin.register(SupervisionRound)
class SupervisionRoundAdmin(RecordAdmin):
    resource_classes = [SupervisionRoundResource]
    change_form_template = "supervision/admin/round_change_form.html"
    list_display = ["title", "code", "supervising_unit", "span", "leader_name", "visit_count", "open_actions"]
    list_filter = ["supervising_unit"]
    search_fields = ["title__unaccent", "code", "supervising_unit__name__unaccent"]
    autocomplete_fields = ["supervising_unit", "decision", "content_areas"]
    active_unit_fields = ("supervising_unit",)
    date_hierarchy = "start_date"
    inlines = [TeamMemberInline, VisitInline]
    fieldsets = [
        (None, {"fields": ["code", "title", "supervising_unit", "decision", ("start_date", "end_date")]}),
        (_("Content areas"), {"fields": ["content_areas"]}),
        (_("Notes"), {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        # The list shows the unit, the leader and two counts: fetch them with the rounds, not per row.
        return (
            super()
            .get_queryset(request)
            .select_related("supervising_unit")
            .prefetch_related("team__person")
            .annotate(
                n_visits=Count("visits", distinct=True),
                n_open=Count(
                    "visits__action_items",
                    filter=~Q(visits__action_items__status__in=CLOSED_STATUSES),
                    distinct=True,
                ),
            )
        )

    def record_day(self, obj):
        return obj.start_date

    @admin.display(description=_("dates"), ordering="start_date")
    def span(self, obj):
        return obj.span

    @admin.display(description=_("team leader"))
    def leader_name(self, obj):
        return obj.leader or "—"

    @admin.display(description=_("visits"), ordering="n_visits")
    def visit_count(self, obj):
        return obj.n_visits

    @admin.display(description=_("open action items"), ordering="n_open")
    def open_actions(self, obj):
        return obj.n_open

    def get_urls(self):
        return [
            summary.RoundSummaryView.path(self, "<int:pk>/summary/", "supervision_round_summary"),
            summary.RoundSummaryView.path(
                self, "<int:pk>/summary/print/", "supervision_round_summary_print", variant="print"
            ),
            summary.RoundSummaryView.path(
                self, "<int:pk>/summary.xlsx", "supervision_round_summary_xlsx", variant="xlsx"
            ),
            summary.RoundSummaryView.path(
                self, "<int:pk>/summary.docx", "supervision_round_summary_docx", variant="docx"
            ),
            *super().get_urls(),
        ]


@admin.register(TeamMember)
class TeamMemberAdmin(RecordAdmin):
    resource_classes = [TeamMemberResource]
    list_display = ["person", "role", "round", "position"]
    list_filter = ["role"]
    list_select_related = ["person", "round"]
    search_fields = ["person__full_name__unaccent", "round__title__unaccent", "round__code"]
    autocomplete_fields = ["round", "person"]
