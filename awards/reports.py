"""The figures the award reports print: counts of collectives and individuals by decision,
level and form, and the reward each form carries at a given base salary (Decree 98/2023).

Every view and export reads these functions, so the page, the printout and the xlsx agree.
"""

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from healthcentre.models import Organisation, Province

from .models import AwardDecision, AwardForm, AwardRecord
from .models.catalogue import LEVEL_ORDER
from .models.records import AwardRecordQuerySet

# The base salary (lương cơ sở) from 1/7/2024, Decree 73/2024/NĐ-CP; the report lets the user change it.
DEFAULT_BASE_SALARY = Decimal(2_340_000)


@dataclass
class Line:
    """One line of a summary: a decision and form, or a level and form."""

    label: str
    level: str
    form: AwardForm
    decision: AwardDecision | None = None
    collectives: int = 0
    individuals: int = 0
    at_least: bool = False
    amount: Decimal | None = None
    keys: list = field(default_factory=list)

    def add(self, record: AwardRecord, base_salary: Decimal) -> None:
        self.collectives += record.collectives
        self.individuals += record.individuals
        self.at_least = self.at_least or record.count_at_least
        reward = reward_amount(record, base_salary)
        if reward is not None:
            self.amount = (self.amount or Decimal(0)) + reward


def reward_amount(record: AwardRecord, base_salary: Decimal) -> Decimal | None:
    """Multiple × base salary × number of recipients; None where the decree sets no multiple."""
    multiple = record.form.reward_multiple
    if multiple is None:
        return None
    return multiple * base_salary * (record.count or 1)


def of_unknown_year(
    records: AwardRecordQuerySet, *, unit: Organisation | None = None, province: Province | None = None
) -> AwardRecordQuerySet:
    """The approved awards of the same units whose year is not known (năm chưa rõ): a yearly
    report lists them apart rather than leave them out."""
    return filtered(records.in_year(None), unit=unit, province=province)


def filtered(
    records: AwardRecordQuerySet,
    *,
    year: int | None = None,
    unit: Organisation | None = None,
    province: Province | None = None,
) -> AwardRecordQuerySet:
    """Approved awards of `year` (AwardRecordQuerySet.in_year) of a unit and everything under it,
    or of a province."""
    records = records.approved().select_related(
        "form", "decision__issuer", "decision__presenter", "recipient_unit", "recipient_person", "organisation"
    )
    if year:
        records = records.in_year(year)
    if unit is not None:
        records = records.filter(organisation__path__startswith=unit.path)
    if province is not None:
        records = records.filter(organisation__province=province)
    return records


@dataclass
class Summary:
    by_decision: list[Line]
    by_level: list[Line]
    collectives: int
    individuals: int
    at_least: bool
    amount: Decimal | None
    records: list[AwardRecord]


def summarise(records: Iterable[AwardRecord], base_salary: Decimal = DEFAULT_BASE_SALARY) -> Summary:
    records = list(records)
    by_decision: OrderedDict[tuple[int | None, int], Line] = OrderedDict()
    by_level: OrderedDict[int, Line] = OrderedDict()
    for record in sorted(records, key=_order):
        form = record.form
        decision_key = (record.decision_id, form.pk)
        if decision_key not in by_decision:
            label = str(record.decision) if record.decision_id else ""
            by_decision[decision_key] = Line(label, form.level, form, decision=record.decision)
        by_decision[decision_key].add(record, base_salary)
        if form.pk not in by_level:
            by_level[form.pk] = Line(form.get_level_display(), form.level, form)
        by_level[form.pk].add(record, base_salary)
    amounts = [line.amount for line in by_level.values() if line.amount is not None]
    return Summary(
        by_decision=list(by_decision.values()),
        by_level=sorted(by_level.values(), key=lambda line: (LEVEL_ORDER[line.level], line.form.rank)),
        collectives=sum(r.collectives for r in records),
        individuals=sum(r.individuals for r in records),
        at_least=any(r.count_at_least for r in records),
        amount=sum(amounts, Decimal(0)) if amounts else None,
        records=sorted(records, key=_order),
    )


def _order(record: AwardRecord) -> tuple[int, ...]:
    decision = record.decision
    return (
        -(decision.year or 0) if decision else 1,
        decision.date.toordinal() if decision and decision.date else 0,
        decision.pk if decision else 0,
        LEVEL_ORDER[record.form.level],
        record.form.rank,
        record.pk or 0,
    )


def history(records: AwardRecordQuerySet) -> list[AwardRecord]:
    """Every award and proposal of one recipient, newest first; unknown years last."""
    records = records.select_related("form", "decision__issuer", "organisation", "recipient_person", "recipient_unit")
    return sorted(records, key=lambda r: (r.achievement_year is None, -(r.achievement_year or 0), r.form.rank))
