import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord
from healthcentre.scoping import ScopedQuerySet

if TYPE_CHECKING:
    from healthcentre.models import Person


class SupervisionRound(ImportedRecord):
    """A supervision round (đợt giám sát hỗ trợ): a team a unit sends to stations over some days."""

    scope_paths = ("supervising_unit",)

    code = models.SlugField(
        _("code"), max_length=64, help_text=_("Stable code used in spreadsheets, e.g. BINHXUYEN-GS-2025-10.")
    )
    title = models.CharField(_("title"), max_length=255)
    supervising_unit = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("supervising unit"),
        on_delete=models.PROTECT,
        related_name="supervision_rounds",
    )
    decision = models.ForeignKey(
        "healthcentre.Decision",
        verbose_name=_("decision forming the team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervision_rounds",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    members = models.ManyToManyField(
        "healthcentre.Person", through="TeamMember", verbose_name=_("team members"), related_name="supervision_rounds"
    )
    content_areas = models.ManyToManyField(
        "supervision.ContentArea", verbose_name=_("content areas"), blank=True, related_name="rounds"
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision round")
        verbose_name_plural = _("supervision rounds")
        ordering = ["-start_date", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="supervisionround_unique_code"),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="supervisionround_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.span})"

    @property
    def span(self) -> str:
        """The dates as Vietnamese reports write them: 15-21/10/2025."""
        start, end = self.start_date, self.end_date
        if not start or not end:
            return ""
        if start == end:
            return f"{end:%d/%m/%Y}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%d}-{end:%d/%m/%Y}"
        return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"

    @property
    def leader(self) -> "Person | None":
        member = next((m for m in self.team.all() if m.role == TeamRole.LEADER), None)
        return member.person if member else None

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The round cannot end before it starts.")})

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Team leader")
    DEPUTY = "deputy", _("Deputy team leader")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class TeamMember(ImportedRecord):
    """A person on a round's team, with their role in it."""

    scope_paths = ("round__supervising_unit",)

    round = models.ForeignKey(SupervisionRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(
        "healthcentre.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="team_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=TeamRole.choices, default=TeamRole.MEMBER)
    position = models.CharField(
        _("position in the team's unit"), max_length=255, blank=True, help_text=_("As written, e.g. Giám đốc.")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["round", "role", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "person"],
                name="teammember_unique_person_per_round",
                violation_error_message=_("This person is already on the team of this round."),
            ),
            models.UniqueConstraint(
                fields=["round"],
                condition=Q(role="leader"),
                name="teammember_one_leader_per_round",
                violation_error_message=_("The round already has a team leader."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"
