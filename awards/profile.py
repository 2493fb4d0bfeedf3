"""Awards' section of a unit's profile: awards to the unit, the units it grew out of, and the
people and units under it. Awards whose year the sources do not give are kept (shown as "year
unknown"), never guessed into the span."""

from django.db.models import Q
from django.utils.translation import gettext as _

from healthcentre.domains import ProfileSpan, Sheet

from .models import AwardRecord
from .reports import history


def awards_in_span(span: ProfileSpan) -> list[AwardRecord]:
    records = AwardRecord.objects.approved().filter(
        Q(organisation__path__startswith=span.unit.path) | Q(recipient_unit__in=span.story_ids)
    )
    return [
        record
        for record in history(records.distinct())
        if record.achievement_year is None or span.start_year <= record.achievement_year <= span.end_year
    ]


def awards_sheet(rows: list[AwardRecord]) -> Sheet:
    return Sheet(
        _("Awards"),
        [_("Year"), _("Award"), _("Recipient"), _("Decision")],
        [
            (a.achievement_year or _("year unknown"), str(a.form), a.recipient_display, str(a.decision or ""))
            for a in rows
        ],
    )
