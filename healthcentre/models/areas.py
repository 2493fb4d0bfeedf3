"""Administrative divisions, loaded from the `vietnam-provinces` package (never typed by hand).

Since 1 July 2025 Vietnam has 34 provinces and 3,321 communes/wards and no districts. The
legacy tiers (63 provinces, districts, communes) stay because history and old reports refer
to them, and `CommuneConversion` records how each legacy commune became the current ones.
Codes are the official ones and serve as primary keys.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Division(models.Model):
    code = models.PositiveIntegerField(_("code"), primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    division_type = models.CharField(_("division type"), max_length=40)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Province(Division):
    # The lookup from a division to its province (scoping.division_q).
    province_lookup = "code"

    class Meta(Division.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class Commune(Division):
    province_lookup = "province_id"
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="communes"
    )

    class Meta(Division.Meta):
        verbose_name = _("commune or ward")
        verbose_name_plural = _("communes and wards")

    def __str__(self) -> str:
        # Many provinces have a "Xã Tân Phong": the province tells them apart.
        return f"{self.name} ({self.province.name})"


class LegacyProvince(Division):
    class Meta(Division.Meta):
        verbose_name = _("legacy province (before 7/2025)")
        verbose_name_plural = _("legacy provinces (before 7/2025)")


class LegacyDistrict(Division):
    province = models.ForeignKey(
        LegacyProvince,
        verbose_name=_("legacy province"),
        on_delete=models.PROTECT,
        related_name="districts",
    )

    class Meta(Division.Meta):
        verbose_name = _("legacy district (before 7/2025)")
        verbose_name_plural = _("legacy districts (before 7/2025)")

    def current_communes(self) -> "models.QuerySet[Commune]":
        """The communes/wards of today that the district's communes became."""
        return Commune.objects.filter(conversions__legacy_commune__district=self).distinct()


class LegacyCommune(Division):
    district = models.ForeignKey(
        LegacyDistrict,
        verbose_name=_("legacy district"),
        on_delete=models.PROTECT,
        related_name="communes",
    )

    class Meta(Division.Meta):
        verbose_name = _("legacy commune (before 7/2025)")
        verbose_name_plural = _("legacy communes (before 7/2025)")


class CommuneConversion(models.Model):
    """One edge of the 2025 conversion: a legacy commune (or part of it) became a current one."""

    legacy_commune = models.ForeignKey(
        LegacyCommune,
        verbose_name=_("legacy commune"),
        on_delete=models.CASCADE,
        related_name="conversions",
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("current commune"), on_delete=models.CASCADE, related_name="conversions"
    )
    partly = models.BooleanField(
        _("partly merged"), default=False, help_text=_("Only part of the legacy commune went here.")
    )

    class Meta:
        verbose_name = _("2025 commune conversion")
        verbose_name_plural = _("2025 commune conversions")
        constraints = [
            models.UniqueConstraint(fields=["legacy_commune", "commune"], name="commune_conversion_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.legacy_commune} → {self.commune}"
