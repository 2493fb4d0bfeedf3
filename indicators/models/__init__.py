from .catalogue import Aggregation, Breakdown, BreakdownCategory, Indicator, IndicatorGroup, IndicatorKind
from .periods import Period, PeriodKind
from .rules import Operator, ValidationRule
from .values import ChangeKind, DataValue, PlanTarget, Qualifier

__all__ = [
    "Aggregation",
    "Breakdown",
    "BreakdownCategory",
    "ChangeKind",
    "DataValue",
    "Indicator",
    "IndicatorGroup",
    "IndicatorKind",
    "Operator",
    "Period",
    "PeriodKind",
    "PlanTarget",
    "Qualifier",
    "ValidationRule",
]
