"""The indicator report as a Word document an office signs and sends up: the table of the
report page, landscape, under the heading of the unit that reports."""

from django.utils.translation import gettext as _

from healthcentre.documents import (
    DocumentObject,
    Frame,
    Heading,
    Signer,
    add_table,
    local_today,
    place_of,
    unit_heading,
)
from healthcentre.models import Organisation, Province

from .report_xlsx import figure_cells, figure_headings
from .reports import Report


def report_frame(report: Report, unit: Organisation | None, province: Province | None) -> Frame:
    """The report as the centre (or the province's Department) signs and sends it up."""
    if unit is not None:
        heading = unit_heading(unit)
    else:
        issuer = _("Department of Health of %(province)s") % {"province": province}
        heading = Heading(issuer, place_of(str(province or "")), local_today())
    return Frame(
        heading,
        _("Report"),
        _("Results of the indicators, %(period)s") % {"period": report.period_label},
        landscape=True,
        signers=(Signer(_("Director")),),
        recipients=(_("Department of Health (to report)"),),
    )


def report_table(report: Report) -> tuple[list[str], list[list[object]]]:
    """The report's table as the document and its printout show it: numbered rows, the
    indicator's name in full, then the figures."""
    header = [_("No."), _("Indicator"), _("Unit of measure"), *figure_headings()]
    rows = [
        [
            number,
            f"– {row.breakdown.name}" if row.breakdown else row.indicator.name,
            row.indicator.unit,
            *figure_cells(row),
        ]
        for number, row in enumerate(report.rows, start=1)
    ]
    return header, rows


def write_report(document: DocumentObject, report: Report) -> None:
    add_table(document, *report_table(report))
