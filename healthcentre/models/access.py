from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..roles import GROUP_NAMES, Role


class Membership(models.Model):
    """Which unit a staff user works for, and in which role. See scoping.py and roles.py."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "healthcentre.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("A province administrator's unit is their Department of Health."),
    )

    class Meta:
        verbose_name = _("role and unit")
        verbose_name_plural = _("roles and units")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from django.contrib.auth.models import Group

        super().save(*args, **kwargs)
        # The role's group grants the permissions; a user holds exactly one role group.
        role_groups = Group.objects.filter(name__in=GROUP_NAMES.values())
        self.user.groups.remove(*role_groups)
        self.user.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role(self.role)])[0])
        if not self.user.is_staff:
            self.user.is_staff = True
            self.user.save(update_fields=["is_staff"])

    @property
    def has_province_scope(self) -> bool:
        return self.role == Role.PROVINCE_ADMIN
