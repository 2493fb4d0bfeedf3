import datetime as dt
from typing import Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.scoping import ScopedQuerySet


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)


class ActionItemQuerySet(ScopedQuerySet):
    def still_open(self) -> Self:
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today: dt.date | None = None) -> Self:
        """Not closed, and the due date has passed."""
        return self.still_open().filter(due_date__lt=today or timezone.localdate())


class ActionItem(ImportedRecord):
    """Something a visit asked a unit to do by a date, followed until it is closed."""

    scope_paths = ("visit__round__supervising_unit",)

    visit = models.ForeignKey(
        "supervision.Visit", verbose_name=_("visit"), on_delete=models.CASCADE, related_name="action_items"
    )
    number = models.PositiveSmallIntegerField(
        _("number"), blank=True, help_text=_("Number within the visit; given automatically when left empty.")
    )
    finding = models.ForeignKey(
        "supervision.Finding",
        verbose_name=_("from finding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    description = models.TextField(_("what is to be done"))
    responsible_unit = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="supervision_actions",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    closed_date = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("how it was closed"), blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_date", "visit", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "number"],
                name="actionitem_unique_number_per_visit",
                violation_error_message=_("This visit already has an action item with this number."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=CLOSED_STATUSES) | Q(closed_date__isnull=False),
                name="actionitem_closed_has_closed_date",
                violation_error_message=_("A closed action item needs the date it was closed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or ''}. {self.description[:80]}".strip(". ")

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return not self.is_closed and self.due_date is not None and self.due_date < (today or timezone.localdate())

    def clean(self) -> None:
        super().clean()
        if self.is_closed and not self.closed_date:
            raise ValidationError({"closed_date": _("A closed action item needs the date it was closed.")})
        if self.finding_id and self.visit_id and self.finding is not None and self.finding.visit_id != self.visit_id:
            raise ValidationError({"finding": _("This finding belongs to another visit.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.number:
            last = ActionItem.objects.filter(visit_id=self.visit_id).aggregate(last=Max("number"))["last"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)
