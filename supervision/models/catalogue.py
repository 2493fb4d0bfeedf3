"""The catalogue of content areas a supervision covers, shipped as data (seeds/supervision)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord


class AreaSource(models.TextChoices):
    CENTRE_PROGRAMME = "centre_programme", _("Centre's supervision programme")
    NATIONAL_CRITERIA = "national_criteria", _("National commune health criteria (1300/QĐ-BYT)")


class ContentArea(ImportedRecord):
    """One content area of a supervision checklist, e.g. "Nhân lực y tế" (10 points).

    Shared reference data, not owned by a unit: it has no `scope_paths`, every user may cite
    it, and only a superuser maintains it (see the admin).
    """

    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable code used in spreadsheets, e.g. TC1300-02."))
    name = models.CharField(_("name"), max_length=255)
    source = models.CharField(_("source"), max_length=32, choices=AreaSource.choices)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"),
        null=True,
        blank=True,
        help_text=_("Points the checklist gives this area; empty when the area is not scored."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")
        ordering = ["source", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="contentarea_unique_code"),
            models.CheckConstraint(
                condition=Q(max_points__isnull=True) | Q(max_points__gt=0), name="contentarea_points_positive"
            ),
        ]

    def __str__(self) -> str:
        if self.max_points:
            return f"{self.name} ({self.max_points})"
        return self.name

    @property
    def is_scored(self) -> bool:
        return self.max_points is not None
