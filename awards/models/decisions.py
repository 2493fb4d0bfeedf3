from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import DatePrecision, ImportedRecord
from healthcentre.scoping import ScopedQuerySet
from healthcentre.vocabulary import format_partial_date


class AwardDecision(ImportedRecord):
    """A decision awarding emulation titles or commendations, e.g. the Giấy khen of the Lai Châu
    Department of Health on the 70th anniversary of Uncle Hồ's letter to the health sector.

    Articles often give neither number nor exact date; both may stay empty, and the date
    keeps how precisely it is known ("2025" is a year, not 1 January).
    """

    scope_paths = ("filed_by",)

    number = models.CharField(
        _("number"), max_length=64, blank=True, help_text=_("As printed, e.g. 1234/QĐ-UBND; empty if not known.")
    )
    date = models.DateField(_("date signed"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=8, choices=DatePrecision.choices, blank=True, default=""
    )
    issuer = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="award_decisions_issued",
        help_text=_("The body whose head signed the award, e.g. UBND tỉnh Bắc Giang."),
    )
    presenter = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("presented by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_decisions_presented",
        help_text=_("The body that handed the awards over, when it is not the issuing body."),
    )
    occasion = models.CharField(
        _("occasion"),
        max_length=300,
        blank=True,
        help_text=_("E.g. 70 năm Ngày Thầy thuốc Việt Nam; Hội nghị điển hình tiên tiến lần thứ VI."),
    )
    filed_by = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("filed by"),
        on_delete=models.PROTECT,
        related_name="award_decisions_filed",
        help_text=_("The unit whose records hold this decision; it decides who may edit it."),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number", "date"],
                condition=~Q(number=""),
                name="awarddecision_unique_number_per_issuer_date",
            ),
            models.CheckConstraint(
                condition=Q(date__isnull=True, date_precision="") | Q(date__isnull=False) & ~Q(date_precision=""),
                name="awarddecision_date_has_precision",
            ),
        ]

    def __str__(self) -> str:
        parts = [self.number or str(_("no number"))]
        if self.date:
            parts.append(self.date_display)
        parts.append(str(self.issuer))
        if self.occasion:
            parts.append(self.occasion)
        return " — ".join(parts)

    @property
    def date_display(self) -> str:
        """The date as it was written: 2025, 2/2025 or 27/02/2025."""
        return format_partial_date(self.date, self.date_precision)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def clean(self) -> None:
        super().clean()
        if self.date and not self.date_precision:
            self.date_precision = DatePrecision.DAY
        if not self.date:
            self.date_precision = ""
        if self.presenter_id and self.presenter_id == self.issuer_id:
            raise ValidationError({"presenter": _("Leave this empty when the issuing body presented the awards.")})
