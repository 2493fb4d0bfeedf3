"""A unit's history as an .xlsx workbook, in the same sheets and columns the workbook import
reads, so an exported history can be corrected and loaded again."""

from django.db.models import Model
from openpyxl import Workbook
from openpyxl.styles import Font

from ..models import Event, Position, RankRecord, StructureSnapshot, UnitName, UnitRelation
from ..spreadsheets import active_sheet, append_row, workbook_bytes
from .resources import (
    EventResource,
    PositionResource,
    RankRecordResource,
    StructureSnapshotResource,
    UnitNameResource,
    UnitRelationResource,
)
from .workbook import sheet_title

# Every model of a history sheet has the unit it is about as `organisation`.
SHEETS: list[tuple[type, type[Model]]] = [
    (EventResource, Event),
    (UnitNameResource, UnitName),
    (UnitRelationResource, UnitRelation),
    (RankRecordResource, RankRecord),
    (StructureSnapshotResource, StructureSnapshot),
    (PositionResource, Position),
]


def _cell(resource, field, obj):
    # As the admin's xlsx export: numbers and whole dates stay typed cells.
    return resource.export_field(field, obj, force_native_type=True)


def history_workbook(unit) -> bytes:
    workbook = Workbook()
    workbook.remove(active_sheet(workbook))
    for resource_class, model in SHEETS:
        resource = resource_class()
        sheet = workbook.create_sheet(sheet_title(resource_class))
        fields = resource.get_export_fields()
        append_row(sheet, resource.get_export_headers())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        records = model._default_manager.filter(**{"organisation": unit}).order_by("pk")
        for obj in records:
            append_row(sheet, [_cell(resource, f, obj) for f in fields])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 22
    return workbook_bytes(workbook)
