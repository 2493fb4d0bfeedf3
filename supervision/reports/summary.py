"""A round's summary: the stations visited, scores per content area, open action items, and a
chart of the average score per area."""

from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from healthcentre.documents import DocumentObject, Frame, Signer, unit_heading

from ..models import ActionItem, ContentArea, Finding, SupervisionRound
from .base import AdminReportView
from .chart import layout
from .docx import write_sections
from .xlsx import Section, sections_workbook


def summary_of(round_: SupervisionRound) -> dict[str, Any]:
    visits = list(round_.visits.select_related("station").order_by("date", "station__name"))
    findings = Finding.objects.filter(visit__round=round_).select_related("area")
    scores = {(f.visit_id, f.area_id): f.score for f in findings}
    by_id = {a.pk: a for a in round_.content_areas.all()}
    by_id.update({f.area_id: f.area for f in findings})
    areas: list[ContentArea] = sorted(by_id.values(), key=lambda a: (a.source, a.position, a.name))
    table = [(visit, [scores.get((visit.pk, area.pk)) for area in areas]) for visit in visits]
    averages: list[Decimal | None] = []
    for index in range(len(areas)):
        given = [score for _visit, row in table if (score := row[index]) is not None]
        averages.append(sum(given, Decimal(0)) / len(given) if given else None)
    bars = [
        (area.name, float(avg) * 100 / area.max_points, f"{avg:.1f}/{area.max_points}")
        for area, avg in zip(areas, averages, strict=True)
        if avg is not None and area.max_points
    ]
    return {
        "round": round_,
        "areas": areas,
        "table": table,
        "averages": averages,
        "chart": layout(bars) if bars else None,
        "open_actions": list(
            ActionItem.objects.filter(visit__round=round_)
            .still_open()
            .select_related("visit__station", "responsible_unit")
            .order_by("due_date", "visit__station__name", "number")
        ),
        "today": timezone.localdate(),
    }


class RoundSummaryView(AdminReportView):
    template_name = "supervision/round_summary.html"
    print_template_name = "supervision/round_summary_print.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        round_ = self.get_object()
        self.title = _("Round summary")
        context = super().get_context_data(**kwargs)
        context.update(summary_of(round_))
        return context

    def file_name(self, context: dict[str, Any]) -> str:
        return f"tong-hop-{context['round'].code}.xlsx"

    def workbook(self, context: dict[str, Any]) -> bytes:
        return sections_workbook(self.file_name(context).removesuffix(".xlsx"), summary_sections(context))

    def frame(self, context: dict[str, Any]) -> Frame:
        """The round's report, from the supervising unit, signed by the team leader."""
        round_ = context["round"]
        return Frame(
            unit_heading(round_.supervising_unit, context["today"]),
            _("Round summary"),
            f"{round_.title} ({round_.span})",
            landscape=True,
            signers=(Signer(_("Team leader"), round_.leader.full_name if round_.leader else ""),),
        )

    def write_document(self, document: DocumentObject, context: dict[str, Any]) -> None:
        write_sections(document, summary_sections(context))


def summary_sections(data: dict[str, Any]) -> list[Section]:
    """The sections of its xlsx, one under another on one sheet."""
    round_ = data["round"]
    header = [_("Station visited"), _("Date"), *[a.name for a in data["areas"]]]
    rows = [(v.station.name, v.date or round_.span, *scores) for v, scores in data["table"]]
    rows.append((_("Average"), "", *[None if a is None else round(a, 1) for a in data["averages"]]))
    actions = [
        (
            a.visit.station.name,
            a.number,
            a.description,
            a.responsible_unit.name,
            a.due_date,
            a.get_status_display(),
            _("Overdue") if a.is_overdue(data["today"]) else "",
        )
        for a in data["open_actions"]
    ]
    return [
        (f"{round_.title} ({round_.span}) — {round_.supervising_unit.name}", header, rows),
        (
            _("Open action items"),
            [
                _("Station visited"),
                _("No."),
                _("What is to be done"),
                _("Responsible unit"),
                _("Due date"),
                _("Status"),
                "",
            ],
            actions,
        ),
    ]
