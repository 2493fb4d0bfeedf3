"""Checks on reported figures: the per-value rules, the DHIS2-style validation rules stored as
data, and outliers against a unit's own history. The admin form, both importers and the
violations report all call these functions."""

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from healthcentre.vocabulary import ParseError, format_number, parse_decimal

from .derived import effective_value
from .models import Breakdown, Indicator, IndicatorKind, Operator, ValidationRule

if TYPE_CHECKING:
    from .models import DataValue

_TERM = re.compile(r"^(?P<code>[A-Za-z][A-Za-z0-9_-]*)(?:\.(?P<part>value|numerator|denominator))?$")
OUTLIER_Z = 3.0
OUTLIER_MIN_HISTORY = 3


class ExpressionError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    sign: int
    code: str | None = None
    part: str = "value"
    number: Decimal | None = None


def parse_expression(text: str) -> list[Term]:
    """``A + B - 3`` → terms. Operators need spaces around them, since codes contain hyphens."""
    tokens = (text or "").split()
    if not tokens:
        raise ExpressionError(_("The expression is empty."))
    terms, sign = [], 1
    expect_term = True
    for token in tokens:
        if not expect_term:
            if token not in {"+", "-"}:
                raise ExpressionError(_("Expected + or - before “%(token)s”.") % {"token": token})
            sign, expect_term = (1 if token == "+" else -1), True
            continue
        try:
            terms.append(Term(sign, number=parse_decimal(token)))
        except ParseError:
            match = _TERM.match(token)
            if not match:
                raise ExpressionError(
                    _("“%(token)s” is neither a number nor an indicator code.") % {"token": token}
                ) from None
            terms.append(Term(sign, code=match["code"].upper(), part=match["part"] or "value"))
        expect_term = False
    if expect_term:
        raise ExpressionError(_("The expression ends with an operator."))
    return terms


def expression_codes(terms: list[Term]) -> set[str]:
    return {t.code for t in terms if t.code}


def evaluate(terms: list[Term], figures: dict) -> Decimal | None:
    """The sum, or None when an operand is missing (the rule is then skipped)."""
    total = Decimal(0)
    for term in terms:
        if term.code is None:
            assert term.number is not None  # a term is a code or a number
            total += term.sign * term.number
            continue
        figure = figures.get((term.code, term.part))
        if figure is None:
            return None
        total += term.sign * figure
    return total


_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    Operator.EQ: lambda a, b: a == b,
    Operator.NE: lambda a, b: a != b,
    Operator.LT: lambda a, b: a < b,
    Operator.LE: lambda a, b: a <= b,
    Operator.GT: lambda a, b: a > b,
    Operator.GE: lambda a, b: a >= b,
}


@dataclass(frozen=True)
class CompiledRule:
    rule: ValidationRule
    left: list[Term]
    right: list[Term]

    @property
    def codes(self) -> set[str]:
        return expression_codes(self.left) | expression_codes(self.right)

    def broken_by(self, figures: dict) -> tuple[Decimal, Decimal] | None:
        left, right = evaluate(self.left, figures), evaluate(self.right, figures)
        if left is None or right is None or _COMPARE[self.rule.operator](left, right):
            return None
        return left, right


def active_rules() -> list[CompiledRule]:
    compiled = []
    for rule in ValidationRule.objects.filter(active=True):
        try:
            compiled.append(CompiledRule(rule, parse_expression(rule.left), parse_expression(rule.right)))
        except ExpressionError:
            continue  # clean() refuses such a rule; one made behind its back is not run
    return compiled


def figures_of(
    indicator: Indicator, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> dict[tuple[str, str], Decimal]:
    """The operands one value contributes to rule expressions."""
    code = indicator.code.upper()
    found = {(code, "value"): effective_value(indicator, value, numerator, denominator)}
    if numerator is not None:
        found[(code, "numerator")] = numerator
    if denominator is not None:
        found[(code, "denominator")] = denominator
    return {k: v for k, v in found.items() if v is not None}


def rule_message(compiled: CompiledRule, left: Decimal, right: Decimal) -> str:
    return _("%(message)s (rule %(code)s: %(left)s %(operator)s %(right)s, here %(lv)s and %(rv)s)") % {
        "message": compiled.rule.message,
        "code": compiled.rule.code,
        "left": compiled.rule.left,
        "operator": compiled.rule.get_operator_display(),
        "right": compiled.rule.right,
        "lv": format_number(left),
        "rv": format_number(right),
    }


def check_value_fields(
    indicator: Indicator | None,
    *,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    breakdown: Breakdown | None = None,
    stated_change: Decimal | None = None,
    stated_change_kind: str = "",
) -> dict[str, str]:
    """Per-value checks, as {field: message}; empty when the value may be stored."""
    errors = {}
    for field, number in (("value", value), ("numerator", numerator)):
        if number is not None and number < 0:
            errors[field] = _("A figure cannot be negative.")
    if denominator is not None and denominator <= 0:
        errors["denominator"] = _("The denominator must be greater than zero.")
    if indicator is not None:
        if indicator.kind == IndicatorKind.COUNT:
            if numerator is not None or denominator is not None:
                errors.setdefault(
                    "numerator", _("This indicator is a count: give the value, not a numerator and denominator.")
                )
            elif value is None:
                errors.setdefault("value", _("Give the value."))
        elif (numerator is None) != (denominator is None):
            missing = "denominator" if denominator is None else "numerator"
            errors.setdefault(missing, _("A ratio needs both its numerator and its denominator."))
        elif value is None and numerator is None:
            errors.setdefault("value", _("Give the value, or the numerator and the denominator."))
        if breakdown is not None and breakdown.category != indicator.breakdown_category:
            errors["breakdown"] = _("“%(item)s” is not a breakdown of this indicator.") % {"item": breakdown.name}
    if stated_change is not None and not stated_change_kind:
        errors["stated_change_kind"] = _(
            "Say whether the stated change is a difference, a growth in per cent or percentage points."
        )
    return errors


def is_outlier(value: Decimal | None, history: list[Decimal]) -> bool:
    """Farther than three standard deviations from the unit's own earlier values."""
    if value is None or len(history) < OUTLIER_MIN_HISTORY:
        return False
    past = [float(v) for v in history]
    mean, spread = statistics.fmean(past), statistics.pstdev(past)
    if spread == 0:
        return False
    return abs(float(value) - mean) / spread > OUTLIER_Z


def rule_errors_for(value: "DataValue") -> list[str]:
    """The stored rules a DataValue about to be saved would break, with the unit's other
    figures for the same period: the check an administrator gets on entry."""
    from .models import DataValue

    if value.breakdown_id or not (value.organisation_id and value.indicator_id and value.period_id):
        return []
    code = value.indicator.code.upper()
    rules = [r for r in active_rules() if code in r.codes]
    if not rules:
        return []
    figures = {}
    others = (
        DataValue.objects.filter(
            organisation_id=value.organisation_id, period_id=value.period_id, breakdown__isnull=True
        )
        .exclude(indicator_id=value.indicator_id)
        .select_related("indicator")
    )
    for other in others:
        figures.update(figures_of(other.indicator, other.value, other.numerator, other.denominator))
    figures.update(figures_of(value.indicator, value.value, value.numerator, value.denominator))
    return [rule_message(rule, *broken) for rule in rules if (broken := rule.broken_by(figures))]
