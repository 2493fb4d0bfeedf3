"""The violations report: every stored rule broken, and every value far from the unit's own
history, for a set of units and a period. Three queries whatever the number of units."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from healthcentre.models import Organisation
from healthcentre.vocabulary import format_number

from .derived import effective_value
from .models import DataValue, Indicator
from .periods import parse_period
from .presentation import figure_text
from .validation import active_rules, figures_of, is_outlier, rule_message


@dataclass(frozen=True)
class Violation:
    unit: str
    kind: str
    subject: str
    message: str


def find_violations(organisations: QuerySet[Organisation], period_code: str) -> list[Violation]:
    spec = parse_period(period_code)
    names = dict(Organisation.objects.filter(pk__in=organisations.values("id")).values_list("id", "name"))
    indicators = {i.pk: i for i in Indicator.objects.all()}
    fields = ("organisation_id", "indicator_id", "value", "numerator", "denominator", "qualifier")
    current = list(
        DataValue.objects.filter(
            organisation__in=organisations.values("id"), period__code=spec.code, breakdown__isnull=True
        ).values_list(*fields)
    )
    found = []
    per_unit: dict[int, dict] = {}
    for org_id, ind_id, value, numerator, denominator, _qualifier in current:
        per_unit.setdefault(org_id, {}).update(figures_of(indicators[ind_id], value, numerator, denominator))
    rules = active_rules()
    for org_id, figures in per_unit.items():
        for compiled in rules:
            broken = compiled.broken_by(figures)
            if broken:
                found.append(Violation(names[org_id], _("rule"), compiled.rule.name, rule_message(compiled, *broken)))
    history: dict[tuple, list] = {}
    earlier = DataValue.objects.filter(
        organisation__in=organisations.values("id"),
        period__kind=spec.kind,
        period__end__lt=spec.start,
        breakdown__isnull=True,
    ).values_list("organisation_id", "indicator_id", "value", "numerator", "denominator")
    for org_id, ind_id, value, numerator, denominator in earlier:
        shown = effective_value(indicators[ind_id], value, numerator, denominator)
        if shown is not None:
            history.setdefault((org_id, ind_id), []).append(shown)
    for org_id, ind_id, value, numerator, denominator, qualifier in current:
        indicator = indicators[ind_id]
        shown = effective_value(indicator, value, numerator, denominator)
        past = history.get((org_id, ind_id), [])
        if is_outlier(shown, past):
            found.append(
                Violation(
                    names[org_id],
                    _("outlier"),
                    indicator.name,
                    _("%(value)s is far from this unit's earlier values (%(history)s).")
                    % {
                        "value": figure_text(indicator, value, numerator, denominator, qualifier),
                        "history": ", ".join(format_number(v) for v in past),
                    },
                )
            )
    return sorted(found, key=lambda v: (v.unit, v.kind, v.subject))
