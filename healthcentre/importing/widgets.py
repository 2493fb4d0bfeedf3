"""django-import-export widgets that read what Vietnamese users type and explain refusals.

A widget raising ValueError becomes an error on its own column in the preview, so every
message here names the problem in the user's language.
"""

from django.utils.translation import gettext as _
from import_export import widgets

from . import parsing


class VNDecimalWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        return parsing.parse_decimal(value)


class VNIntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        return parsing.parse_integer(value)


class VNDateWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        return parsing.parse_date(value)


class ChoiceWidget(widgets.Widget):
    """Accepts a choice by its code or by its label in either language; exports the code."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return ""
        text = str(value).strip()
        for code, label in self.choices.choices:
            if text.casefold() in {str(code).casefold(), str(label).casefold()}:
                return code
        allowed = ", ".join(str(code) for code, _label in self.choices.choices if code)
        raise ValueError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": text, "allowed": allowed})

    def render(self, value, obj=None, **kwargs):
        return value or ""


def citable_q(model, user, reference: bool = False):
    """The records of `model` an importing user may name by code: for a model owned by units,
    those of the user's own units, or with `reference` any body of their province (an issuer,
    an authority); for a shared catalogue, every entry. A record outside reads as not existing,
    so the message tells an outsider nothing of what other units hold."""
    from django.db.models import Q

    from ..scoping import reference_q, scope_q

    if user is None:
        return Q()
    return reference_q(user) if reference else scope_q(model, user)


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related record's code, e.g. TTYT-TANYEN, resolved only
    among the records the user may cite (`citable_q`)."""

    def __init__(self, model, field="code", reference=False, **kwargs):
        self.reference = reference
        super().__init__(model, field=field, **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        queryset = super().get_queryset(value, row, *args, **kwargs)
        return queryset.filter(citable_q(self.model, kwargs.get("user"), self.reference))

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        code = str(value).strip()
        try:
            return self.get_queryset(code, row, **kwargs).get(**{self.field: code})
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s has the code “%(code)s”.") % {"model": self.model._meta.verbose_name, "code": code}
            ) from None


class CodesWidget(widgets.ManyToManyWidget):
    """Several codes in one cell, separated by ";", each resolved as CodeWidget resolves one.
    Unlike the stock widget, an unknown code is an error, not silently dropped."""

    def __init__(self, model, field="code", reference=False, **kwargs):
        self.reference = reference
        super().__init__(model, separator=";", field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value)
        codes = list(dict.fromkeys(c.strip() for c in text.split(self.separator) if c.strip()))
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

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(o, self.field)) for o in value.all()))


class YesNoWidget(widgets.Widget):
    """A yes/no column: "có", "x", "1", "true", "yes" are yes; an empty cell, "không", "0" are no."""

    YES = {"có", "co", "x", "1", "true", "yes", "đúng"}
    NO = {"", "không", "khong", "0", "false", "no", "sai"}

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().casefold()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(_("“%(value)s” is not yes or no; write “có” or leave the cell empty.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "có" if value else ""
