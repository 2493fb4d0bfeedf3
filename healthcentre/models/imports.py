from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One upload of a spreadsheet, previewed or confirmed, and what it did.

    Created before the rows are read, so the rows it writes can point to it; the counts and
    errors are filled in when the import ends, committed or not.
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        PREVIEWED = "previewed", _("Previewed (nothing written)")
        COMMITTED = "committed", _("Committed")
        REJECTED = "rejected", _("Rejected (nothing written)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    target = models.CharField(_("imported into"), max_length=120)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("file SHA-256"), max_length=64, blank=True)
    dry_run = models.BooleanField(_("preview only"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RUNNING)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_created = models.PositiveIntegerField(_("created"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_deleted = models.PositiveIntegerField(_("deleted"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    errors = models.TextField(_("error messages"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="committed", error_count__gt=0),
                name="importrun_committed_without_errors",
            )
        ]

    def __str__(self) -> str:
        return f"{self.file_name or self.target} ({self.started_at:%d/%m/%Y %H:%M})"
