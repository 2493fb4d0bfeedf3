"""The Law on Emulation and Commendation's checks, as warnings an officer can read.

One module, called by the admin form, the importer and the eligibility report, so each
rule is written once. A warning does not stop a record being kept (the records must show
what was actually awarded); the hard rules (one recipient, a valid period) are DB constraints.

The ladders (Chiến sĩ thi đua cơ sở ×3 → cấp tỉnh, cấp tỉnh ×2 → toàn quốc, Thầy thuốc Ưu
tú → Nhân dân) are read from the catalogue (AwardForm.prerequisite…), not written here.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import AwardCategory, AwardForm, AwardRecord, AwardStatus, RecipientKind
from .models.records import AwardRecordQuerySet


@dataclass(frozen=True)
class Finding:
    field: str  # the model field the warning is about, to place it in a form or a column
    message: str

    def __str__(self) -> str:
        return self.message


def check(record: AwardRecord) -> list[Finding]:
    """Every warning for one saved or unsaved record; a rejected proposal raises none."""
    if record.status == AwardStatus.REJECTED or not record.form_id:
        return []
    return [*wrong_recipient_kind(record), *commended_twice(record), *missing_prerequisite(record)]


def wrong_recipient_kind(record: AwardRecord) -> list[Finding]:
    record.fill_derived()
    if not record.recipient_kind or record.form.accepts(record.recipient_kind):
        return []
    field = {"individual": "recipient_person", "collective": "recipient_unit"}[record.recipient_kind]
    if record.count is not None:
        field = "recipient_kind"
    message = _("“%(form)s” is for %(allowed)s, but the recipient is %(kind)s.") % {
        "form": record.form,
        "allowed": record.form.get_eligible_recipients_display().lower(),
        "kind": RecipientKind(record.recipient_kind).label.lower(),
    }
    return [Finding(field, message)]


def _others(record: AwardRecord) -> AwardRecordQuerySet:
    others = AwardRecord.objects.of_recipient(record).exclude(status=AwardStatus.REJECTED)
    if record.pk:
        others = others.exclude(pk=record.pk)
    return others.select_related("decision", "form")


def _same_achievement(record: AwardRecord, other: AwardRecord) -> bool:
    if record.form.category == AwardCategory.STATE_HONOUR_TITLE:
        return True  # an honour title is conferred once in a lifetime
    if record.period_start and other.period_start:
        # clean() requires both years of a period or neither
        assert record.period_end is not None and other.period_end is not None
        return record.period_start <= other.period_end and other.period_start <= record.period_end
    if not record.period_start and not other.period_start:
        return record.achievement_year is not None and record.achievement_year == other.achievement_year
    return False


def commended_twice(record: AwardRecord) -> list[Finding]:
    """The same recipient, the same form, the same achievement (overlapping periods)."""
    duplicates = [o for o in _others(record).filter(form_id=record.form_id) if _same_achievement(record, o)]
    if not duplicates:
        return []
    other = duplicates[0]
    where = str(other.decision) if other.decision_id else other.get_status_display()
    message = _("%(recipient)s already has “%(form)s” for this achievement (%(period)s; %(where)s).") % {
        "recipient": record.recipient_display,
        "form": record.form,
        "period": other.period_display or other.achievement_year or _("year unknown"),
        "where": where,
    }
    return [Finding("form", message)]


def prerequisite_years(record: AwardRecord) -> list[int | None]:
    """Achievement years of the approved awards of the required form the recipient holds."""
    required = record.form.prerequisite
    held = _others(record).approved().filter(form=required)
    return sorted((o.achievement_year for o in held), key=lambda y: (y is None, y))


def consecutive_chain(years: set[int], last: int, times: int, step: int) -> list[int]:
    """The longest run of awards ending in `last`, each at most `step` years after the one before."""
    chain = [last] if last in years else []
    while chain and len(chain) < times:
        previous = [y for y in years if chain[-1] - step <= y < chain[-1]]
        if not previous:
            break
        chain.append(max(previous))
    return sorted(chain)


def prerequisite_met(record: AwardRecord) -> tuple[bool, Sequence[int | None]]:
    """Whether the recipient holds what `record.form` requires first, and the years that count."""
    form = record.form
    years = prerequisite_years(record)
    year = record.achievement_year
    if not form.prerequisite_consecutive:
        counted = [y for y in years if y is None or year is None or y <= year]
        return len(counted) >= form.prerequisite_times, counted
    if year is None:
        return False, []
    known = {y for y in years if y is not None}
    assert form.prerequisite is not None  # the form has a prerequisite: it is the one counted
    chain = consecutive_chain(known, year, form.prerequisite_times, form.prerequisite.cycle_years)
    return len(chain) >= form.prerequisite_times, chain or sorted(y for y in known if y <= year)


def missing_prerequisite(record: AwardRecord) -> list[Finding]:
    form = record.form
    if not form.prerequisite_id or record.count is not None:
        return []
    met, years = prerequisite_met(record)
    if met:
        return []
    shown = ", ".join(str(y) if y else _("year unknown") for y in years) or _("none")
    if form.prerequisite_consecutive:
        if record.achievement_year is None:
            message = _(
                "“%(form)s” needs %(times)s consecutive times “%(required)s”; "
                "give the achievement year so it can be checked."
            )
        else:
            message = _(
                "“%(form)s” needs %(times)s consecutive times “%(required)s” up to %(year)s; "
                "the records show: %(years)s."
            )
    else:
        message = _("“%(form)s” needs “%(required)s” first; the records show: %(years)s.")
    message = message % {
        "form": form,
        "times": form.prerequisite_times,
        "required": form.prerequisite,
        "year": record.achievement_year,
        "years": shown,
    }
    return [Finding("form", message)]


@dataclass(frozen=True)
class Eligibility:
    recipient: object  # a Person or an Organisation
    unit: object
    next_form: object
    years: Sequence[int | None]


def newly_eligible(year: int, records: AwardRecordQuerySet) -> list[Eligibility]:
    """People and units whose awards of `year` complete the requirement for the next level.

    `records` is the queryset to search (already limited to the user's units). Someone who
    already has, or is already proposed for, the next level for that year is left out.
    """

    found = []
    ladders = AwardForm.objects.filter(prerequisite__isnull=False).select_related("prerequisite")
    for next_form in ladders:
        completing = (
            records.approved()
            .in_year(year)
            .filter(form=next_form.prerequisite, count__isnull=True)
            .select_related("decision", "recipient_person", "recipient_unit", "organisation")
        )
        seen = set()
        for held in completing:
            key = (held.recipient_person_id, held.recipient_unit_id)
            if key in seen:
                continue
            seen.add(key)
            candidate = AwardRecord(
                form=next_form,
                recipient_person=held.recipient_person,
                recipient_unit=held.recipient_unit,
                organisation=held.organisation,
                period_start=year,
                period_end=year,
            )
            candidate.fill_derived()
            met, years = prerequisite_met(candidate)
            if not met or commended_twice(candidate):
                continue
            recipient = held.recipient_person or held.recipient_unit
            found.append(Eligibility(recipient, held.organisation, next_form, years))
    return found
