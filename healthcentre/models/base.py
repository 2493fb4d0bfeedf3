from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ImportedRecord(models.Model):
    """A record an administrator keeps: audited, and traceable to the import that wrote it."""

    import_run = models.ForeignKey(
        "healthcentre.ImportRun",
        verbose_name=_("import"),
        help_text=_("The spreadsheet import that last wrote this record; empty if typed."),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_rows",
    )
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
