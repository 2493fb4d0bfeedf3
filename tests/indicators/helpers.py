import io
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from healthcentre.models import Organisation
from indicators.models import DataValue, Indicator, PlanTarget
from indicators.periods import periods_for

LONG_HEADER = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "qualifier", "note"]


def xlsx(rows, title="Sheet1") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def data_value(
    unit_code: str,
    indicator_code: str,
    period_code: str,
    value: Decimal | int | str | None = None,
    numerator: Decimal | int | None = None,
    denominator: Decimal | int | None = None,
    qualifier: str = "",
) -> DataValue:
    """One figure of a unit, stored as it is (no rule runs), for a test that builds its own."""
    return DataValue.objects.create(
        organisation=Organisation.objects.get(code=unit_code),
        indicator=Indicator.objects.get(code=indicator_code),
        period=periods_for([period_code])[period_code],
        value=value,
        numerator=numerator,
        denominator=denominator,
        qualifier=qualifier,
    )


def plan_target(
    unit_code: str, indicator_code: str, year: int, value: Decimal | int | str, qualifier: str = ""
) -> PlanTarget:
    """A unit's annual plan for one indicator."""
    return PlanTarget.objects.create(
        organisation=Organisation.objects.get(code=unit_code),
        indicator=Indicator.objects.get(code=indicator_code),
        year=year,
        value=value,
        qualifier=qualifier,
    )
