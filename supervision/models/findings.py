from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.scoping import ScopedQuerySet


class Finding(ImportedRecord):
    """What the team found in one content area at one visit, its score and recommendations."""

    scope_paths = ("visit__round__supervising_unit",)

    visit = models.ForeignKey(
        "supervision.Visit", verbose_name=_("visit"), on_delete=models.CASCADE, related_name="findings"
    )
    area = models.ForeignKey(
        "supervision.ContentArea", verbose_name=_("content area"), on_delete=models.PROTECT, related_name="findings"
    )
    findings = models.TextField(_("findings"), blank=True)
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Only for an area the checklist scores; at most its maximum points."),
    )
    recommendations = models.TextField(_("recommendations"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["visit", "area__source", "area__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "area"],
                name="finding_unique_area_per_visit",
                violation_error_message=_("This visit already has findings for this content area."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="finding_score_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visit} — {self.area.name}"

    def clean(self) -> None:
        super().clean()
        if self.score is None or not self.area_id:
            return
        if self.score < 0:
            raise ValidationError({"score": _("A score cannot be negative.")})
        if not self.area.is_scored:
            raise ValidationError({"score": _("This content area is not scored; leave the score empty.")})
        if self.area.max_points is not None and self.score > self.area.max_points:  # it is: the area is scored
            raise ValidationError(
                {"score": _("The score cannot exceed the area's %(points)s points.") % {"points": self.area.max_points}}
            )
