"""Links to admin pages, shown only where the user may follow them.

A page shows a link only when its target will let the user in. The answer comes from the
same ModelAdmin checks the target view makes (has_add_permission, has_view_permission, …,
and the admin's queryset for a record), so both the role and the unit's scope count.

- {% admin_permits action target as allowed %} for a link a template writes itself;
- {% readonly_contents field %} for a read-only field, which Django links to its record;
- {% record_link record %} for a record's name, linked to its change page;
- {% unit_links unit as links %} and {% person_links person as links %}: (label, url) of
  what every app keeps of a unit or a person (healthcentre.domains), as far as the user may see;
- {% report_links as reports %}: (app, [(label, url)]) of every domain's report pages the user
  may open.
"""

from django import template
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.helpers import AdminReadonlyField
from django.contrib.admin.utils import lookup_field
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import conditional_escape, format_html

from ..domains import RecordLink, contributors, domains

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_permits(context: template.Context, action: str, target: Model | type[Model] | str) -> bool:
    """Whether `has_<action>_permission` of the target's model admin allows the request's user.

    `target` is a record (checked as itself), a model or "app_label.ModelName" (checked without
    a record). `action` is "add", "view", "change", "view_or_change",
    "view_history_or_change_history", …: the check the linked view makes.
    """
    model, record = _model_and_record(target)
    try:
        model_admin = admin.site.get_model_admin(model)
    except NotRegistered:
        return False
    check = getattr(model_admin, f"has_{action}_permission")
    request = context["request"]
    return check(request) if record is None else check(request, record)


def _model_and_record(target: Model | type[Model] | str) -> tuple[type[Model], Model | None]:
    if isinstance(target, Model):
        return type(target), target
    if isinstance(target, str):
        return apps.get_model(target), None
    return target, None


@register.simple_tag(takes_context=True)
def readonly_contents(context: template.Context, field: AdminReadonlyField) -> str:
    """A read-only field as Django shows it, but a related record is linked only when its
    change page would open for the user: Django links every read-only foreign key, even one
    to a record outside the user's units or a model the user may not view."""
    related = _related_record(field)
    model_admin = field.model_admin
    if (
        related is None
        or model_admin is None
        or _change_page_opens(context["request"], model_admin.admin_site, related)
    ):
        return field.contents()
    return conditional_escape(str(related))


def _related_record(field: AdminReadonlyField) -> Model | None:
    try:
        model_field, _attr, value = lookup_field(field.field["field"], field.form.instance, field.model_admin)
    except (AttributeError, ValueError, ObjectDoesNotExist):
        return None
    return value if model_field is not None and isinstance(value, Model) else None


def _change_page_opens(request: HttpRequest, admin_site: admin.AdminSite, record: Model) -> bool:
    """The change view's own checks: the record is in the admin's queryset (else it redirects
    to the index) and the user may view or change it (else 403)."""
    try:
        model_admin = admin_site.get_model_admin(type(record))
    except NotRegistered:
        return True  # Django shows no link to an unregistered model: nothing to hide
    in_its_queryset = model_admin.get_queryset(request).filter(pk=record.pk).exists()
    return in_its_queryset and model_admin.has_view_or_change_permission(request, record)


@register.simple_tag(takes_context=True)
def record_link(context: template.Context, record: Model) -> str:
    """A record's name, linked to its change page only where that page would open for the user.
    A page lists the same record often (an import on every row of a history): asked once."""
    # The stubs type the render context as holding the template loader's own values only.
    checked: dict[tuple[type[Model], object], bool] = context.render_context.setdefault(
        "record_link",
        {},  # type: ignore[arg-type]
    )  # type: ignore[assignment]
    key = (type(record), record.pk)
    if key not in checked:
        site = admin.site
        checked[key] = site.is_registered(type(record)) and _change_page_opens(context["request"], site, record)
    if not checked[key]:
        return conditional_escape(str(record))
    opts = record._meta
    return format_html(
        '<a href="{}">{}</a>', reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]), record
    )


def _apps_above_first():
    """The apps above the domains (the profile, which gathers them all) lead the links."""
    return sorted(contributors(), key=lambda config: config.domain)


def _links(context: template.Context, record: Model, links: list[RecordLink]) -> list[tuple[str, str]]:
    if record.pk is None:
        return []
    return [
        (str(link.label), link.url(record))
        for link in links
        if (link.shown_for is None or link.shown_for(record)) and admin_permits(context, "view", link.model)
    ]


@register.simple_tag(takes_context=True)
def unit_links(context: template.Context, unit: Model) -> list[tuple[str, str]]:
    return _links(context, unit, [link for config in _apps_above_first() for link in config.unit_links()])


@register.simple_tag(takes_context=True)
def person_links(context: template.Context, person: Model) -> list[tuple[str, str]]:
    return _links(context, person, [link for config in _apps_above_first() for link in config.person_links()])


@register.simple_tag(takes_context=True)
def report_links(context: template.Context) -> list[tuple[str, list[tuple[str, str]]]]:
    found = []
    for config in domains():
        links = [
            (str(link.label), reverse(f"admin:{link.url_name}"))
            for link in config.report_links()
            if admin_permits(context, "view", link.model)
        ]
        if links:
            found.append((str(config.verbose_name), links))
    return found
