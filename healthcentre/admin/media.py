"""The one way a stored file leaves the server: /admin/media/<app>/<model>/<pk>/<field>/.

The record is looked up as its change form would look it up: through its model admin's scoped
queryset (404 outside the user's units) and with the view permission (403 without). A record
edited only inline, such as a chronicle photo, is judged by its parent's admin and that inline.
Images of the formats a browser shows are shown; everything else is downloaded, and nosniff
keeps the browser from reading a file as something other than the type sent.
"""

from pathlib import PurePath

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.files import File
from django.db import models
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from PIL import Image

from ..media import PHOTO_FORMATS

PDF_SIGNATURE = b"%PDF-"
UNKNOWN_TYPE = "application/octet-stream"


def media_file(request: HttpRequest, app_label: str, model_name: str, pk: int, field_name: str) -> FileResponse:
    model = _model_or_404(app_label, model_name)
    field = _file_field_or_404(model, field_name)
    stored = getattr(_record_for(request, model, pk), field.name)
    if not stored:
        raise Http404
    try:
        stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type, shown = served_as(stored)
    response = FileResponse(
        stored, content_type=content_type, as_attachment=not shown, filename=PurePath(stored.name).name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def served_as(file: File) -> tuple[str, bool]:
    """The content type detected from the file's bytes, and whether a browser may show it."""
    image_format = _image_format_of(file)
    if image_format:
        return Image.MIME.get(image_format, UNKNOWN_TYPE), image_format in PHOTO_FORMATS
    signature = file.read(len(PDF_SIGNATURE))
    file.seek(0)
    return ("application/pdf" if signature == PDF_SIGNATURE else UNKNOWN_TYPE), False


def _image_format_of(file: File) -> str | None:
    try:
        # Opening reads the header only; no pixels are decoded.
        return Image.open(file).format
    except (OSError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)


def _model_or_404(app_label: str, model_name: str) -> type[models.Model]:
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None


def _file_field_or_404(model: type[models.Model], field_name: str) -> models.FileField:
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        raise Http404 from None
    if not isinstance(field, models.FileField):
        raise Http404
    return field


def _record_for(request: HttpRequest, model: type[models.Model], pk: int) -> models.Model:
    if not admin.site.is_registered(model):
        return _inline_record_for(request, model, pk)
    model_admin = admin.site.get_model_admin(model)
    record = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    if not model_admin.has_view_permission(request, record):
        raise PermissionDenied
    return record


def _inline_record_for(request: HttpRequest, model: type[models.Model], pk: int) -> models.Model:
    """A record edited inline is seen on its parent's change form: the parent must be one the user
    may view, and the inline one the form shows them."""
    parent_admin, link = _parent_admin_of(model)
    records = model._default_manager.filter(**{f"{link}__in": parent_admin.get_queryset(request)})
    record = get_object_or_404(records, pk=pk)
    parent = getattr(record, link)
    inlines = parent_admin.get_inline_instances(request, parent)
    shown = any(inline.model is model and inline.has_view_permission(request, parent) for inline in inlines)
    if not (parent_admin.has_view_permission(request, parent) and shown):
        raise PermissionDenied
    return record


def _parent_admin_of(model: type[models.Model]) -> tuple[admin.ModelAdmin, str]:
    """The admin whose change form edits `model` inline, and the foreign key that leads to it."""
    for field in model._meta.get_fields():
        related = field.related_model
        if not (field.many_to_one and field.concrete) or related is None or not admin.site.is_registered(related):
            continue
        parent_admin = admin.site.get_model_admin(related)
        if any(inline.model is model for inline in parent_admin.inlines):
            return parent_admin, field.name
    raise Http404
