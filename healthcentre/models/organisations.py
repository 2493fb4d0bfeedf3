import datetime as dt
from typing import Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..scoping import ScopedQuerySet
from .areas import Commune, LegacyCommune, LegacyDistrict, Province
from .base import ImportedRecord


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or national body")
    DEPARTMENT_OF_HEALTH = "department_of_health", _("Department of Health")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    GOVERNMENT_OFFICE = "government_office", _("Government office")
    HEALTH_CENTRE = "health_centre", _("Health centre")
    HOSPITAL = "hospital", _("Hospital")
    SPECIALISED_CENTRE = "specialised_centre", _("Specialised centre")
    BOARD = "board", _("Board of directors")
    OFFICE = "office", _("Functional office")
    DEPARTMENT = "department", _("Clinical or paraclinical department")
    COMMUNE_STATION = "commune_station", _("Commune health station")
    STATION_POINT = "station_point", _("Station point")
    OTHER = "other", _("Other")


# The 2025 reform of the administrative divisions: districts gone, communes merged (1/7/2025).
REFORM_DAY = dt.date(2025, 7, 1)


class OrganisationQuerySet(ScopedQuerySet):
    def health_centres(self) -> Self:
        return self.filter(kind=OrganisationKind.HEALTH_CENTRE)

    def active_on(self, day: dt.date) -> Self:
        """The units active on `day`: every form offering a unit for a dated record (a round's
        supervising unit, a visited station) offers these. A unit is left out when a domain's
        records say it was not founded yet or had ceased (the organisations' history)."""
        from ..domains import contributors

        inactive = set().union(*(config.inactive_units(day) for config in contributors()))
        return self.exclude(pk__in=inactive) if inactive else self


class Organisation(ImportedRecord):
    """A unit at any level: a Department of Health, a health centre, one of its departments or
    stations, a People's Committee acting as an authority. Its history is told by events."""

    scope_paths = ("",)

    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("Stable code used in spreadsheets, e.g. TTYT-TANYEN. Never reused."),
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The unit this one belongs to today."),
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("Province of today (34 since 7/2025). Empty only for national bodies."),
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune or ward"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    legacy_district = models.ForeignKey(
        LegacyDistrict,
        verbose_name=_("legacy district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("For a district or regional centre: the district it served before 7/2025."),
    )
    legacy_commune = models.ForeignKey(
        LegacyCommune,
        verbose_name=_("legacy commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("For a station or station point: the commune it served before 7/2025."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Materialised ancestry ("/3/17/42/") so "this unit and everything under it" is one
    # indexed prefix match instead of a recursive query.
    path = models.CharField(_("tree path"), max_length=255, editable=False, db_index=True, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="organisation_unique_code"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="organisation_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.parent_id and self.pk and self.parent is not None and self.parent.path.startswith(self.path or "\0"):
            raise ValidationError({"parent": _("A unit cannot be placed under itself or one of its own units.")})
        if (
            self.commune_id
            and self.province_id
            and self.commune is not None
            and self.commune.province_id != self.province_id
        ):
            raise ValidationError({"commune": _("This commune is not in the chosen province.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.commune_id and not self.province_id and self.commune is not None:
            self.province_id = self.commune.province_id
        super().save(*args, **kwargs)
        self._refresh_path()

    def _refresh_path(self) -> None:
        parent_path = self.parent.path if self.parent_id and self.parent is not None else "/"
        new_path = f"{parent_path}{self.pk}/"
        if new_path == self.path:
            return
        old_path = self.path
        Organisation.objects.filter(pk=self.pk).update(path=new_path)
        self.path = new_path
        if old_path:
            for child in Organisation.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                Organisation.objects.filter(pk=child.pk).update(path=new_path + child.path[len(old_path) :])

    def communes_since_reform(self) -> "models.QuerySet[Commune]":
        """Today's communes the unit's legacy district became, for a unit still active at the
        2025 reform; none for a unit that had ceased before it (or has no legacy district)."""
        district = self.legacy_district
        if district is None or not Organisation.objects.filter(pk=self.pk).active_on(REFORM_DAY).exists():
            return Commune.objects.none()
        return district.current_communes()

    def descendants(self, include_self: bool = True) -> OrganisationQuerySet:
        qs = Organisation.objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)
