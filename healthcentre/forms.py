"""Form fields for the admin and the report forms, read by the vocabulary as a spreadsheet
cell is read.

A browser's number input reads "27.662" as a decimal just under 28 and drops the comma of
"57,6"; these fields are text boxes (with the phone's number keyboard, inputmode="decimal")
whose text the vocabulary reads exactly as it reads a spreadsheet cell, within the column's
digits or range, and which show a stored value back as it is written: "27.662", "57,6", and a
year as "2025", never "2.025". Text boxes read text as an import does: NFC-normalised, and
refused when it holds an invisible or control character.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .vocabulary import (
    ANY_INTEGER,
    NumberLimits,
    ParseError,
    clean_text,
    format_number,
    limits_of,
    parse_decimal,
    parse_integer,
)


class VietnameseNumberInput(forms.TextInput):
    def __init__(self, attrs: dict[str, Any] | None = None, grouping: bool = True) -> None:
        super().__init__({"inputmode": "decimal", **(attrs or {})})
        self.grouping = grouping

    def format_value(self, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            return value  # what the user typed, shown again beside its error
        return format_number(value, places=None, grouping=self.grouping)


def _read[T](parse: Callable[[object, NumberLimits], T], value: object, limits: NumberLimits) -> T:
    try:
        return parse(value, limits)
    except ParseError as exc:
        raise ValidationError(str(exc), code="invalid") from None


class VietnameseDecimalField(forms.DecimalField):
    widget = VietnameseNumberInput

    def __init__(self, *, max_digits: int | None = None, decimal_places: int | None = None, **kwargs: Any) -> None:
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.limits = NumberLimits(max_digits=max_digits, decimal_places=decimal_places)

    # Django's DecimalField subclasses IntegerField, whose to_python the stubs type as int.
    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        return _read(parse_decimal, value, self.limits)


class VietnameseIntegerField(forms.IntegerField):
    widget = VietnameseNumberInput

    def __init__(
        self,
        *,
        limits: NumberLimits | None = None,
        min_value: int | None = None,
        max_value: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        self.limits = limits or NumberLimits(
            min_value=ANY_INTEGER.min_value if min_value is None else min_value,
            max_value=ANY_INTEGER.max_value if max_value is None else max_value,
        )

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        return _read(parse_integer, value, self.limits)


class VietnameseTextField(forms.CharField):
    """A name, a note: what the user typed, NFC-normalised, with no invisible character (its
    length is checked by the field's own validator)."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        try:
            return clean_text(text)
        except ParseError as exc:
            raise ValidationError(str(exc), code="invalid") from None


def year_field(**kwargs: Any) -> VietnameseIntegerField:
    """A year typed in a report's form: "2025", read and shown without grouping."""
    return VietnameseIntegerField(widget=VietnameseNumberInput(grouping=False), **kwargs)


def vocabulary_formfield_kwargs(db_field: models.Field, year_fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """What a model admin passes to a field's `formfield()` so that what is typed in it is read
    by the vocabulary: a number in a Vietnamese text box, a text through `clean_text`; {} for
    any other field (and for a value chosen from a list). A year (a field named `year`,
    `*_year` or listed in `year_fields`) is shown without grouping."""
    if db_field.choices:
        return {}
    # Exactly these two: a slug, an e-mail or a URL keeps its own form field and validation.
    if type(db_field) in (models.CharField, models.TextField):
        return {"form_class": VietnameseTextField}
    year = db_field.name == "year" or db_field.name.endswith("_year") or db_field.name in year_fields
    widget = VietnameseNumberInput(grouping=not year)
    if isinstance(db_field, models.DecimalField):
        return {"form_class": VietnameseDecimalField, "widget": widget}
    if isinstance(db_field, models.IntegerField):
        return {"form_class": VietnameseIntegerField, "widget": widget, "limits": limits_of(db_field)}
    return {}
