"""The profile's sections that other apps keep: each reads that app's own querysets and report
functions, so a figure on the profile is the figure of that app's report."""

import datetime as dt

from django.db.models import Count, Q


def supervision(unit, start_year: int, end_year: int, today: dt.date):
    """Rounds the unit (or a unit under it) led, and visits its stations received, in the span."""
    from supervision.models import SupervisionRound, Visit
    from supervision.models.actions import CLOSED_STATUSES

    open_actions = Q(action_items__isnull=False) & ~Q(action_items__status__in=CLOSED_STATUSES)
    overdue = open_actions & Q(action_items__due_date__lt=today)
    rounds = (
        SupervisionRound.objects.filter(
            supervising_unit__path__startswith=unit.path,
            start_date__year__lte=end_year,
            end_date__year__gte=start_year,
        )
        .select_related("supervising_unit")
        .annotate(
            visit_count=Count("visits", distinct=True),
            open_count=Count(
                "visits__action_items", filter=~Q(visits__action_items__status__in=CLOSED_STATUSES), distinct=True
            ),
        )
        .order_by("start_date")
    )
    visits = (
        Visit.objects.filter(station__path__startswith=unit.path, round__start_date__year__lte=end_year)
        .filter(round__end_date__year__gte=start_year)
        .select_related("station", "round__supervising_unit")
        .annotate(
            open_count=Count("action_items", filter=open_actions, distinct=True),
            overdue_count=Count("action_items", filter=overdue, distinct=True),
        )
        .order_by("round__start_date", "station__name")
    )
    return list(rounds), list(visits)


def awards(unit, story_ids: list[int], start_year: int, end_year: int):
    """Awards to the unit, its predecessors, and the people and units under it. Awards whose
    year the sources do not give are kept (shown as "year unknown"), never guessed into the span."""
    from awards.models import AwardRecord
    from awards.reports import history

    records = AwardRecord.objects.approved().filter(
        Q(organisation__path__startswith=unit.path) | Q(recipient_unit__in=story_ids)
    )
    return [
        record
        for record in history(records.distinct())
        if record.achievement_year is None or start_year <= record.achievement_year <= end_year
    ]


def figures(unit, start_year: int, end_year: int):
    """Key figures against plan and their trend, from the indicators app's own report rows."""
    from indicators.profile import key_figures

    return key_figures(unit, start_year, end_year)
