"""Report pages reached from the award records' admin (see admin/records.py get_urls)."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.models import Organisation, Person
from healthcentre.pages import AdminPage

from . import reports, rules
from .forms import EligibilityForm, ReportForm
from .models import AwardRecord
from .xlsx import summary_workbook


class ReportPage(AdminPage):
    """The awards of a year for a unit or a province, with their bonuses; ?format=xlsx downloads it."""

    template_name = "awards/report.html"
    title = gettext_lazy("Awards report")

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            self.variant = "xlsx"
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        request = self.request
        form = ReportForm(request.GET or None, user=request.user)
        summary = scope_label = unknown_year = None
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            records = reports.filtered(
                self.visible(AwardRecord), year=data["year"], unit=data["unit"], province=data["province"]
            )
            summary = reports.summarise(records, data["base_salary"])
            if data["year"]:
                unknown = reports.of_unknown_year(
                    self.visible(AwardRecord), unit=data["unit"], province=data["province"]
                )
                unknown_year = reports.summarise(unknown, data["base_salary"]) if unknown.exists() else None
            scope_label = " — ".join(
                str(part) for part in [data["unit"] or data["province"] or _("all your units"), data["year"]] if part
            )
        elif self.variant == "xlsx":
            self.variant = "page"  # nothing to download until the form is valid: show its errors
        return super().get_context_data(
            form=form,
            summary=summary,
            unknown_year=unknown_year,
            scope_label=scope_label,
            base_salary=form.cleaned_data.get("base_salary") if summary else None,
            query=request.GET.urlencode(),
            **kwargs,
        )

    def workbook(self, context):
        return summary_workbook(context["summary"], context["scope_label"], context["base_salary"])

    def file_name(self, context):
        return "khen-thuong.xlsx"


class EligibilityPage(AdminPage):
    template_name = "awards/eligibility.html"
    title = gettext_lazy("Eligible for the next level")

    def get_context_data(self, **kwargs):
        form = EligibilityForm(self.request.GET or None)
        found = None
        if form.is_bound and form.is_valid():
            found = rules.newly_eligible(form.cleaned_data["year"], self.visible(AwardRecord))
        return super().get_context_data(form=form, found=found, **kwargs)


class HistoryPage(AdminPage):
    """Every award a unit or a person received, each with what the law's checks say of it."""

    template_name = "awards/history.html"

    def get_context_data(self, **kwargs):
        kind, code = kwargs["kind"], kwargs["code"]
        visible = self.visible(AwardRecord)
        if kind == "unit":
            subject = self.get_record(Organisation, code=code)
            records = visible.filter(recipient_unit=subject) | visible.filter(organisation=subject)
        elif kind == "person":
            subject = self.get_record(Person, code=code)
            records = visible.filter(recipient_person=subject)
        else:
            raise Http404
        rows = [(record, rules.check(record)) for record in reports.history(records.distinct())]
        return super().get_context_data(
            title=_("Award history: %(subject)s") % {"subject": subject}, subject=subject, rows=rows, **kwargs
        )
