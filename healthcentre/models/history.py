"""A unit's history as data: dated events with predecessors and successors, and dated facts.

Dates in history are often partial ("1958", "7/2013"): each is stored as the first day it can
mean plus its precision, and shown as written. Which event or fact is "true on a date" and
which records contradict each other is decided in healthcentre/history/, not here.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..scoping import ScopedQuerySet
from .base import ImportedRecord

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year only")
    MONTH = "month", _("Month and year")
    DAY = "day", _("Full date")


class EventKind(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    RENAMED = "renamed", _("Renamed")
    MERGED = "merged", _("Merged (several units into one)")
    SPLIT = "split", _("Split (one unit into several)")
    TRANSFERRED = "transferred", _("Transferred to another managing authority")
    RERANKED = "reranked", _("Re-ranked")
    DISSOLVED = "dissolved", _("Dissolved")
    STATION_POINT = "station_point", _("Became a station point")
    OTHER = "other", _("Other")


class RelationKind(models.TextChoices):
    PARENT = "parent", _("Belongs to (parent unit)")
    MANAGING = "managing", _("Managing authority")
    PROFESSIONAL = "professional", _("Professional supervision")


class HospitalRank(models.TextChoices):
    NONE = "", _("Not stated")
    SPECIAL = "special", _("Special rank")
    RANK_I = "I", _("Rank I")
    RANK_II = "II", _("Rank II")
    RANK_III = "III", _("Rank III")
    RANK_IV = "IV", _("Rank IV")


class TechnicalLevel(models.TextChoices):
    NONE = "", _("Not stated")
    INITIAL = "initial", _("Initial (ban đầu)")
    BASIC = "basic", _("Basic (cơ bản)")
    SPECIALISED = "specialised", _("Specialised (chuyên sâu)")


class PositionTitle(models.TextChoices):
    DIRECTOR = "director", _("Director")
    DEPUTY_DIRECTOR = "deputy_director", _("Deputy director")
    HEAD_OF_DEPARTMENT = "head_of_department", _("Head of department or office")
    HEAD_OF_STATION = "head_of_station", _("Head of station")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    OTHER = "other", _("Other")


def _precision_field(verbose_name: "StrOrPromise") -> models.CharField:
    return models.CharField(verbose_name, max_length=8, choices=DatePrecision.choices, blank=True, default="")


class Event(ImportedRecord):
    """Something that happened to a unit on a (possibly partial) date, e.g. the 2019 founding of
    Tân Yên's health centre by merging three units under decision 794/QĐ-UBND."""

    scope_paths = ("organisation",)

    code = models.SlugField(
        _("code"), max_length=80, help_text=_("Stable code used in spreadsheets, e.g. TANYEN-2019-MERGER.")
    )
    organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The unit the event is about: the new unit of a merger, the unit that split or was renamed."),
    )
    kind = models.CharField(_("kind of event"), max_length=16, choices=EventKind.choices)
    date = models.DateField(_("date"), help_text=_("The first day the date as written can mean."))
    date_precision = models.CharField(_("date precision"), max_length=8, choices=DatePrecision.choices)
    decision = models.ForeignKey(
        "healthcentre.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    summary = models.CharField(_("what happened"), max_length=500, blank=True)
    predecessors = models.ManyToManyField(
        "healthcentre.Organisation",
        verbose_name=_("predecessors"),
        blank=True,
        related_name="events_as_predecessor",
        help_text=_("Units this event started from: the sources of a merger, the unit a new one replaced."),
    )
    successors = models.ManyToManyField(
        "healthcentre.Organisation",
        verbose_name=_("successors"),
        blank=True,
        related_name="events_as_successor",
        help_text=_("Units this event led to: the parts of a split, the station a station point now belongs to."),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("What the sources leave vague, said plainly rather than guessed.")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("history event")
        verbose_name_plural = _("history events")
        ordering = ["date", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="event_unique_code"),
            models.CheckConstraint(condition=~Q(date_precision=""), name="event_date_precision_set"),
        ]

    def __str__(self) -> str:
        return f"{self.date_text} — {self.get_kind_display()} — {self.organisation}"

    @property
    def date_text(self) -> str:
        from ..vocabulary import format_partial_date

        return format_partial_date(self.date, self.date_precision)

    def clean(self) -> None:
        from ..history.rules import raise_event_problems

        super().clean()
        raise_event_problems(self)


class DatedFact(ImportedRecord):
    """Something true of a unit from a (partial) date, until an optional end or a later fact of
    the same sort. An empty start means the sources give no date: shown, never used "as of"."""

    # Each subclass declares `organisation` with its own related_name.
    scope_paths = ("organisation",)

    start = models.DateField(_("from"), null=True, blank=True)
    start_precision = _precision_field(_("precision of start"))
    end = models.DateField(_("until"), null=True, blank=True)
    end_precision = _precision_field(_("precision of end"))
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("What the sources leave vague, said plainly rather than guessed.")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = [F("start").asc(nulls_first=True)]

    @property
    def start_text(self) -> str:
        from ..vocabulary import format_partial_date

        return format_partial_date(self.start, self.start_precision)

    @property
    def end_text(self) -> str:
        from ..vocabulary import format_partial_date

        return format_partial_date(self.end, self.end_precision)

    @property
    def period_text(self) -> str:
        if not self.start and not self.end:
            return str(_("dates not recorded"))
        return f"{self.start_text or '?'} – {self.end_text}".rstrip(" –") if self.end else f"{self.start_text} –"

    def clean(self) -> None:
        from ..history.rules import raise_fact_problems

        super().clean()
        raise_fact_problems(self)

    @classmethod
    def dated_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name=f"{prefix}_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | ~Q(start_precision=""), name=f"{prefix}_start_precision_set"
            ),
        ]


class UnitName(DatedFact):
    """A name a unit bore from a date, e.g. 'Trung tâm Y tế huyện Bình Xuyên' until 7/2025."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="names"
    )
    name = models.CharField(_("name"), max_length=255)

    class Meta(DatedFact.Meta):
        verbose_name = _("name over time")
        verbose_name_plural = _("names over time")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name", "start"], name="unitname_unique_per_start"),
            *DatedFact.dated_constraints("unitname"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_text})"


class UnitRelation(DatedFact):
    """A dated tie to another body: the unit it belongs to, the authority that manages it, or the
    one that supervises it professionally (these differ, e.g. a centre managed by a People's
    Committee under the Department of Health's professional guidance)."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="relations"
    )
    kind = models.CharField(_("kind of relation"), max_length=16, choices=RelationKind.choices)
    authority = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("other body"),
        on_delete=models.PROTECT,
        related_name="relations_as_authority",
        help_text=_("The parent unit, managing authority or supervising body."),
    )
    decision = models.ForeignKey(
        "healthcentre.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="unit_relations",
    )

    class Meta(DatedFact.Meta):
        verbose_name = _("dated relation")
        verbose_name_plural = _("dated relations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "authority", "start"], name="unitrelation_unique_per_start"
            ),
            models.CheckConstraint(condition=~Q(authority=F("organisation")), name="unitrelation_not_to_itself"),
            *DatedFact.dated_constraints("unitrelation"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.authority} ({self.period_text})"


class RankRecord(DatedFact):
    """Hospital rank, technical level and planned beds from a date (e.g. rank II, basic level,
    300 planned beds by 1/2025)."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="ranks"
    )
    hospital_rank = models.CharField(
        _("hospital rank"), max_length=8, choices=HospitalRank.choices, blank=True, default=""
    )
    technical_level = models.CharField(
        _("technical level"), max_length=16, choices=TechnicalLevel.choices, blank=True, default=""
    )
    planned_beds = models.PositiveIntegerField(_("planned beds"), null=True, blank=True)
    decision = models.ForeignKey(
        "healthcentre.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rank_records",
    )

    class Meta(DatedFact.Meta):
        verbose_name = _("rank and beds")
        verbose_name_plural = _("ranks and beds")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "start"], name="rankrecord_unique_per_start"),
            *DatedFact.dated_constraints("rankrecord"),
        ]

    def __str__(self) -> str:
        return f"{self.get_hospital_rank_display()} ({self.period_text})"


class StructureSnapshot(DatedFact):
    """How a unit was organised on a date: 'Ban Giám đốc 05 người, 05 phòng chức năng, 16 khoa
    chuyên môn và 24 trạm Y tế … 409 viên chức'. Empty counts were not reported."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="structures"
    )
    directors = models.PositiveIntegerField(_("board of directors (people)"), null=True, blank=True)
    offices = models.PositiveIntegerField(_("functional offices"), null=True, blank=True)
    departments = models.PositiveIntegerField(_("departments"), null=True, blank=True)
    stations = models.PositiveIntegerField(_("commune stations"), null=True, blank=True)
    staff = models.PositiveIntegerField(_("staff"), null=True, blank=True)

    class Meta(DatedFact.Meta):
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "start"], name="structuresnapshot_unique_per_start"),
            *DatedFact.dated_constraints("structuresnapshot"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.period_text})"


class Position(DatedFact):
    """A person's post in a unit over a period, e.g. director of Bình Xuyên's centre."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions"
    )
    person = models.ForeignKey(
        "healthcentre.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("position"), max_length=24, choices=PositionTitle.choices)
    title_as_written = models.CharField(
        _("position as written"), max_length=255, blank=True, help_text=_("e.g. 'Bí thư Đảng uỷ, Giám đốc'.")
    )

    class Meta(DatedFact.Meta):
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "title", "start"], name="position_unique_per_start"
            ),
            *DatedFact.dated_constraints("position"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_title_display()} ({self.period_text})"
