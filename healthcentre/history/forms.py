"""Admin forms that take a partial date as one text box, written as users write it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..vocabulary import ParseError, format_partial_date, parse_partial_date

PARTIAL_HELP = _("As written: 1958, 7/2013 or 01/5/2005.")


class PartialDatesForm(forms.ModelForm):
    """Each entry of `partial_dates` maps a text box to a (date, precision) pair of the model."""

    partial_dates: dict[str, tuple[str, str]] = {}
    required_dates: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for box, (date_attr, precision_attr) in self.partial_dates.items():
            if box in self.fields:
                self.initial.setdefault(
                    box, format_partial_date(getattr(self.instance, date_attr), getattr(self.instance, precision_attr))
                )

    def clean(self):
        cleaned = super().clean()
        for box, (date_attr, precision_attr) in self.partial_dates.items():
            if box not in self.fields:
                continue
            try:
                parsed = parse_partial_date(cleaned.get(box))
            except ParseError as exc:
                self.add_error(box, str(exc))
                continue
            if parsed is None and box in self.required_dates:
                self.add_error(box, _("Enter the date, e.g. 1958, 7/2013 or 01/5/2005."))
                continue
            date, precision = parsed if parsed else (None, "")
            setattr(self.instance, date_attr, date)
            setattr(self.instance, precision_attr, precision)
        return cleaned

    def _update_errors(self, errors):
        # The model reports problems on its date fields; show them on the text box that set them.
        boxes = {date_attr: box for box, (date_attr, _precision) in self.partial_dates.items()}
        if hasattr(errors, "error_dict"):
            errors.error_dict = {boxes.get(k, k): v for k, v in errors.error_dict.items()}
        super()._update_errors(errors)


class DatedFactForm(PartialDatesForm):
    partial_dates = {"start_text": ("start", "start_precision"), "end_text": ("end", "end_precision")}
    start_text = forms.CharField(label=_("from"), required=False, help_text=PARTIAL_HELP)
    end_text = forms.CharField(label=_("until"), required=False, help_text=PARTIAL_HELP)


class EventForm(PartialDatesForm):
    partial_dates = {"date_text": ("date", "date_precision")}
    required_dates = ("date_text",)
    date_text = forms.CharField(label=_("date"), required=False, help_text=PARTIAL_HELP)

    def clean(self):
        cleaned = super().clean()
        # The history rules need the links the form is about to save, not the stored ones.
        self.instance.pending_predecessors = list(cleaned.get("predecessors") or [])
        self.instance.pending_successors = list(cleaned.get("successors") or [])
        return cleaned
