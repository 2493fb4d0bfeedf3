from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models.fields import YearField


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    HALF_YEAR = "half_year", _("Half-year")
    NINE_MONTHS = "nine_months", _("First nine months")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")


class Period(models.Model):
    """A reporting period, named by its DHIS2-style code (see indicators/periods.py).

    Rows are made on demand from a code, never typed, so they are reference data and carry
    no audit history.
    """

    code = models.CharField(_("code"), max_length=10, help_text=_("2025, 2025S1, 2025N9, 2025Q3 or 202507."))
    kind = models.CharField(_("kind"), max_length=12, choices=PeriodKind.choices)
    year = YearField(_("year"))
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="period_unique_code"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_end_after_start"),
        ]

    def __str__(self) -> str:
        from ..periods import label_of

        return label_of(self.code)
