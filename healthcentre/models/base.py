from typing import Any

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RecordHistory(HistoricalRecords):
    """django-simple-history's audit trail, where a model may name in `history_unindexed` the
    foreign keys its history is never searched by: a history is read by record, date and import,
    and an index on each other key costs every set-based import its upkeep (at 100.000 values
    on PostgreSQL, over half of what writing their history rows costs)."""

    def get_meta_options(self, model: type[models.Model]) -> dict[str, Any]:
        # simple-history names a history "historical <model>" in English whatever the language.
        options = super().get_meta_options(model)
        options["verbose_name"] = format_lazy(_("history of {}"), model._meta.verbose_name)
        options["verbose_name_plural"] = format_lazy(_("history of {}"), model._meta.verbose_name_plural)
        return options

    def copy_fields(self, model: type[models.Model]) -> dict[str, Any]:
        fields = super().copy_fields(model)
        for name in getattr(model, "history_unindexed", ()):
            if name in fields:
                fields[name].db_index = False
        return fields


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
    history = RecordHistory(inherit=True)

    class Meta:
        abstract = True
