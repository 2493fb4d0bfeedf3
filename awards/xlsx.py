"""The awards report as an xlsx workbook: numbers stay numbers so offices can add them up."""

from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook

from healthcentre.spreadsheets import active_sheet, workbook_bytes
from healthcentre.spreadsheets import add_sheet as _sheet

from .reports import Summary


def summary_workbook(summary: Summary, title: str, base_salary: Decimal) -> bytes:
    workbook = Workbook()
    workbook.remove(active_sheet(workbook))
    amount_header = _("Reward at %(base)s đồng") % {"base": f"{base_salary:,.0f}".replace(",", ".")}
    _sheet(
        workbook,
        _("By decision"),
        [_("Decision"), _("Level"), _("Award form"), _("Collectives"), _("Individuals"), amount_header],
        [
            [
                line.label or _("decision not known"),
                line.form.get_level_display(),
                line.form.name,
                line.collectives,
                line.individuals,
                line.amount,
            ]
            for line in summary.by_decision
        ]
        + [[_("Total"), "", "", summary.collectives, summary.individuals, summary.amount]],
    )
    _sheet(
        workbook,
        _("By level and form"),
        [_("Level"), _("Award form"), _("Collectives"), _("Individuals"), _("Reward multiple"), amount_header],
        [
            [line.label, line.form.name, line.collectives, line.individuals, line.form.reward_multiple, line.amount]
            for line in summary.by_level
        ],
    )
    _sheet(
        workbook,
        _("Records"),
        [_("Decision"), _("Award form"), _("Recipient"), _("Unit"), _("Achievement period"), _("Citation")],
        [
            [str(r.decision or ""), r.form.name, r.recipient_display, str(r.organisation), r.period_display, r.citation]
            for r in summary.records
        ],
    )
    workbook.active = 0
    workbook.properties.title = title
    return workbook_bytes(workbook)
