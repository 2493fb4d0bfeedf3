from typing import Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.models.fields import YearField
from healthcentre.scoping import ScopedQuerySet

from ..periods import format_period


class AwardStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved (awarded)")
    REJECTED = "rejected", _("Rejected")


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")


# The DB keeps exactly one recipient: a named unit, a named person, or only a number of them.
NAMED_UNIT = Q(
    recipient_unit__isnull=False, recipient_person__isnull=True, count__isnull=True, recipient_kind="collective"
)
NAMED_PERSON = Q(
    recipient_unit__isnull=True, recipient_person__isnull=False, count__isnull=True, recipient_kind="individual"
)
# count__isnull=False is needed: a CHECK whose condition is NULL passes.
COUNT_ONLY = Q(recipient_unit__isnull=True, recipient_person__isnull=True, count__isnull=False, count__gte=1) & Q(
    recipient_kind__in=["individual", "collective"]
)


class AwardRecordQuerySet(ScopedQuerySet):
    def approved(self) -> Self:
        return self.filter(status=AwardStatus.APPROVED)

    def with_award_year(self) -> Self:
        """Each record's `award_year`, the one rule of "the year of an award" every report and
        list uses: the last year of its achievement period, else its decision's year, however
        precisely the decision is dated ("2025" counts in 2025); None when neither is known."""
        return self.annotate(
            award_year=Coalesce("period_end", ExtractYear("decision__date"), output_field=models.IntegerField())
        )

    def in_year(self, year: int | None) -> Self:
        """The awards of `year`; with None, those whose year is unknown (năm chưa rõ)."""
        records = self.with_award_year()
        return records.filter(award_year__isnull=True) if year is None else records.filter(award_year=year)

    def of_recipient(self, record: "AwardRecord") -> Self:
        """Records naming the same person or unit as `record` (none for a count-only record)."""
        if record.recipient_person_id:
            return self.filter(recipient_person_id=record.recipient_person_id)
        if record.recipient_unit_id:
            return self.filter(recipient_unit_id=record.recipient_unit_id)
        return self.none()


class AwardRecord(ImportedRecord):
    """One award (or proposal) to a unit or a person, or — where a report gives only numbers —
    to "15 individuals" of a unit, under a decision when one is known."""

    scope_paths = ("organisation",)

    decision = models.ForeignKey(
        "awards.AwardDecision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
        help_text=_("Empty for a proposal not yet decided, or when the source does not say."),
    )
    form = models.ForeignKey(
        "awards.AwardForm", verbose_name=_("award form"), on_delete=models.PROTECT, related_name="records"
    )
    status = models.CharField(_("status"), max_length=16, choices=AwardStatus.choices, default=AwardStatus.APPROVED)
    recipient_kind = models.CharField(
        _("recipient kind"),
        max_length=16,
        choices=RecipientKind.choices,
        blank=True,
        help_text=_("Filled from the named unit or person; choose it when only a number is given."),
    )
    recipient_unit = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("recipient unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_received",
    )
    recipient_person = models.ForeignKey(
        "healthcentre.Person",
        verbose_name=_("recipient person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_received",
    )
    count = models.PositiveIntegerField(
        _("number of recipients"),
        null=True,
        blank=True,
        help_text=_("Only when the source gives a number and no names, e.g. 15 cá nhân."),
    )
    count_at_least = models.BooleanField(
        _("at least this number"), default=False, help_text=_("The source gives a lower bound, e.g. 'có cá nhân'.")
    )
    organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="award_records",
        blank=True,
        help_text=_(
            "The unit whose records keep this award: the recipient unit, the person's unit, or for a number "
            "only, the unit whose staff or sub-units received it."
        ),
    )
    period_start = YearField(_("achievement from (year)"), null=True, blank=True)
    period_end = YearField(_("achievement to (year)"), null=True, blank=True)
    citation = models.TextField(_("citation"), blank=True, help_text=_("The achievement as the decision words it."))
    notes = models.TextField(_("notes"), blank=True)

    objects = AwardRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        ordering = ["-decision__date", "form__rank", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=NAMED_UNIT | NAMED_PERSON | COUNT_ONLY,
                name="awardrecord_exactly_one_recipient",
                violation_error_message=_(
                    "Name exactly one recipient: a unit, a person, or only a number of recipients of one kind."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True, period_end__isnull=True)
                | Q(period_start__isnull=False, period_end__isnull=False, period_start__lte=models.F("period_end")),
                name="awardrecord_period_ordered",
                violation_error_message=_("The achievement period must have a start and an end, in order."),
            ),
            models.UniqueConstraint(
                fields=["decision", "form", "recipient_person"],
                condition=Q(recipient_person__isnull=False),
                name="awardrecord_person_once_per_decision",
                violation_error_message=_("This person already has this award under this decision."),
            ),
            models.UniqueConstraint(
                fields=["decision", "form", "recipient_unit"],
                condition=Q(recipient_unit__isnull=False),
                name="awardrecord_unit_once_per_decision",
                violation_error_message=_("This unit already has this award under this decision."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form} — {self.recipient_display}"

    @property
    def recipient_display(self) -> str:
        if self.recipient_person_id:
            return str(self.recipient_person)
        if self.recipient_unit_id:
            return str(self.recipient_unit)
        kind = RecipientKind(self.recipient_kind).label if self.recipient_kind else ""
        number = _("at least %(count)s") % {"count": self.count} if self.count_at_least else str(self.count)
        return f"{number} {str(kind).lower()} ({self.organisation})"

    @property
    def period_display(self) -> str:
        return format_period(self.period_start, self.period_end)

    @property
    def achievement_year(self) -> int | None:
        """The year the achievement counts for: the period's last year, else the decision's year
        (the rule of AwardRecordQuerySet.with_award_year, read from a loaded record)."""
        if self.period_end:
            return self.period_end
        return self.decision.year if self.decision_id and self.decision is not None else None

    @property
    def collectives(self) -> int:
        return (self.count or 1) if self.recipient_kind == RecipientKind.COLLECTIVE else 0

    @property
    def individuals(self) -> int:
        return (self.count or 1) if self.recipient_kind == RecipientKind.INDIVIDUAL else 0

    def fill_derived(self) -> None:
        """Kind and unit follow from a named recipient, so nobody types them twice."""
        if self.recipient_person_id:
            self.recipient_kind = RecipientKind.INDIVIDUAL
            if not self.organisation_id and self.recipient_person is not None:
                self.organisation_id = self.recipient_person.organisation_id
        elif self.recipient_unit_id:
            self.recipient_kind = RecipientKind.COLLECTIVE
            self.organisation_id = self.recipient_unit_id

    def clean(self) -> None:
        super().clean()
        self.fill_derived()
        named = [f for f in ("recipient_unit", "recipient_person") if getattr(self, f + "_id")]
        if len(named) > 1:
            raise ValidationError({"recipient_person": _("Name either a unit or a person, not both.")})
        if named and self.count is not None:
            raise ValidationError({"count": _("Leave the number empty when the recipient is named.")})
        if not named and self.count is None:
            raise ValidationError(
                {"recipient_unit": _("Name the recipient unit or person, or give the number of recipients.")}
            )
        if not named and not self.recipient_kind:
            raise ValidationError({"recipient_kind": _("Say whether the number counts individuals or collectives.")})
        if not named and not self.organisation_id:
            raise ValidationError({"organisation": _("Say which unit's staff or sub-units received the awards.")})
        if (self.period_start is None) != (self.period_end is None):
            raise ValidationError({"period_end": _("Give both years of the achievement period, or neither.")})
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": _("The achievement period ends before it starts.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fill_derived()
        super().save(*args, **kwargs)
