"""The indicator report as a Word document an office signs and sends up: the table of the
report page, landscape, under the heading of the unit that reports."""

from django.utils.translation import gettext as _

from healthcentre.documents import Heading, add_signature, add_table, document_bytes, official_document

from .report_xlsx import figure_cells, figure_headings
from .reports import Report


def report_document(report: Report, heading: Heading) -> bytes:
    document = official_document(
        heading,
        _("Report"),
        _("Results of the indicators, %(period)s") % {"period": report.period_label},
        landscape=True,
    )
    add_table(
        document,
        [_("No."), _("Indicator"), _("Unit of measure"), *figure_headings()],
        [
            [
                number,
                f"– {row.breakdown.name}" if row.breakdown else row.indicator.name,
                row.indicator.unit,
                *figure_cells(row),
            ]
            for number, row in enumerate(report.rows, start=1)
        ],
    )
    add_signature(document, _("Director"), [_("Department of Health (to report)")])
    return document_bytes(document)
