"""Reported figures and plan targets, stored raw as the unit reported them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.models.fields import YearField
from healthcentre.scoping import ScopedQuerySet

from .catalogue import IndicatorKind


class Qualifier(models.TextChoices):
    """How exactly a figure was reported; reports print the word back in front of it."""

    EXACT = "", _("exact")
    MORE_THAN = "hơn", _("more than (hơn)")
    ABOVE = "trên", _("above (trên)")
    ALMOST = "gần", _("almost (gần)")
    ABOUT = "khoảng", _("about (khoảng)")


class ChangeKind(models.TextChoices):
    """What "tăng 5,6% so với cùng kỳ" meant in the source: the record says which."""

    ABSOLUTE = "absolute", _("difference in the indicator's unit")
    GROWTH_PERCENT = "growth_percent", _("growth in per cent")
    PERCENTAGE_POINTS = "percentage_points", _("difference in percentage points")


class ValueFields(ImportedRecord):
    """What a reported value and a plan target share: the unit, the figure and how it was reported."""

    scope_paths = ("organisation",)
    # Imported 100.000 at a time: their history keeps no index on these (RecordHistory).
    history_unindexed = ("organisation", "indicator", "period", "breakdown")

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    indicator = models.ForeignKey("indicators.Indicator", verbose_name=_("indicator"), on_delete=models.PROTECT)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=10, choices=Qualifier.choices, blank=True, default="")
    is_derived = models.BooleanField(
        _("derived"),
        default=False,
        help_text=_("Not reported as such but worked out from other reported figures; the note says how."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class DataValue(ValueFields):
    """A figure of one unit for one indicator and period (and breakdown item)."""

    period = models.ForeignKey("indicators.Period", verbose_name=_("period"), on_delete=models.PROTECT)
    breakdown = models.ForeignKey(
        "indicators.Breakdown", verbose_name=_("breakdown item"), null=True, blank=True, on_delete=models.PROTECT
    )
    numerator = models.DecimalField(_("numerator"), max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=18, decimal_places=4, null=True, blank=True)
    stated_change = models.DecimalField(
        _("change stated in the source"),
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The change against the same period last year as the source wrote it, e.g. 5,6."),
    )
    stated_change_kind = models.CharField(
        _("kind of stated change"), max_length=20, choices=ChangeKind.choices, blank=True
    )
    published_plan_percent = models.DecimalField(
        _("% of plan as published"),
        max_digits=9,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The % of plan the source printed (76,9), kept beside the one computed from the plan."),
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            # A NULL breakdown would escape a plain four-column unique constraint.
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period"],
                condition=Q(breakdown__isnull=True),
                name="datavalue_unique_total",
            ),
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period", "breakdown"],
                condition=Q(breakdown__isnull=False),
                name="datavalue_unique_breakdown",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | Q(numerator__isnull=False, denominator__isnull=False),
                name="datavalue_has_a_figure",
            ),
            models.CheckConstraint(
                condition=(Q(value__isnull=True) | Q(value__gte=0))
                & (Q(numerator__isnull=True) | Q(numerator__gte=0))
                & (Q(denominator__isnull=True) | Q(denominator__gt=0)),
                name="datavalue_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(stated_change__isnull=True) | ~Q(stated_change_kind=""),
                name="datavalue_stated_change_has_kind",
            ),
            models.CheckConstraint(
                condition=Q(published_plan_percent__isnull=True) | Q(published_plan_percent__gte=0),
                name="datavalue_published_plan_percent_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["period", "indicator"], name="datavalue_period_indicator")]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.indicator_id}/{self.period_id}"

    def clean(self) -> None:
        super().clean()
        from ..validation import check_value_fields, rule_errors_for

        errors = check_value_fields(
            self.indicator if self.indicator_id else None,
            value=self.value,
            numerator=self.numerator,
            denominator=self.denominator,
            breakdown=self.breakdown if self.breakdown_id else None,
            stated_change=self.stated_change,
            stated_change_kind=self.stated_change_kind,
        )
        if errors:
            raise ValidationError(errors)
        broken = rule_errors_for(self)
        if broken:
            raise ValidationError({"value": broken})

    @property
    def is_ratio(self) -> bool:
        return self.indicator.kind == IndicatorKind.RATIO


class PlanTarget(ValueFields):
    """The annual plan (kế hoạch năm) of a unit for an indicator."""

    year = YearField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)

    class Meta:
        verbose_name = _("annual plan target")
        verbose_name_plural = _("annual plan targets")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "indicator", "year"], name="plantarget_unique_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="plantarget_not_negative"),
            models.CheckConstraint(condition=Q(year__gte=1900, year__lte=2200), name="plantarget_year_sensible"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}"
