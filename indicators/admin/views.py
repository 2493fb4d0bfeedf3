"""Admin pages of the indicators app: the import (two layouts, preview then confirm), the
blank report-layout template, the report (page, print, xlsx) and the rule violations."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.importing.formats import ImportFileError
from healthcentre.importing.resources import sha256_of
from healthcentre.importing.uploads import UploadUnavailable, upload_store
from healthcentre.models import ImportFailed, Organisation, Province
from healthcentre.scoping import organisation_q
from healthcentre.spreadsheets import xlsx_response

from ..charts import bar_chart
from ..importing.long import import_long
from ..importing.report_layout import import_report_layout, template_workbook
from ..models import DataValue, PeriodKind
from ..periods import PeriodCodeError, label_of, parse_period
from ..presentation import number_text
from ..report_xlsx import report_workbook
from ..reports import build_report, organisations_for
from ..violations import find_violations

LAYOUTS = {"long": import_long, "report": import_report_layout}


class ImportForm(forms.Form):
    layout = forms.ChoiceField(
        label=gettext_lazy("layout"),
        choices=[
            ("long", gettext_lazy("One figure per row (unit_code, indicator_code, period, value…)")),
            ("report", gettext_lazy("Report layout (one sheet per unit and period, from the blank template)")),
        ],
        initial="long",
        widget=forms.RadioSelect,
    )
    import_file = forms.FileField(label=gettext_lazy("File (.xlsx or .csv)"))


def _admin_context(model_admin, request, title):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
    }


def _suffix(file_name: str) -> str:
    return ".csv" if file_name.lower().endswith(".csv") else ".xlsx"


def _previewed_upload(request, token: str) -> bytes | None:
    """The file this user previewed under `token`; None once it is gone (confirmed, expired)
    or when the token is not one of theirs."""
    try:
        return upload_store.read(request.user, token)
    except UploadUnavailable:
        return None


def import_view(model_admin, request):
    """Step 1 uploads and previews (nothing written); step 2 confirms the same file."""
    if not model_admin.has_import_permission(request):
        raise PermissionDenied
    context = _admin_context(model_admin, request, _("Import indicator values"))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("confirm"):
        token, layout, file_name = (
            request.POST.get("token", ""),
            request.POST.get("layout", ""),
            request.POST.get("file_name", ""),
        )
        data = _previewed_upload(request, token)
        if data is None or layout not in LAYOUTS:
            messages.error(request, _("The previewed file is no longer available. Upload it again."))
            return HttpResponseRedirect(request.path)
        try:
            outcome = LAYOUTS[layout](
                data, file_name=file_name, user=request.user, dry_run=False, file_sha256=sha256_of(data)
            )
        except ImportFailed as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        if not outcome.problems:
            upload_store.remove(request.user, token)
            messages.success(
                request,
                _("Imported: %(new)s created, %(update)s changed, %(skip)s unchanged.")
                % {"new": outcome.created, "update": outcome.updated, "skip": outcome.unchanged},
            )
            return HttpResponseRedirect(reverse("admin:indicators_datavalue_changelist"))
        return render(request, "indicators/import.html", {**context, "form": ImportForm(), "outcome": outcome})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["import_file"]
        data = b"".join(upload.chunks())
        layout = form.cleaned_data["layout"]
        try:
            outcome = LAYOUTS[layout](
                data, file_name=upload.name, user=request.user, dry_run=True, file_sha256=sha256_of(data)
            )
        except ImportFileError as exc:
            form.add_error("import_file", str(exc))
        except ImportFailed as exc:
            messages.error(request, str(exc))
        else:
            if not outcome.problems:
                context["token"] = upload_store.save(request.user, data, _suffix(upload.name))
            context.update(outcome=outcome, layout=layout, file_name=upload.name)
    context.update(form=form, template_url=reverse("admin:indicators_template"))
    return render(request, "indicators/import.html", context)


def default_period(organisations) -> str:
    """The latest half-year the units reported, else the last half-year that has ended."""
    latest = (
        DataValue.objects.filter(organisation__in=organisations.values("id"), period__kind=PeriodKind.HALF_YEAR)
        .order_by("-period__end")
        .values_list("period__code", flat=True)
        .first()
    )
    if latest:
        return latest
    today = dt.date.today()
    return f"{today.year}S1" if today.month > 6 else f"{today.year - 1}S2"


class ReportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False, label=gettext_lazy("unit"))
    province = forms.ModelChoiceField(
        queryset=Province.objects.none(), required=False, label=gettext_lazy("or a whole province")
    )
    period = forms.CharField(
        required=False,
        label=gettext_lazy("period"),
        help_text=gettext_lazy("2025, 2025S1, 2025N9, 2025Q3 or 202507."),
        max_length=12,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Organisation.objects.filter(organisation_q(user))
        self.fields["unit"].queryset = visible.order_by("name")
        self.fields["unit"].to_field_name = "code"
        self.fields["province"].queryset = Province.objects.filter(organisations__in=visible.values("id")).distinct()

    def clean_period(self):
        code = self.cleaned_data.get("period")
        if not code:
            return ""
        try:
            return parse_period(code).code
        except PeriodCodeError as exc:
            raise forms.ValidationError(str(exc)) from None


def _report_for(request):
    """The report the query string asks for, or (form, None) when it asks for nothing valid."""
    form = ReportForm(request.user, request.GET or None)
    if not request.GET or not form.is_valid():
        return form, None
    unit, province = form.cleaned_data["unit"], form.cleaned_data["province"]
    if unit is None and province is None:
        form.add_error("unit", _("Choose a unit or a province."))
        return form, None
    organisations = organisations_for(request.user, unit=unit, province=province if unit is None else None)
    period = form.cleaned_data["period"] or default_period(organisations)
    title = unit.name if unit is not None else province.name
    return form, build_report(organisations, period, title=title)


def report_view(request):
    from django.contrib import admin

    model_admin = admin.site.get_model_admin(DataValue)
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form, report = _report_for(request)
    context = _admin_context(model_admin, request, _("Indicator report"))
    context.update(form=form, report=report)
    if report is not None:
        context["rows"] = [
            {
                "row": row,
                "chart": bar_chart(row.breakdown.name if row.breakdown else row.indicator.name, row.history),
            }
            for row in report.rows
        ]
        query = request.GET.copy()
        query["period"] = report.period.code
        context["query"] = query.urlencode()
        context["number_text"] = number_text
    return render(request, "indicators/report.html", context)


def report_xlsx_view(request):
    from django.contrib import admin

    if not admin.site.get_model_admin(DataValue).has_view_permission(request):
        raise PermissionDenied
    _form, report = _report_for(request)
    if report is None:
        return HttpResponseRedirect(reverse("admin:indicators_report") + "?" + request.GET.urlencode())
    return xlsx_response(report_workbook(report), f"bao-cao-{report.period.code}.xlsx")


def template_view(request):
    """The blank report-layout sheet for a unit and a period (the user's own unit by default)."""
    from django.contrib import admin

    from healthcentre.scoping import membership_of

    model_admin = admin.site.get_model_admin(DataValue)
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    visible = Organisation.objects.filter(organisation_q(request.user))
    code = request.GET.get("unit")
    membership = membership_of(request.user)
    unit = visible.filter(code=code).first() if code else (membership.organisation if membership else None)
    unit = unit or visible.filter(kind="health_centre").order_by("name").first()
    if unit is None:
        raise PermissionDenied
    try:
        period = parse_period(request.GET.get("period") or default_period(visible.filter(pk=unit.pk))).code
    except PeriodCodeError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("admin:indicators_datavalue_import"))
    return xlsx_response(template_workbook(unit, period), f"mau-bao-cao-{unit.code}-{period}.xlsx")


def violations_view(request):
    from django.contrib import admin

    model_admin = admin.site.get_model_admin(DataValue)
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = ReportForm(request.user, request.GET or None)
    context = _admin_context(model_admin, request, _("Rule violations and outliers"))
    context["form"] = form
    if request.GET and form.is_valid() and (form.cleaned_data["unit"] or form.cleaned_data["province"]):
        unit, province = form.cleaned_data["unit"], form.cleaned_data["province"]
        organisations = organisations_for(request.user, unit=unit, province=province if unit is None else None)
        period = form.cleaned_data["period"] or default_period(organisations)
        context["period_label"] = label_of(period)
        context["violations"] = find_violations(organisations, period)
    return render(request, "indicators/violations.html", context)
