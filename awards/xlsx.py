"""The awards report as an xlsx workbook: numbers stay numbers so offices can add them up."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from healthcentre.importing.resources import neutralise_formula


def _sheet(workbook, title, header, rows):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise_formula(value) for value in row])
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    return sheet


def summary_workbook(summary, title: str, base_salary) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
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
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
