"""A sheet layout: how an office's own table is read, kept so that the next file of the same
shape loads without asking again."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..scoping import ScopedQuerySet, Viewer, membership_of, scope_q


class SheetLayoutQuerySet(ScopedQuerySet):
    def usable_by(self, user: Viewer, target: str) -> "SheetLayoutQuerySet":
        """The layouts a user's upload may be read with: their units' own, and those a unit
        above theirs (their Department of Health) shares with the units under it."""
        q = scope_q(self.model, user)
        membership = membership_of(user)
        if membership is not None:
            above = [int(pk) for pk in membership.organisation.path.strip("/").split("/") if pk]
            q |= Q(shared=True, owner_id__in=above)
        return self.filter(q, target=target)


class SheetLayout(models.Model):
    """The mapping a user confirmed for a sheet: which column holds which figure, which row is
    which record. Recognised by the shape of the header (`fingerprint`, years and figures left
    out), so next half-year's file of the same office loads with no mapping step."""

    name = models.CharField(_("name"), max_length=200)
    target = models.CharField(_("what it imports"), max_length=60, editable=False)
    owner = models.ForeignKey(
        "healthcentre.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="sheet_layouts"
    )
    shared = models.BooleanField(
        _("shared with the units under it"),
        default=False,
        help_text=_("A Department of Health's layout, shared, is offered to every centre under it."),
    )
    fingerprint = models.CharField(_("shape of the header"), max_length=16, editable=False)
    headings = models.JSONField(_("headings"), default=list, editable=False)
    mapping = models.JSONField(_("mapping"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope_paths = ("owner",)
    objects = SheetLayoutQuerySet.as_manager()

    class Meta:
        verbose_name = _("sheet layout")
        verbose_name_plural = _("sheet layouts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "target", "fingerprint"], name="sheetlayout_one_per_unit_and_shape"
            ),
        ]

    def __str__(self) -> str:
        return self.name
