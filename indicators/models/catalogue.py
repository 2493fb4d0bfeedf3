"""The indicator catalogue: what is counted, in which unit, and how figures combine.

The catalogue is shared by every unit (a national list, like DHIS2's data elements), so it
has no owning organisation: everyone may read it, only a superuser edits it (see admin).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord


class IndicatorGroup(models.TextChoices):
    EXAMINATION = "examination", _("Examination and treatment")
    IMMUNISATION = "immunisation", _("Immunisation")
    FOOD_SAFETY = "food_safety", _("Food safety")
    COMMUNICATION = "communication", _("Health communication")
    DISEASE = "disease", _("Communicable diseases")
    WORKFORCE = "workforce", _("Workforce")
    FACILITIES = "facilities", _("Facilities and techniques")
    TARGETS = "targets", _("Population health targets")


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("Count")
    RATIO = "ratio", _("Ratio (numerator / denominator × factor)")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    LATEST = "latest", _("Latest value")
    RATIO = "ratio", _("Recompute the ratio from its parts")
    NONE = "none", _("Do not aggregate")


class BreakdownCategory(models.TextChoices):
    DISEASE = "disease", _("Disease")


class Indicator(ImportedRecord):
    """One figure an office reports, e.g. "Lượt khám bệnh" counted in "lượt"."""

    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Stable code used in spreadsheets, e.g. KCB-LUOT-KHAM.")
    )
    name = models.CharField(_("name"), max_length=255, help_text=_("The Vietnamese name as reports print it."))
    unit = models.CharField(
        _("unit of measure"), max_length=30, help_text=_("As reports write it: lượt, ca, trẻ, cơ sở, %…")
    )
    group = models.CharField(_("group"), max_length=20, choices=IndicatorGroup.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.COUNT)
    factor = models.DecimalField(
        _("factor"),
        max_digits=10,
        decimal_places=2,
        default=1,
        help_text=_("A ratio is numerator / denominator × factor; 100 gives a percentage."),
    )
    time_aggregation = models.CharField(
        _("aggregation over time"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_("How months and quarters add up to a half-year or a year: visits add up, staff counts do not."),
    )
    hierarchy_aggregation = models.CharField(
        _("aggregation up the hierarchy"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_("How the figures of stations add up to their health centre."),
    )
    higher_is_better = models.BooleanField(
        _("higher is better"), default=True, help_text=_("Cases of disease: no. Visits, coverage: yes.")
    )
    breakdown_category = models.CharField(
        _("broken down by"),
        max_length=20,
        choices=BreakdownCategory.choices,
        blank=True,
        help_text=_("Values of this indicator may be given per item of this category, e.g. per disease."),
    )
    sort_order = models.PositiveIntegerField(_("order in reports"), default=0)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="indicator_unique_code"),
            models.CheckConstraint(condition=Q(factor__gt=0), name="indicator_factor_positive"),
            models.CheckConstraint(
                condition=~Q(hierarchy_aggregation="ratio", kind="count") & ~Q(time_aggregation="ratio", kind="count"),
                name="indicator_ratio_aggregation_only_for_ratios",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def clean(self) -> None:
        super().clean()
        if self.kind == IndicatorKind.COUNT and Aggregation.RATIO in (
            self.time_aggregation,
            self.hierarchy_aggregation,
        ):
            raise ValidationError(
                {"kind": _("Only a ratio can be aggregated by recomputing it from its numerator and denominator.")}
            )

    @property
    def is_ratio(self) -> bool:
        return self.kind == IndicatorKind.RATIO


class Breakdown(ImportedRecord):
    """An item a value can be broken down by, e.g. the disease "Sởi" among reported cases."""

    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=20, choices=BreakdownCategory.choices)
    sort_order = models.PositiveIntegerField(_("order in reports"), default=0)

    class Meta:
        verbose_name = _("breakdown item")
        verbose_name_plural = _("breakdown items")
        ordering = ["category", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["code"], name="breakdown_unique_code")]

    def __str__(self) -> str:
        return self.name
