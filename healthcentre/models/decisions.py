from django.db import models
from django.utils.translation import gettext_lazy as _

from ..media import ScopedFileField
from ..scoping import ScopedQuerySet
from .base import ImportedRecord


class Decision(ImportedRecord):
    """A decision (Quyết định) or other signed document that backs an event, a team or an award,
    e.g. 794/QĐ-UBND of 13/12/2018 by the People's Committee of Bắc Giang."""

    scope_paths = ("filed_by",)

    number = models.CharField(_("number"), max_length=64, help_text=_("As printed, e.g. 794/QĐ-UBND."))
    date = models.DateField(_("date signed"), null=True, blank=True)
    issuer = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="decisions_issued",
    )
    title = models.CharField(_("subject"), max_length=500, blank=True)
    document = ScopedFileField(_("scanned document"), upload_to="decisions/%Y/", blank=True)
    filed_by = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("filed by"),
        on_delete=models.PROTECT,
        related_name="decisions_filed",
        help_text=_("The unit whose records hold this decision; it decides who may edit it."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number", "date"], name="decision_unique_number_per_issuer_date")
        ]

    def __str__(self) -> str:
        if self.date:
            return f"{self.number} ngày {self.date:%d/%m/%Y}"
        return self.number
