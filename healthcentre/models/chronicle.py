"""What the anniversary write-ups tell besides figures and structural events: visits received,
conferences, agreements, gifts, facilities opened, techniques adopted, campaigns, emergencies;
and the facilities and capabilities whose growth those stories tell."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..media import PhotoField
from ..scoping import ScopedQuerySet
from .base import ImportedRecord
from .history import DatedFact


class ChronicleKind(models.TextChoices):
    VISIT_RECEIVED = "visit_received", _("Visit received")
    CONFERENCE = "conference", _("Conference held")
    AGREEMENT = "agreement", _("Agreement signed")
    GIFT_OR_INVESTMENT = "gift_or_investment", _("Gift or investment")
    FACILITY_OPENED = "facility_opened", _("Facility opened")
    TECHNIQUE = "technique", _("Technique adopted or transferred")
    PROGRAMME = "programme", _("Programme or campaign")
    EMERGENCY = "emergency", _("Emergency response")
    OTHER = "other", _("Other")


class ChronicleEntry(DatedFact):
    """A dated entry of a unit's chronicle, e.g. the Minister of Health's visit to Tân Yên in 2011.
    `start` is when it happened (or began); `end` closes a span such as the 2020–2022 COVID-19 response."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="chronicle"
    )
    code = models.SlugField(
        _("code"), max_length=80, help_text=_("Stable code for spreadsheets, e.g. TANYEN-2011-BYT.")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=ChronicleKind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    decision = models.ForeignKey(
        "healthcentre.Decision",
        verbose_name=_("decision or document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chronicle_entries",
    )
    document = models.CharField(
        _("document named"), max_length=255, blank=True, help_text=_("A document without a decision record, as named.")
    )
    source = models.CharField(_("source"), max_length=255, blank=True, help_text=_("Where this is told."))

    class Meta(DatedFact.Meta):
        verbose_name = _("chronicle entry")
        verbose_name_plural = _("chronicle")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="chronicle_entry_unique_code"),
            models.CheckConstraint(condition=Q(start__isnull=False), name="chronicle_entry_dated"),
            *DatedFact.dated_constraints("chronicle_entry"),
        ]

    def __str__(self) -> str:
        return f"{self.start_text} — {self.title}"

    def clean(self) -> None:
        if self.start is None:
            raise ValidationError({"start": _("A chronicle entry needs a date, even if only a year.")})
        super().clean()


class ParticipantRole(models.TextChoices):
    GUEST = "guest", _("Guest")
    HOST = "host", _("Host")
    SIGNATORY = "signatory", _("Signatory")
    DONOR = "donor", _("Donor or investor")
    PARTNER = "partner", _("Partner")
    OTHER = "other", _("Other")


class ChronicleParticipant(ImportedRecord):
    """A person or unit involved in an entry, with the position they held at the time."""

    scope_paths = ("entry__organisation",)

    entry = models.ForeignKey(
        ChronicleEntry, verbose_name=_("chronicle entry"), on_delete=models.CASCADE, related_name="participants"
    )
    role = models.CharField(_("role"), max_length=16, choices=ParticipantRole.choices, default=ParticipantRole.GUEST)
    person = models.ForeignKey(
        "healthcentre.Person", verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT
    )
    organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chronicle_participations",
    )
    name_as_written = models.CharField(
        _("name as written"),
        max_length=255,
        blank=True,
        help_text=_("When the article names no record, e.g. 'Bộ trưởng Bộ Y tế'."),
    )
    position_at_the_time = models.CharField(_("position at the time"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organisation__isnull=False) | ~Q(name_as_written=""),
                name="chronicle_participant_named",
            )
        ]

    def __str__(self) -> str:
        who = self.person or self.organisation or self.name_as_written
        return f"{who}, {self.position_at_the_time}" if self.position_at_the_time else str(who)


class ChroniclePhoto(models.Model):
    entry = models.ForeignKey(
        ChronicleEntry, verbose_name=_("chronicle entry"), on_delete=models.CASCADE, related_name="photos"
    )
    image = PhotoField(_("photo"), upload_to="chronicle/%Y/")
    caption = models.CharField(_("caption"), max_length=255)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption


class FacilityKind(models.TextChoices):
    BUILDING = "building", _("Building")
    EQUIPMENT = "equipment", _("Major equipment")
    CLINICAL_UNIT = "clinical_unit", _("Clinical unit")
    QUALITY_SYSTEM = "quality_system", _("Quality system")
    INFORMATION_SYSTEM = "information_system", _("Information system")
    TECHNIQUES = "techniques", _("Techniques catalogue")


class Facility(DatedFact):
    """A building, a machine, a clinical unit, a quality or information system, or a count of
    techniques, in service from `start` (until `end`), so a unit's growth can be told by date."""

    organisation = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="facilities"
    )
    code = models.SlugField(
        _("code"), max_length=80, help_text=_("Stable code for spreadsheets, e.g. TANYEN-NHA-7-TANG.")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=FacilityKind.choices)
    name = models.CharField(_("name"), max_length=255)
    quantity = models.PositiveIntegerField(
        _("quantity"), null=True, blank=True, help_text=_("How many: machines, processes, techniques.")
    )
    quantity_is_lower_bound = models.BooleanField(
        _("at least"), default=False, help_text=_("The source says 'trên' / 'hơn': the quantity is a lower bound.")
    )
    floors = models.PositiveSmallIntegerField(_("floors"), null=True, blank=True)
    floor_area_m2 = models.DecimalField(_("floor area (m²)"), max_digits=10, decimal_places=1, null=True, blank=True)
    beds = models.PositiveIntegerField(_("beds"), null=True, blank=True)
    source_organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("transferred from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="facilities_transferred",
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(DatedFact.Meta):
        verbose_name = _("facility or capability")
        verbose_name_plural = _("facilities and capabilities")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="facility_unique_code"),
            *DatedFact.dated_constraints("facility"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def quantity_text(self) -> str:
        if self.quantity is None:
            return ""
        return f"{'trên ' if self.quantity_is_lower_bound else ''}{self.quantity:,}".replace(",", ".")
