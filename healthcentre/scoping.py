"""Who sees which records.

Every scoped model names, in `scope_paths`, the lookups that lead from it to the
Organisation it belongs to ("" for an Organisation itself). A user's Membership gives a
role and a unit:

- province administrator: every record whose organisation lies in the unit's province;
- centre administrator and viewer: the unit and every unit under it (by `Organisation.path`).

What a role may *do* (add, change, delete, view) comes from its Django group; this module
only decides *which* records. Superusers see everything; staff without a membership nothing.
"""

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, cast

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from .models import Membership, Organisation

# Who asks: a signed-in user or the anonymous one (what `request.user` holds).
type Viewer = User | AnonymousUser

NOTHING = Q(pk__in=[])

_MEMBERSHIP_CACHE = "_membership_cache"


def membership_of(user: Viewer) -> "Membership | None":
    """The user's Membership, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, _MEMBERSHIP_CACHE):  # only a User is authenticated, hence the cast below
        from .models import Membership

        setattr(
            user,
            _MEMBERSHIP_CACHE,
            Membership.objects.select_related("organisation").filter(user=cast("User", user)).first(),
        )
    return getattr(user, _MEMBERSHIP_CACHE)


def organisation_q(user: Viewer, prefix: str = "") -> Q:
    """Q selecting the organisations (reached through `prefix`) that `user` may see."""
    if user.is_superuser:
        return Q()
    membership = membership_of(user)
    if membership is None:
        return NOTHING
    lookup = f"{prefix}__" if prefix else ""
    unit = membership.organisation
    if membership.has_province_scope:
        if unit.province_id is None:
            return NOTHING
        return Q(**{f"{lookup}province_id": unit.province_id})
    return Q(**{f"{lookup}path__startswith": unit.path})


def scope_q(model: type[models.Model], user: Viewer) -> Q:
    """Q selecting the records of `model` that `user` may see. A model without `scope_paths`
    is a shared catalogue (indicator definitions, award forms): everyone may read it."""
    if user.is_superuser or not hasattr(model, "scope_paths"):
        return Q()
    q = NOTHING
    for path in model.scope_paths:
        q |= organisation_q(user, path)
    return q


def reference_q(user: Viewer, prefix: str = "") -> Q:
    """Organisations a user may *cite* (an issuer, an authority): their province and national bodies.

    A centre cannot edit its People's Committee, but must be able to name it as the body
    that signed a decision.
    """
    if user.is_superuser:
        return Q()
    membership = membership_of(user)
    if membership is None:
        return NOTHING
    lookup = f"{prefix}__" if prefix else ""
    return Q(**{f"{lookup}province_id": membership.organisation.province_id}) | Q(**{f"{lookup}province__isnull": True})


class Division(Protocol):
    province_lookup: ClassVar[str]


def division_q(model: type[Division], user: Viewer) -> Q:
    """Divisions (provinces, communes) a user may choose: those of their own province.

    A division model names, in `province_lookup`, the lookup that leads to its province. Were
    any province offered, a centre could move itself into another one, and with it widen
    what `reference_q` lets it cite.
    """
    if user.is_superuser:
        return Q()
    membership = membership_of(user)
    if membership is None or membership.organisation.province_id is None:
        return NOTHING
    return Q(**{model.province_lookup: membership.organisation.province_id})


def organisation_visible(organisation: "Organisation | None", user: Viewer) -> bool:
    """The same rule as `organisation_q`, for one organisation already in memory."""
    if user.is_superuser:
        return True
    membership = membership_of(user)
    if membership is None or organisation is None:
        return False
    unit = membership.organisation
    if membership.has_province_scope:
        return unit.province_id is not None and organisation.province_id == unit.province_id
    return tree_path(organisation).startswith(unit.path)


def tree_path(organisation: "Organisation") -> str:
    """The unit's tree path. A unit not saved yet has none, nor has the audit trail's first
    version of a unit (the path is set just after the first save): it lies where its parent
    puts it."""
    if organisation.path:
        return organisation.path
    parent = organisation.parent if organisation.parent_id else None
    if parent is None or not parent.path:
        return ""
    return f"{parent.path}{organisation.pk or 'new'}/"


def _resolve(obj: Any, path: str) -> Any:
    for part in path.split("__") if path else []:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def record_visible(obj: models.Model, user: Viewer) -> bool:
    """Whether `user` may see `obj`, judged from the organisation(s) it points to."""
    if user.is_superuser or not hasattr(obj, "scope_paths"):
        return True
    return any(organisation_visible(_resolve(obj, path), user) for path in obj.scope_paths)


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user: Viewer) -> Self:
        return self.filter(scope_q(self.model, user))
