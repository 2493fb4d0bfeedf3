"""The profile page, its printable twin and its xlsx, as admin views of the organisation admin."""

import datetime as dt

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from healthcentre.forms import year_field
from healthcentre.history.svg import linked_lineage_svg
from healthcentre.models import Organisation
from healthcentre.pages import AdminPage

from .build import build_profile
from .docx import profile_frame, write_profile
from .xlsx import profile_workbook

FIRST_YEAR = 1900


class PeriodForm(forms.Form):
    start = year_field(label=_("from year"), min_value=FIRST_YEAR, max_value=2100)
    end = year_field(label=_("to year"), min_value=FIRST_YEAR, max_value=2100)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The first year comes after the last."))
        return cleaned


def _period(request, unit):
    this_year = dt.date.today().year
    # From the unit's founding (Tân Yên: 2019), and at least the last full year.
    founded = unit.events.order_by("date").values_list("date__year", flat=True).first()
    default_start = min(founded or this_year, this_year - 1)
    form = PeriodForm(request.GET or None, initial={"start": default_start, "end": this_year})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, default_start, this_year


class ProfilePage(AdminPage):
    """The unit's profile for a span of years, its printout and its xlsx."""

    template_name = "unitprofile/page.html"
    print_template_name = "unitprofile/print.html"

    def get_context_data(self, **kwargs):
        unit = self.get_record(Organisation, pk=kwargs["pk"])
        form, start, end = _period(self.request, unit)
        profile = build_profile(unit, start, end)

        return super().get_context_data(
            original=unit,
            title=_("Profile of %(unit)s, %(period)s") % {"unit": unit.name, "period": profile.period_text},
            profile=profile,
            form=form,
            query=self.request.GET.urlencode(),
            lineage_svg=linked_lineage_svg(profile.lineage, self.request.user, "healthcentre_organisation_profile"),
            **kwargs,
        )

    def workbook(self, context):
        return profile_workbook(context["profile"])

    def frame(self, context):
        return profile_frame(context["profile"], context["title"])

    def write_document(self, document, context):
        write_profile(document, context["profile"])

    def file_name(self, context):
        profile = context["profile"]
        return f"ho-so-{slugify(profile.unit.code)}-{profile.start_year}-{profile.end_year}.xlsx"
