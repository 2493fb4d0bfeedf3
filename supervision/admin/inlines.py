"""Inlines keep the scoping of RecordAdmin: their lists and foreign-key choices are the user's units."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from healthcentre.importing.admin import ScopedAdminMixin

from ..models import ActionItem, Finding, TeamMember, Visit
from ..rules import previous_findings
from .display import overdue_badge


class TeamMemberInline(ScopedAdminMixin, admin.TabularInline):
    model = TeamMember
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]


class VisitInline(ScopedAdminMixin, admin.TabularInline):
    model = Visit
    extra = 0
    fields = ["station", "kind", "date", "open_link"]
    readonly_fields = ["open_link"]
    autocomplete_fields = ["station"]
    reference_fields = ("station",)
    active_unit_fields = ("station",)
    show_change_link = True

    def record_day(self, obj):
        return obj.start_date  # the round's

    def get_queryset(self, request):
        # Each row names its station; fetch them with the visits.
        return super().get_queryset(request).select_related("station", "round")

    @admin.display(description=_("minutes"))
    def open_link(self, obj):
        if not obj.pk:
            return ""
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:supervision_visit_minutes", args=[obj.pk]), _("minutes")
        )


class FindingInline(ScopedAdminMixin, admin.StackedInline):
    model = Finding
    extra = 1
    fields = ["area", "findings", "score", "recommendations", "previous"]
    readonly_fields = ["previous"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("area", "visit__round")

    def get_formset(self, request, obj=None, **kwargs):
        # An inline is made for one request (get_inline_instances): the previous findings
        # it shows are those this user may read.
        self.reader = request.user
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description=_("previous visit's findings"))
    def previous(self, obj):
        if not obj.pk:
            return "—"
        # One lookup per visit, not per row: the inline lives for one request.
        cache = self.__dict__.setdefault("_previous", {})
        if obj.visit_id not in cache:
            cache[obj.visit_id] = previous_findings(obj.visit, self.reader)
        before = cache[obj.visit_id].get(obj.area_id)
        if before is None:
            return "—"
        score = f" — {before.score}/{before.area.max_points}" if before.score is not None else ""
        return format_html(
            "<strong>{}</strong>{}<br>{}<br><em>{}</em>",
            before.visit.when,
            score,
            before.findings or "—",
            before.recommendations,
        )


class ActionItemInline(ScopedAdminMixin, admin.StackedInline):
    """Stacked, a few fields to a line: eight columns of a table ran 2.300 px wide, the due
    date and the status off a 1366 px screen."""

    model = ActionItem
    extra = 1
    fk_name = "visit"
    fields = [
        ("number", "due_date", "status", "flag"),
        "description",
        "responsible_unit",
        ("closed_date", "closing_note"),
    ]
    readonly_fields = ["flag"]
    # A plain list, not an autocomplete: the province's units are few, and a list is easier
    # to fill row after row.
    reference_fields = ("responsible_unit",)
    active_unit_fields = ("responsible_unit",)

    def record_day(self, obj):
        return obj.date or obj.round.start_date  # the visit's

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("responsible_unit")

    @admin.display(description=_("overdue"))
    def flag(self, obj):
        return overdue_badge(obj) if obj.pk else ""
