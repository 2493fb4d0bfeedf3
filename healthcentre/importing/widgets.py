"""django-import-export widgets that read what Vietnamese users type and explain refusals.

Every cell is read through `healthcentre.vocabulary`, the one reader of numbers, dates, yes/no,
codes and text. A widget raising ValueError becomes an error on its own column in the preview,
so every message here names the problem in the user's language. A widget that reads for a
column (`bind`) learns the model field's digits, range or length from `RecordResource`, so a
value the column cannot hold is refused before anything is written.
"""

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from .. import vocabulary

if TYPE_CHECKING:
    from ..scoping import Viewer

# The row of the file a cell is read from, as django-import-export hands it.
type Row = dict[str, Any] | None


class VNDecimalWidget(widgets.DecimalWidget):
    limits = vocabulary.NumberLimits()

    def bind(self, model_field: models.Field) -> None:
        self.limits = vocabulary.limits_of(model_field)

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> Decimal | None:
        return vocabulary.parse_decimal(value, self.limits)


class VNIntegerWidget(widgets.IntegerWidget):
    limits = vocabulary.ANY_INTEGER

    def bind(self, model_field: models.Field) -> None:
        self.limits = vocabulary.limits_of(model_field)

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> int | None:
        return vocabulary.parse_integer(value, self.limits)


class VNDateWidget(widgets.DateWidget):
    def clean(self, value: object, row: Row = None, **kwargs: Any) -> dt.date | None:
        return vocabulary.parse_date(value)


class TextWidget(widgets.CharWidget):
    """Free text: an empty cell is an empty text, as the admin form stores it; over-long text
    is refused, never cut."""

    max_length: int | None = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allow_blank=True, **kwargs)

    def bind(self, model_field: models.Field) -> None:
        self.max_length = model_field.max_length

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> str:
        return vocabulary.clean_text(value, self.max_length)


class CodeTextWidget(TextWidget):
    """A record's own code column: trimmed, NFC, no invisible character."""

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> str:
        return vocabulary.clean_text(vocabulary.clean_code(value), self.max_length)


class ChoiceWidget(widgets.Widget):
    """Accepts a choice by its code or by its label in any language; exports the label in the
    user's language, which the import reads back."""

    def __init__(self, choices: type[models.Choices], **kwargs: Any) -> None:
        self.choices = choices
        self._codes: dict[str, Any] | None = None
        super().__init__(**kwargs)

    def codes(self) -> dict[str, Any]:
        """{code or label in any language, case-folded: code}, worked out once per widget (a
        resource lives for one import): switching languages for every choice of every cell
        of a 200.000-row file is most of its reading."""
        if self._codes is None:
            self._codes = {}
            for code, label in self.choices.choices:
                for written in (*labels_in_every_language(label), str(code).casefold()):
                    self._codes.setdefault(written, code)
        return self._codes

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> Any:
        if value is None or str(value).strip() == "":
            return ""
        code = self.codes().get(str(value).strip().casefold())
        if code is not None:
            return code
        allowed = ", ".join(str(label) for code, label in self.choices.choices if code)
        raise ValueError(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": str(value).strip(), "allowed": allowed}
        )

    def render(self, value: Any, obj: models.Model | None = None, **kwargs: Any) -> Any:
        if not value:
            return ""
        try:
            return str(self.choices(value).label)
        except ValueError:  # a code no longer offered is exported as it is stored
            return value


def labels_in_every_language(label: object) -> set[str]:
    """A translatable label as each language of the site writes it, case-folded."""
    found = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            found.add(str(label).casefold())
    return found


def citable_q(model: type[models.Model], user: "Viewer | None", reference: bool = False) -> Q:
    """The records of `model` an importing user may name by code: for a model owned by units,
    those of the user's own units, or with `reference` any body of their province (an issuer,
    an authority); for a shared catalogue, every entry. A record outside reads as not existing,
    so the message tells an outsider nothing of what other units hold."""
    from ..scoping import reference_q, scope_q

    if user is None:
        return Q()
    return reference_q(user) if reference else scope_q(model, user)


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related record's code, e.g. TTYT-TANYEN, resolved only
    among the records the user may cite (`citable_q`)."""

    def __init__(self, model: type[models.Model], field: str = "code", reference: bool = False, **kwargs: Any) -> None:
        self.reference = reference
        super().__init__(model, field=field, **kwargs)

    def get_queryset(self, value: object, row: Row, *args: Any, **kwargs: Any) -> models.QuerySet:
        queryset = super().get_queryset(value, row, *args, **kwargs)
        return queryset.filter(citable_q(self.model, kwargs.get("user"), self.reference))

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> models.Model | None:
        code = vocabulary.clean_code(value)
        if code == "":
            return None
        try:
            return self.get_queryset(code, row, **kwargs).get(**{self.field: code})
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s has the code “%(code)s”.") % {"model": self.model._meta.verbose_name, "code": code}
            ) from None


class CodesWidget(widgets.ManyToManyWidget):
    """Several codes in one cell, separated by ";", each resolved as CodeWidget resolves one.
    Unlike the stock widget, an unknown code is an error, not silently dropped."""

    def __init__(self, model: type[models.Model], field: str = "code", reference: bool = False, **kwargs: Any) -> None:
        self.reference = reference
        super().__init__(model, separator=";", field=field, **kwargs)

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> list[models.Model]:
        text = "" if value is None else str(value)
        codes = list(dict.fromkeys(vocabulary.clean_code(c) for c in text.split(self.separator) if c.strip()))
        queryset = self.model.objects.filter(**{f"{self.field}__in": codes}).filter(
            citable_q(self.model, kwargs.get("user"), self.reference)
        )
        found = {getattr(obj, self.field): obj for obj in queryset}
        missing = [c for c in codes if c not in found]
        if missing:
            raise ValueError(
                _("No %(model)s has the code “%(code)s”.")
                % {"model": self.model._meta.verbose_name, "code": ", ".join(missing)}
            )
        return [found[c] for c in codes]

    def render(self, value: Any, obj: models.Model | None = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(o, self.field)) for o in value.all()))


class YesNoWidget(widgets.Widget):
    """A yes/no column, read with the one list of words (`vocabulary.parse_yes_no`). It is
    written back as "có" or left empty, unless `written` names the two cells a sheet has
    always used (the awards catalogue's 1 and 0)."""

    def __init__(self, written: tuple[object, object] = ("có", ""), **kwargs: Any) -> None:
        self.written = written
        super().__init__(**kwargs)

    def clean(self, value: object, row: Row = None, **kwargs: Any) -> bool:
        return vocabulary.parse_yes_no(value)

    def render(self, value: Any, obj: models.Model | None = None, **kwargs: Any) -> object:
        return self.written[0] if value else self.written[1]
