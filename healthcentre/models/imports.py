import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import DatabaseError, models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

logger = logging.getLogger(__name__)


class ImportFailed(Exception):
    """An import stopped on an error nobody foresaw. Its run is marked failed, its transaction
    rolled back, and the page tells the user so instead of answering 500."""

    def __init__(self, run: "ImportRun"):
        super().__init__(run.errors)
        self.run = run

    def __str__(self) -> str:
        return gettext(
            "The import stopped on an unexpected error and nothing was written. The error is kept in the "
            "import log; try again, and tell the system administrator if it happens again."
        )


class ImportRunQuerySet(models.QuerySet):
    def fail_abandoned(self) -> int:
        """Ends the runs still "running" after IMPORT_RUN_TIMEOUT_SECONDS: the process that ran
        them died (killed, the server restarted) before it could, and its transaction died with
        it, so they wrote nothing. Cheap (a partial index holds only running runs), so it runs
        whenever the import log is listed and whenever an import starts; no scheduler needed."""
        limit = timezone.now() - timedelta(seconds=settings.IMPORT_RUN_TIMEOUT_SECONDS)
        return self.filter(status=ImportRun.Status.RUNNING, started_at__lt=limit).update(
            status=ImportRun.Status.FAILED,
            error_count=1,
            errors=gettext("This import was interrupted (the server stopped or restarted) and wrote nothing."),
        )


class ImportRun(models.Model):
    """One upload of a spreadsheet, previewed or confirmed, and what it did.

    Every importer runs inside `ImportRun.track`, which creates the run before the rows are read
    (so the rows it writes can point to it) and always ends it: previewed, committed, rejected,
    or failed when an exception escapes.
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        PREVIEWED = "previewed", _("Previewed (nothing written)")
        COMMITTED = "committed", _("Committed")
        REJECTED = "rejected", _("Rejected (nothing written)")
        FAILED = "failed", _("Failed (nothing written)")
        UNDONE = "undone", _("Undone (its rows are back as they were before)")

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
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    objects = ImportRunQuerySet.as_manager()

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
        indexes = [
            models.Index(fields=["started_at"], condition=models.Q(status="running"), name="importrun_running"),
        ]

    def __str__(self) -> str:
        return f"{self.file_name or self.target} ({timezone.localtime(self.started_at):%d/%m/%Y %H:%M})"

    @classmethod
    @contextmanager
    def track(
        cls,
        *,
        user: "User | AnonymousUser | None",
        target: str,
        file_name: str = "",
        file_sha256: str = "",
        dry_run: bool,
    ) -> Iterator["ImportRun"]:
        """The lifecycle every importer goes through. The run is created here, before the
        import's own transaction begins, and ended here after that transaction is over, so a
        rollback never erases the record of the attempt. The importer fills in its counts and
        problems (`tally`); an exception escaping it marks the run failed with its message and
        comes out as ImportFailed, for the page to explain."""
        cls.objects.fail_abandoned()
        run = cls.objects.create(
            user=cast("User | None", user if getattr(user, "pk", None) else None),  # only a saved User has a pk
            target=str(target)[:120],
            file_name=(file_name or "")[:255],
            file_sha256=file_sha256 or "",
            dry_run=dry_run,
        )
        try:
            yield run
        except Exception as error:
            run._fail(error)
            raise ImportFailed(run) from error
        except BaseException as error:  # the worker is being stopped: end the run, then stop
            run._fail(error)
            raise
        run.status = run._final_status()
        run.save()

    def tally(
        self,
        *,
        total: int,
        created: int,
        updated: int,
        unchanged: int,
        deleted: int = 0,
        problems: Sequence[object] = (),
    ) -> None:
        """What the import read and wrote (or, previewed, would write), and what stopped it."""
        self.rows_total = total
        self.rows_created = created
        self.rows_updated = updated
        self.rows_unchanged = unchanged
        self.rows_deleted = deleted
        self.error_count = len(problems)
        self.errors = "\n".join(str(problem) for problem in problems)[:20000]

    def _final_status(self) -> str:
        if self.error_count:
            return ImportRun.Status.REJECTED
        return ImportRun.Status.PREVIEWED if self.dry_run else ImportRun.Status.COMMITTED

    def _fail(self, error: BaseException) -> None:
        logger.error("Import run %s failed", self.pk, exc_info=error)
        # Its transaction rolled back: nothing of it was written, whatever it had counted.
        self.tally(
            total=self.rows_total, created=0, updated=0, unchanged=0, problems=[f"{type(error).__name__}: {error}"]
        )
        self.status = ImportRun.Status.FAILED
        try:
            self.save()
        except DatabaseError:
            # The database itself is what failed; the run stays "running" until fail_abandoned.
            logger.exception("Import run %s could not be marked failed", self.pk)
