"""Admin pages of the indicators app: the import (two layouts, preview then confirm), the
blank report-layout template, the report (page, print, xlsx) and the rule violations."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.importing.formats import ImportFileError
from healthcentre.importing.resources import sha256_of
from healthcentre.importing.uploads import UploadUnavailable, upload_store
from healthcentre.models import ImportFailed, Organisation, Province
from healthcentre.pages import AdminPage
from healthcentre.scoping import membership_of, organisation_q

from ..charts import bar_chart
from ..importing.long import import_long
from ..importing.report_layout import import_report_layout, template_workbook
from ..periods import PeriodCodeError, default_period, label_of, parse_period
from ..presentation import number_text
from ..report_docx import report_frame, report_table, write_report
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


def _suffix(file_name: str) -> str:
    return ".csv" if file_name.lower().endswith(".csv") else ".xlsx"


def _previewed_upload(request, token: str) -> bytes | None:
    """The file this user previewed under `token`; None once it is gone (confirmed, expired)
    or when the token is not one of theirs."""
    try:
        return upload_store.read(request.user, token)
    except UploadUnavailable:
        return None


class ImportPage(AdminPage):
    """Step 1 uploads and previews (nothing written); step 2 confirms the same file."""

    permission = "import"
    template_name = "indicators/import.html"
    title = gettext_lazy("Import indicator values")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            template_url=reverse("admin:indicators_template"), template_form=TemplateForm(self.request.user), **kwargs
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm"):
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        context = self.get_context_data(form=form)
        if form.is_valid():
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
        return self.render_to_response(context)

    def confirm(self, request):
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
        return self.render_to_response(self.get_context_data(form=ImportForm(), outcome=outcome))


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


class ReportPage(AdminPage):
    """The report of a unit or a province for a period, and its xlsx."""

    template_name = "indicators/report.html"
    print_template_name = "indicators/report_print.html"
    title = gettext_lazy("Indicator report")

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if self.variant != "page" and context["report"] is None:
            return HttpResponseRedirect(reverse("admin:indicators_report") + "?" + request.GET.urlencode())
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        form, report = _report_for(self.request)
        context = super().get_context_data(form=form, report=report, **kwargs)
        if report is not None and self.variant == "page":
            context["rows"] = [
                {
                    "row": row,
                    "chart": bar_chart(row.breakdown.name if row.breakdown else row.indicator.name, row.history),
                }
                for row in report.rows
            ]
            query = self.request.GET.copy()
            query["period"] = report.period.code
            context["query"] = query.urlencode()
            context["number_text"] = number_text
        if report is not None and self.variant == "print":
            context["table"] = report_table(report)
        return context

    def workbook(self, context):
        return report_workbook(context["report"])

    def frame(self, context):
        data = context["form"].cleaned_data
        return report_frame(context["report"], data["unit"], data["province"])

    def write_document(self, document, context):
        write_report(document, context["report"])

    def file_name(self, context):
        """ "bao-cao-TTYT-LAICHAU-2025S1.xlsx", or a province's by its name: which units, which period."""
        data = context["form"].cleaned_data
        scope = data["unit"].code if data["unit"] else slugify(data["province"].name)
        return f"bao-cao-{scope}-{context['report'].period.code}.xlsx"


class TemplateForm(forms.Form):
    """Which blank report-layout sheet to download: one of the user's units and a period."""

    unit = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=gettext_lazy("unit"))
    period = forms.CharField(
        label=gettext_lazy("period"), help_text=gettext_lazy("2025, 2025S1, 2025N9, 2025Q3 or 202507."), max_length=12
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Organisation.objects.filter(organisation_q(user)).order_by("name")
        self.fields["unit"].queryset = visible
        self.fields["unit"].to_field_name = "code"
        if not self.is_bound:
            unit = default_template_unit(user, visible)
            units = visible.filter(pk=unit.pk) if unit else visible
            self.initial = {"unit": unit.code if unit else None, "period": default_period(units)}

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"]).code
        except PeriodCodeError as exc:
            raise forms.ValidationError(str(exc)) from None


def default_template_unit(user, visible) -> Organisation | None:
    """The user's own unit, else the first health centre they may see."""
    membership = membership_of(user)
    if membership is not None and visible.filter(pk=membership.organisation_id).exists():
        return membership.organisation
    return visible.filter(kind="health_centre").first()


class TemplatePage(AdminPage):
    """The blank report-layout sheet for the unit and period chosen on the import page (the
    user's own unit and its latest period by default)."""

    variant = "xlsx"

    def get(self, request, *args, **kwargs):
        form = TemplateForm(request.user, request.GET or None)
        if not form.is_bound:
            unit_code, period = form.initial["unit"], form.initial["period"]
            if unit_code is None:
                raise PermissionDenied
            form = TemplateForm(request.user, {"unit": unit_code, "period": period})
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return HttpResponseRedirect(reverse("admin:indicators_datavalue_import"))
        return self.render_to_response({"unit": form.cleaned_data["unit"], "period": form.cleaned_data["period"]})

    def workbook(self, context):
        return template_workbook(context["unit"], context["period"])

    def file_name(self, context):
        return f"mau-bao-cao-{context['unit'].code}-{context['period']}.xlsx"


class ViolationsPage(AdminPage):
    template_name = "indicators/violations.html"
    title = gettext_lazy("Rule violations and outliers")

    def get_context_data(self, **kwargs):
        request = self.request
        form = ReportForm(request.user, request.GET or None)
        context = super().get_context_data(form=form, **kwargs)
        if request.GET and form.is_valid() and (form.cleaned_data["unit"] or form.cleaned_data["province"]):
            unit, province = form.cleaned_data["unit"], form.cleaned_data["province"]
            organisations = organisations_for(request.user, unit=unit, province=province if unit is None else None)
            period = form.cleaned_data["period"] or default_period(organisations)
            context["period_label"] = label_of(period)
            context["violations"] = find_violations(organisations, period)
        return context
