"""The three roles that exist out of the box, kept as Django groups.

A role's group carries the model permissions (what a user may do); the user's Membership
carries the unit (which records, see scoping.py). `sync_role_groups` runs after every
migrate, so a new model's permissions reach the roles without a manual step.
"""

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from .domains import domain_labels

if TYPE_CHECKING:
    from django.contrib.auth.models import Permission
    from django.db.models import QuerySet

# Reference data that only a superuser maintains (loaded from vietnam-provinces), and
# the records of who may do what.
READ_ONLY_FOR_ROLES = {
    "province",
    "commune",
    "legacyprovince",
    "legacydistrict",
    "legacycommune",
    "communeconversion",
    "importrun",
    "membership",
}


class Role(models.TextChoices):
    PROVINCE_ADMIN = "province_admin", _("Province administrator")
    CENTRE_ADMIN = "centre_admin", _("Centre administrator")
    VIEWER = "viewer", _("Viewer")


GROUP_NAMES = {
    Role.PROVINCE_ADMIN: "Quản trị cấp tỉnh",
    Role.CENTRE_ADMIN: "Quản trị trung tâm",
    Role.VIEWER: "Người xem",
}


def role_permissions(role: str) -> "QuerySet[Permission]":
    from django.contrib.auth.models import Permission

    perms = Permission.objects.filter(content_type__app_label__in=domain_labels())
    if role == Role.VIEWER:
        return perms.filter(codename__startswith="view_")
    writable = perms.exclude(content_type__model__in=READ_ONLY_FOR_ROLES)
    readable = perms.filter(content_type__model__in=READ_ONLY_FOR_ROLES, codename__startswith="view_")
    return writable | readable


def sync_role_groups(**kwargs: Any) -> None:
    Group = apps.get_model("auth", "Group")
    for role, name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(role_permissions(role))
