"""Tools of the attack tests: what a browser would post back from an admin form page (every
field as the page shows it, inline formsets with their management forms), to be posted again
as another user; and a fingerprint of the database that any write changes."""

import datetime as dt
from decimal import Decimal


def _as_post(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, dt.date | dt.datetime | Decimal | int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return [str(getattr(v, "pk", v)) for v in value]
    return str(getattr(value, "pk", value))


def _add_form(data: dict, form) -> None:
    for bound in form:
        if bound.field.disabled:
            continue
        value = _as_post(bound.value())
        if value is not None:
            data[bound.html_name] = value


def form_data(response) -> dict:
    """The POST data of the admin change (or revert) form rendered in `response`."""
    data: dict = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.initial_forms:
            _add_form(data, form)
        data[formset.management_form["TOTAL_FORMS"].html_name] = str(len(formset.initial_forms))
    return data


def database_fingerprint() -> dict:
    """Row counts of every table and the latest change of every audited one: any write through
    any route changes one of them."""
    from django.apps import apps

    fingerprint = {}
    # Logging in writes sessions and django-axes' access log, and an upload logs its ImportRun
    # (previewed or rejected); none of them is a record.
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "axes"} or model._meta.label == "healthcentre.ImportRun":
            continue
        manager = model._base_manager
        fingerprint[model._meta.label] = manager.count()
        if model._meta.label.split(".")[1].startswith("Historical"):
            fingerprint[model._meta.label + ":last"] = manager.order_by("-history_id").values_list("pk", flat=True)[:1]
    return {key: list(value) if not isinstance(value, int) else value for key, value in fingerprint.items()}
