import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.scoping import ScopedQuerySet


class VisitKind(models.TextChoices):
    WORKING_SESSION = "working_session", _("Working session with the commune")
    SITE_SURVEY = "site_survey", _("Survey of the station premises")


class VisitQuerySet(ScopedQuerySet):
    def with_day_visited(self) -> "models.QuerySet[Any]":  # visits, annotated with `day_visited`
        """`day_visited`: the visit's own date, or else the last day of its round (the latest it
        can have happened), so visits whose day was not reported still order and plan."""
        return self.annotate(day_visited=Coalesce("date", "round__end_date"))


class Visit(ImportedRecord):
    """One station or commune the team visited during a round."""

    scope_paths = ("round__supervising_unit",)

    round = models.ForeignKey(
        "supervision.SupervisionRound", verbose_name=_("round"), on_delete=models.CASCADE, related_name="visits"
    )
    station = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("station visited"),
        on_delete=models.PROTECT,
        related_name="supervision_visits",
        help_text=_("The commune station or station point visited."),
    )
    kind = models.CharField(_("kind of visit"), max_length=20, choices=VisitKind.choices, blank=True)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Within the round's dates; empty when not reported.")
    )
    people_met = models.TextField(_("people met"), blank=True, help_text=_("As written in the minutes."))
    people_met_persons = models.ManyToManyField(
        "healthcentre.Person", verbose_name=_("people met (records)"), blank=True, related_name="supervision_visits_met"
    )
    next_visit_due = models.DateField(
        _("next visit due"), null=True, blank=True, help_text=_("When the team agreed to come back, if it did.")
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision visit")
        verbose_name_plural = _("supervision visits")
        ordering = ["round", "date", "station__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "station"],
                name="visit_unique_station_per_round",
                violation_error_message=_("This station already has a visit in this round."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.station} — {self.date:%d/%m/%Y}" if self.date else f"{self.station} — {self.round.span}"

    @property
    def visited_on(self) -> dt.date:
        return self.date or self.round.end_date

    @property
    def when(self) -> str:
        return f"{self.date:%d/%m/%Y}" if self.date else self.round.span

    def clean(self) -> None:
        # A visit outside its round's dates cannot be a CHECK constraint (the dates live on
        # another table), so this and the importer (which calls full_clean) keep the rule.
        super().clean()
        if self.date and self.round_id and not self.round.contains(self.date):
            raise ValidationError(
                {"date": _("The visit date must fall within the round's dates (%(span)s).") % {"span": self.round.span}}
            )
