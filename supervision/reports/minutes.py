"""The minutes of a visit (biên bản giám sát): a printable page and the same as .xlsx."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from healthcentre.documents import DocumentObject, Frame, Signer, unit_heading
from healthcentre.scoping import Viewer

from ..models import ActionItem, ContentArea, Finding, Visit
from ..rules import previous_findings
from .base import AdminReportView
from .docx import write_sections
from .xlsx import Section, sections_workbook


@dataclass
class AreaRow:
    area: ContentArea
    finding: Finding | None
    previous: Finding | None


def minutes_of(visit: Visit, user: Viewer) -> dict[str, Any]:
    """Everything the minutes print: the round and team, the visit, one row per content area
    (the round's areas and any other area with findings) beside the previous visit's, and the
    action items."""
    round_ = visit.round
    findings = {f.area_id: f for f in visit.findings.select_related("area")}
    areas = {a.pk: a for a in round_.content_areas.all()}
    areas.update({f.area_id: f.area for f in findings.values()})
    before = previous_findings(visit, user)
    rows = [
        AreaRow(area, findings.get(pk), before.get(pk))
        for pk, area in sorted(areas.items(), key=lambda item: (item[1].source, item[1].position, item[1].name))
    ]
    return {
        "visit": visit,
        "round": round_,
        "team": round_.team.select_related("person").order_by("role", "person__full_name"),
        "people_met_persons": list(visit.people_met_persons.all()),
        "rows": rows,
        "actions": list(ActionItem.objects.filter(visit=visit).select_related("responsible_unit").order_by("number")),
        "today": timezone.localdate(),
    }


def visit_for(view: AdminReportView) -> Visit:
    visit = view.model_admin.get_object(view.request, str(view.kwargs["pk"]))
    if visit is None:
        raise Http404
    return Visit.objects.select_related("round__supervising_unit", "round__decision", "station").get(pk=visit.pk)


class MinutesView(AdminReportView):
    template_name = "supervision/minutes.html"
    print_template_name = "supervision/minutes_print.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        visit = visit_for(self)
        self.title = _("Minutes of a supervision visit")
        context = super().get_context_data(**kwargs)
        context.update(minutes_of(visit, self.request.user))
        return context

    def file_name(self, context: dict[str, Any]) -> str:
        return f"bien-ban-giam-sat-{context['visit'].station.code}.xlsx"

    def workbook(self, context: dict[str, Any]) -> bytes:
        return sections_workbook(self.file_name(context).removesuffix(".xlsx"), minutes_sections(context))

    def frame(self, context: dict[str, Any]) -> Frame:
        """The minutes as the station and the team sign them, dated the day of the visit."""
        visit, round_ = context["visit"], context["round"]
        return Frame(
            unit_heading(round_.supervising_unit, visit.date or context["today"]),
            _("Minutes of a supervision visit"),
            str(visit.station),
            landscape=True,
            signers=(
                Signer(_("For the station")),
                Signer(_("Team leader"), round_.leader.full_name if round_.leader else ""),
            ),
        )

    def write_document(self, document: DocumentObject, context: dict[str, Any]) -> None:
        write_sections(document, minutes_sections(context))


def minutes_sections(data: dict[str, Any]) -> list[Section]:
    """The sections of its xlsx, one under another on one sheet."""
    visit, round_ = data["visit"], data["round"]
    heading = [
        (_("Round"), round_.title),
        (_("Supervising unit"), round_.supervising_unit),
        (_("Decision forming the team"), round_.decision or ""),
        (_("Dates"), round_.span),
        (_("Station visited"), visit.station),
        (_("Kind of visit"), visit.get_kind_display()),
        (_("Date"), visit.date or _("Not reported")),
        (_("People met"), visit.people_met),
    ]
    areas = [
        (
            row.area.name,
            row.finding.findings if row.finding else "",
            row.finding.score if row.finding else None,
            row.area.max_points,
            row.finding.recommendations if row.finding else "",
            row.previous.findings if row.previous else "",
            row.previous.score if row.previous else None,
        )
        for row in data["rows"]
    ]
    actions = [
        (
            a.number,
            a.description,
            a.responsible_unit,
            a.due_date,
            a.get_status_display(),
            a.closed_date,
            _("Overdue") if a.is_overdue(data["today"]) else "",
        )
        for a in data["actions"]
    ]
    return [
        (_("Minutes of a supervision visit"), None, heading),
        (
            _("Team"),
            [_("Role"), _("Person"), _("Position")],
            [(m.get_role_display(), m.person.titled_name, m.position) for m in data["team"]],
        ),
        (
            _("Findings"),
            [
                _("Content area"),
                _("Findings"),
                _("Score"),
                _("Maximum"),
                _("Recommendations"),
                f"{_('Previous visit')}: {_('Findings')}",
                f"{_('Previous visit')}: {_('Score')}",
            ],
            areas,
        ),
        (
            _("Action items"),
            [
                _("No."),
                _("What is to be done"),
                _("Responsible unit"),
                _("Due date"),
                _("Status"),
                _("Closed on"),
                "",
            ],
            actions,
        ),
    ]


__all__ = ["MinutesView", "minutes_of", "minutes_sections"]
