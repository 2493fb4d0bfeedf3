"""Importing an office's own results table: upload, map once (or be recognised), preview every
cell's meaning, confirm. The file waits between the steps in the one upload store."""

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.importing.opener import ImportFileError
from healthcentre.importing.resources import sha256_of
from healthcentre.importing.uploads import UploadUnavailable, upload_store
from healthcentre.models import ImportFailed, Organisation, OrganisationKind, SheetLayout
from healthcentre.pages import AdminPage
from healthcentre.scoping import organisation_q, organisation_visible

from ..importing.office import (
    ROLES,
    SKIP_ROW,
    TARGET,
    Mapping,
    OfficeWorkbook,
    import_office_workbook,
    is_complete,
    read_office_workbook,
    saved_layout,
    suggested_mapping,
)
from ..models import Indicator
from ..periods import PeriodCodeError, parse_period

REPORTING_KINDS = (
    OrganisationKind.DEPARTMENT_OF_HEALTH,
    OrganisationKind.HEALTH_CENTRE,
    OrganisationKind.COMMUNE_STATION,
)


class UploadForm(forms.Form):
    import_file = forms.FileField(label=gettext_lazy("File (.xlsx or .csv)"))


class MappingForm(forms.Form):
    """The unit and period of the sheet, a role for each column and an indicator for each row,
    each offered with the system's suggestion chosen, for the user to confirm or change."""

    unit = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), to_field_name="code", label=gettext_lazy("unit")
    )
    period = forms.CharField(label=gettext_lazy("period"), help_text=gettext_lazy("2025S1, 2025N9, 2025…"))
    layout_name = forms.CharField(
        label=gettext_lazy("name of this layout"), max_length=200, widget=forms.TextInput(attrs={"size": 60})
    )
    shared = forms.BooleanField(
        label=gettext_lazy("share it with every unit of the province"),
        required=False,
        help_text=gettext_lazy("Kept by the Department of Health, offered to each centre under it."),
    )

    def __init__(self, book: OfficeWorkbook, mapping: Mapping, units: QuerySet, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.book = book
        table = book.first
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].initial = mapping.unit_code
        self.fields["period"].initial = mapping.period
        self.fields["layout_name"].initial = f"{table.sheet}: {table.title[-1] if table.title else ''}"[:200]
        for column in table.columns:
            self.fields[f"column_{column.index}"] = forms.ChoiceField(
                label=f"{column.letter}: {column.heading}",
                choices=ROLES,
                initial=mapping.columns.get(column.letter, ""),
                required=False,
            )
        choices = [
            ("", _("— choose —")),
            (SKIP_ROW, _("not an indicator: leave the row out")),
            *((indicator.code, f"{indicator.name} ({indicator.code})") for indicator in Indicator.objects.all()),
        ]
        for row in book.records:
            self.fields[self.row_field(row)] = forms.ChoiceField(
                label=f"{row.line}: {row.label}", choices=choices, initial=mapping.row_of(row) or ""
            )

    def head_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("unit", "period", "layout_name", "shared")]

    @staticmethod
    def row_field(row: Any) -> str:
        """A row's field, by its line on the first sheet that holds it (row_10 on a one-sheet file)."""
        return f"row_{row.line}"

    def column_fields(self) -> list[forms.BoundField]:
        return [self[f"column_{column.index}"] for column in self.book.first.columns]

    def row_fields(self) -> list[tuple[Any, forms.BoundField]]:
        return [(row, self[self.row_field(row)]) for row in self.book.records]

    def clean_period(self) -> str:
        try:
            return parse_period(self.cleaned_data["period"]).code
        except PeriodCodeError as exc:
            raise forms.ValidationError(str(exc)) from None

    def mapping(self) -> Mapping:
        data = self.cleaned_data
        return Mapping(
            unit_code=data["unit"].code,
            period=data["period"],
            columns={c.letter: data[f"column_{c.index}"] for c in self.book.first.columns},
            rows={row.key: data[self.row_field(row)] for row in self.book.records},
        )


class OfficeImportPage(AdminPage):
    """Upload → (map) → preview → confirm. Nothing is written before the confirm, and the
    confirm reads the file again with the layout the preview showed."""

    permission = "import"
    template_name = "indicators/office_import.html"
    title = gettext_lazy("Import an office's own results table")

    def units(self) -> QuerySet:
        return Organisation.objects.filter(organisation_q(self.request.user), kind__in=REPORTING_KINDS)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        step = request.POST.get("step", "upload")
        if step == "upload":
            return self.upload(request)
        token, file_name = request.POST.get("token", ""), request.POST.get("file_name", "")
        try:
            data = upload_store.read(self.user, token)
        except UploadUnavailable as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        try:
            book = read_office_workbook(data, file_name)
        except ImportFileError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        if step == "remap":
            mapping = suggested_mapping(book, saved_layout(book, self.user), self.units())
            form = MappingForm(book, mapping, self.units())
            return self.render_to_response(
                self.get_context_data(mapping_form=form, token=token, file_name=file_name, book=book)
            )
        if step == "map":
            return self.map(request, book, data, token, file_name)
        return self.confirm(request, book, data, token, file_name)

    def upload(self, request: HttpRequest) -> HttpResponse:
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["import_file"]
        data = b"".join(upload.chunks())
        try:
            book = read_office_workbook(data, upload.name)
        except ImportFileError as exc:
            form.add_error("import_file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        token = upload_store.save(self.user, data, ".csv" if upload.name.lower().endswith(".csv") else ".xlsx")
        layout = saved_layout(book, request.user)
        mapping = suggested_mapping(book, layout, self.units())
        state = {"token": token, "file_name": upload.name, "book": book}
        if layout is not None and is_complete(book, mapping) and self.units().filter(code=mapping.unit_code):
            return self.preview(request, book, mapping, layout, data, state)
        return self.render_to_response(
            self.get_context_data(mapping_form=MappingForm(book, mapping, self.units()), layout=layout, **state)
        )

    def map(self, request: HttpRequest, book: OfficeWorkbook, data: bytes, token: str, file_name: str) -> HttpResponse:
        layout = saved_layout(book, request.user)
        form = MappingForm(book, suggested_mapping(book, layout, self.units()), self.units(), request.POST)
        state = {"token": token, "file_name": file_name, "book": book}
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(mapping_form=form, **state))
        mapping = form.mapping()
        owner = self.layout_owner(form.cleaned_data["unit"], form.cleaned_data["shared"])
        if owner is None:
            form.add_error("shared", _("Only the Department of Health's administrators may share a layout."))
            return self.render_to_response(self.get_context_data(mapping_form=form, **state))
        layout, _created = SheetLayout.objects.update_or_create(
            owner=owner,
            target=TARGET,
            fingerprint=book.first.fingerprint,
            defaults={
                "name": form.cleaned_data["layout_name"],
                "shared": form.cleaned_data["shared"],
                "headings": [column.heading for column in book.first.columns],
                "mapping": mapping.as_json(),
                "created_by": self.user,
            },
        )
        return self.preview(request, book, mapping, layout, data, state)

    def layout_owner(self, unit: Organisation, shared: bool) -> Organisation | None:
        """The unit itself; for a shared layout, the Department of Health of its province, if
        the user's units reach it."""
        if not shared:
            return unit
        department = Organisation.objects.filter(
            kind=OrganisationKind.DEPARTMENT_OF_HEALTH, province=unit.province
        ).first()
        return department if organisation_visible(department, self.request.user) else None

    def preview(
        self,
        request: HttpRequest,
        book: OfficeWorkbook,
        mapping: Mapping,
        layout: SheetLayout,
        data: bytes,
        state: dict[str, Any],
    ) -> HttpResponse:
        try:
            outcome, meanings = import_office_workbook(
                book,
                mapping,
                self.units(),
                file_name=state["file_name"],
                user=request.user,
                dry_run=True,
                file_sha256=sha256_of(data),
            )
        except ImportFailed as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        return self.render_to_response(
            self.get_context_data(outcome=outcome, meanings=meanings, mapping=mapping, layout=layout, **state)
        )

    def confirm(
        self, request: HttpRequest, book: OfficeWorkbook, data: bytes, token: str, file_name: str
    ) -> HttpResponse:
        layout = SheetLayout.objects.usable_by(request.user, TARGET).filter(pk=request.POST.get("layout")).first()
        unit = self.units().filter(code=request.POST.get("unit", "")).first()
        if layout is None or unit is None or layout.fingerprint != book.first.fingerprint:
            messages.error(request, _("The previewed file is no longer available. Upload it again."))
            return HttpResponseRedirect(request.path)
        try:
            period = parse_period(request.POST.get("period", "")).code
        except PeriodCodeError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        mapping = Mapping.of_layout(layout, unit.code, period)
        try:
            outcome, meanings = import_office_workbook(
                book,
                mapping,
                self.units(),
                file_name=file_name,
                user=request.user,
                dry_run=False,
                file_sha256=sha256_of(data),
            )
        except ImportFailed as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        if outcome.problems:
            state = {"token": token, "file_name": file_name, "book": book}
            return self.render_to_response(
                self.get_context_data(outcome=outcome, meanings=meanings, mapping=mapping, layout=layout, **state)
            )
        upload_store.remove(self.user, token)
        messages.success(
            request,
            _("Imported: %(new)s created, %(update)s changed, %(skip)s unchanged.")
            % {"new": outcome.created, "update": outcome.updated, "skip": outcome.unchanged},
        )
        return HttpResponseRedirect(reverse("admin:indicators_datavalue_changelist"))
