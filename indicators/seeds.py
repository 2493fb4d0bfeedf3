from .resources import (
    BreakdownResource,
    IndicatorResource,
    LongLayoutSeed,
    PlanTargetResource,
    ValidationRuleResource,
)

SEED_FILES = [
    ("indicators/indicators.csv", IndicatorResource),
    ("indicators/breakdowns.csv", BreakdownResource),
    ("indicators/rules.csv", ValidationRuleResource),
    ("indicators/values.csv", LongLayoutSeed),
    ("indicators/plans.csv", PlanTargetResource),
]
