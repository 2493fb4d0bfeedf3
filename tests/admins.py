"""The model admins the tests walk through: every registered model of every domain the
platform knows (healthcentre.domains), so that a new domain's pages are tested without a list
to edit."""

from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db.models import Model

from healthcentre.domains import domains


def registered_models() -> list[type[Model]]:
    return [model for config in domains() for model in config.get_models() if admin.site.is_registered(model)]


def registered_admins() -> dict[str, ModelAdmin]:
    """{"app_label.modelname": its model admin}."""
    return {model._meta.label_lower: admin.site.get_model_admin(model) for model in registered_models()}


def model_names() -> list[tuple[str, str]]:
    """(app_label, model_name) of every registered model, sorted."""
    return sorted((model._meta.app_label, model._meta.model_name) for model in registered_models())
