"""Supervision's section of a unit's profile: the rounds the unit (or a unit under it) led and
the visits its stations received in the span, with their open and overdue actions."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from healthcentre.domains import ProfileSpan, Sheet

from .models import SupervisionRound, Visit
from .models.actions import CLOSED_STATUSES


@dataclass(frozen=True)
class SupervisionGiven:
    # Annotated rows: rounds with visit_count and open_count, visits with open_count and
    # overdue_count, which the model classes do not declare.
    rounds: list[Any]
    visits: list[Any]


def supervision_given_and_received(span: ProfileSpan) -> SupervisionGiven:
    unit, start_year, end_year = span.unit, span.start_year, span.end_year
    open_actions = Q(action_items__isnull=False) & ~Q(action_items__status__in=CLOSED_STATUSES)
    overdue = open_actions & Q(action_items__due_date__lt=span.today)
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
    return SupervisionGiven(list(rounds), list(visits))


def supervision_sheet(rows: SupervisionGiven) -> Sheet:
    return Sheet(
        _("Supervision"),
        [_("Round or visit"), _("Dates"), _("Unit"), _("Open actions")],
        [
            *[
                (r.title, f"{r.start_date:%d/%m/%Y}–{r.end_date:%d/%m/%Y}", r.supervising_unit.name, r.open_count)
                for r in rows.rounds
            ],
            *[(str(v.round), v.date or v.round.span, v.station.name, v.open_count) for v in rows.visits],
        ],
    )
