from typing import Any

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..scoping import ScopedQuerySet
from .base import ImportedRecord


class HonourTitle(models.TextChoices):
    NONE = "", _("None")
    MERITORIOUS_PHYSICIAN = "meritorious_physician", _("Meritorious Physician (Thầy thuốc Ưu tú)")
    PEOPLES_PHYSICIAN = "peoples_physician", _("People's Physician (Thầy thuốc Nhân dân)")


class Person(ImportedRecord):
    """Someone the records name: a leader, a team member, a guest, an award recipient."""

    scope_paths = ("organisation",)

    code = models.SlugField(
        _("code"),
        max_length=80,
        blank=True,
        help_text=_("Stable code for spreadsheets; made from the name when left empty."),
    )
    full_name = models.CharField(_("full name"), max_length=120)
    degrees = models.CharField(
        _("degrees"),
        max_length=120,
        blank=True,
        help_text=_("As written, e.g. 'Thạc sĩ, BS CKII' or 'BSCKI'."),
    )
    honour_title = models.CharField(
        _("honour title"), max_length=32, choices=HonourTitle.choices, blank=True, default=""
    )
    organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("The unit whose records keep this person (their workplace, or last one)."),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(fields=["code"], name="person_unique_code")]

    def __str__(self) -> str:
        return f"{self.titled_name}"

    @property
    def titled_name(self) -> str:
        """The name as Vietnamese documents print it: 'Thầy thuốc Ưu tú, BS CKII Phan Kim Trọng'."""
        prefix = ", ".join(p for p in [self.get_honour_title_display() if self.honour_title else "", self.degrees] if p)
        return f"{prefix} {self.full_name}".strip() if prefix else self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.code:
            self.code = self._unique_code()
        super().save(*args, **kwargs)

    def _unique_code(self) -> str:
        base = slugify(self.full_name.replace("đ", "d").replace("Đ", "D"))[:70] or "nguoi"
        code, n = base, 1
        while Person.objects.filter(code=code).exclude(pk=self.pk).exists():
            n += 1
            code = f"{base}-{n}"
        return code
