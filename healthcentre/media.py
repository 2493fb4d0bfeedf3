"""Uploaded files: photos that must be real images, and where every stored file is served from.

No stored file is public. A file's `url` is the admin view that looks its record up through the
record's model admin, with the user's scope and view permission (healthcentre/admin/media.py);
MEDIA_ROOT itself is never served.
"""

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from PIL import Image

# The formats a browser shows as a picture, with the name endings each may carry. SVG is not
# one of them: it is a document that can run scripts.
PHOTO_FORMATS: dict[str, tuple[str, ...]] = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "GIF": (".gif",),
}


# What the mixin is mixed into, for the type checker (at run time the mixin is a plain class).
if TYPE_CHECKING:

    class _MixedInto(FieldFile):
        def _require_file(self) -> None: ...  # FieldFile's own, which the stubs leave out

else:
    _MixedInto = object


class ScopedUrlMixin(_MixedInto):
    """A stored file's URL is the scoped media view of its record and field."""

    @property
    def url(self) -> str:
        self._require_file()
        if self.instance.pk is None:
            raise ValueError(f"The '{self.field.name}' file has no URL before its record is saved.")
        meta = self.instance._meta
        return reverse("media_file", args=[meta.app_label, meta.model_name, self.instance.pk, self.field.name])


class ScopedFieldFile(ScopedUrlMixin, FieldFile):
    pass


class ScopedImageFieldFile(ScopedUrlMixin, ImageFieldFile):
    pass


class ScopedFileField(models.FileField):
    """Any file (a scanned document), served only through the scoped media view."""

    attr_class = ScopedFieldFile


def validate_photo_format(upload: Any) -> None:
    """The format Pillow detected must be one a browser shows, and the file's name must say so:
    a JPEG named .png would be stored under a name that lies about its content."""
    image_format = upload.image.format
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG, WebP or GIF photo."),
            code="photo_format",
            params={"format": image_format},
        )
    endings = PHOTO_FORMATS[image_format]
    if PurePath(upload.name).suffix.lower() not in endings:
        raise ValidationError(
            _("The file name “%(name)s” does not match its content, a %(format)s image: name it with %(ending)s."),
            code="photo_name",
            params={"name": upload.name, "format": image_format, "ending": endings[0]},
        )


class PhotoFormField(forms.ImageField):
    """Django's ImageField (Pillow opens and verifies the upload), limited to PHOTO_FORMATS."""

    default_validators = [validate_photo_format]
    default_error_messages = {
        "invalid_image": _("The uploaded file is not an image or is damaged. Upload a JPEG, PNG, WebP or GIF photo."),
        "too_many_pixels": _("The image is too large to open safely. Make it smaller, then upload it again."),
    }

    def to_python(self, data: Any) -> Any:
        try:
            return super().to_python(data)
        except ValidationError as error:
            # Django reports every Pillow failure as an invalid image; a decompression bomb
            # (more pixels than Image.MAX_IMAGE_PIXELS allows) is an image, only too large.
            if isinstance(error.__cause__, Image.DecompressionBombError):
                raise ValidationError(self.error_messages["too_many_pixels"], code="too_many_pixels") from error
            raise


class PhotoField(models.ImageField):
    """A photo: a real JPEG, PNG, WebP or GIF image, served only through the scoped media view."""

    attr_class = ScopedImageFieldFile

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})
