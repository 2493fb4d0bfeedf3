"""Report pages reached from the award records' admin (see admin/records.py get_urls)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from healthcentre.models import Organisation, Person
from healthcentre.spreadsheets import xlsx_response

from . import reports, rules
from .forms import EligibilityForm, ReportForm
from .models import AwardRecord
from .xlsx import summary_workbook


def _context(model_admin, request, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **extra,
    }


def report(model_admin, request):
    form = ReportForm(request.GET or None, user=request.user)
    summary = scope_label = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        records = reports.filtered(
            AwardRecord.objects.visible_to(request.user),
            year=data["year"],
            unit=data["unit"],
            province=data["province"],
        )
        summary = reports.summarise(records, data["base_salary"])
        scope_label = " — ".join(
            str(part) for part in [data["unit"] or data["province"] or _("all your units"), data["year"]] if part
        )
        if request.GET.get("format") == "xlsx":
            content = summary_workbook(summary, scope_label, data["base_salary"])
            return xlsx_response(content, "khen-thuong.xlsx")
    context = _context(
        model_admin,
        request,
        _("Awards report"),
        form=form,
        summary=summary,
        scope_label=scope_label,
        base_salary=form.cleaned_data.get("base_salary") if summary else None,
        query=request.GET.urlencode(),
    )
    return TemplateResponse(request, "awards/report.html", context)


def eligibility(model_admin, request):
    form = EligibilityForm(request.GET or None)
    found = None
    if form.is_bound and form.is_valid():
        found = rules.newly_eligible(form.cleaned_data["year"], AwardRecord.objects.visible_to(request.user))
    context = _context(model_admin, request, _("Eligible for the next level"), form=form, found=found)
    return TemplateResponse(request, "awards/eligibility.html", context)


def history(model_admin, request, kind, code):
    visible = AwardRecord.objects.visible_to(request.user)
    if kind == "unit":
        subject = get_object_or_404(Organisation.objects.visible_to(request.user), code=code)
        records = visible.filter(recipient_unit=subject) | visible.filter(organisation=subject)
    elif kind == "person":
        subject = get_object_or_404(Person.objects.visible_to(request.user), code=code)
        records = visible.filter(recipient_person=subject)
    else:
        raise Http404
    rows = [(record, rules.check(record)) for record in reports.history(records.distinct())]
    context = _context(
        model_admin,
        request,
        _("Award history: %(subject)s") % {"subject": subject},
        subject=subject,
        kind=kind,
        rows=rows,
    )
    return TemplateResponse(request, "awards/history.html", context)
