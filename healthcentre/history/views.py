"""Admin pages answering history questions. Each factory takes the EventAdmin (for its
permissions and admin context) and returns the view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..importing.formats import ImportFileError
from ..importing.uploads import UploadUnavailable, upload_store
from ..models import (
    Event,
    ImportFailed,
    Organisation,
    Position,
    RankRecord,
    StructureSnapshot,
    UnitName,
    UnitRelation,
)
from ..scoping import organisation_visible
from ..spreadsheets import xlsx_response
from ..vocabulary import ParseError, parse_date
from .asof import lifespans, served_communes, state_on, units_on
from .export import history_workbook
from .lineage import lineage_of
from .svg import render_lineage_svg
from .workbook import SHEET_ORDER, run_workbook_import

# What a unit's history page offers to add to it, each form opening with the unit chosen.
ADDABLE_TO_HISTORY = [
    (Event, gettext_lazy("event")),
    (UnitName, gettext_lazy("name")),
    (UnitRelation, gettext_lazy("authority or parent")),
    (RankRecord, gettext_lazy("rank and beds")),
    (StructureSnapshot, gettext_lazy("structure")),
    (Position, gettext_lazy("position")),
]


def add_to_history_links(admin_site, request, unit) -> list[tuple[str, str]]:
    """(label, url) of each kind of history record the user may add: the add forms' own check."""
    query = urlencode({"organisation": unit.pk})
    return [
        (label, f"{reverse(f'admin:healthcentre_{model._meta.model_name}_add')}?{query}")
        for model, label in ADDABLE_TO_HISTORY
        if admin_site.get_model_admin(model).has_add_permission(request)
    ]


def _check(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied


def _unit(request, pk):
    return get_object_or_404(Organisation.objects.visible_to(request.user).select_related("legacy_district"), pk=pk)


def _day(request, context):
    text = (request.GET.get("on") or "").strip()
    context["on_text"] = text
    if not text:
        return None
    try:
        return parse_date(text)
    except ParseError as exc:
        context["on_error"] = str(exc)
        return None


def history_context(model_admin, request, unit) -> dict:
    def url_for(other):
        if organisation_visible(other, request.user):
            return reverse("admin:healthcentre_unit_history", args=[other.pk])
        return "#"

    lineage = lineage_of(unit)
    involving = (unit.events_as_predecessor.all() | unit.events_as_successor.all() | unit.events.all()).distinct()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "unit": unit,
        "title": _("History of %(unit)s") % {"unit": unit.name},
        "events": involving.select_related("organisation", "decision__issuer")
        .prefetch_related("predecessors", "successors")
        .order_by("date", "code"),
        "names": unit.names.all(),
        "relations": unit.relations.select_related("authority", "decision"),
        "ranks": unit.ranks.all(),
        "structures": unit.structures.all(),
        "positions": unit.positions.select_related("person"),
        "lineage": lineage,
        "lineage_svg": render_lineage_svg(lineage, url_for),
        "add_links": add_to_history_links(model_admin.admin_site, request, unit),
        "span": lifespans([unit.pk]).get(unit.pk),
        "communes": served_communes(unit),
    }
    day = _day(request, context)
    if day:
        context["state"] = state_on(unit, day)
    return context


def unit_history(model_admin):
    def view(request, pk):
        _check(model_admin, request)
        unit = _unit(request, pk)
        return render(request, "healthcentre/history/unit.html", history_context(model_admin, request, unit))

    return view


def unit_print(model_admin):
    def view(request, pk):
        _check(model_admin, request)
        unit = _unit(request, pk)
        return render(request, "healthcentre/history/print.html", history_context(model_admin, request, unit))

    return view


def unit_xlsx(model_admin):
    def view(request, pk):
        _check(model_admin, request)
        unit = _unit(request, pk)
        return xlsx_response(history_workbook(unit), f"lich-su-{slugify(unit.code)}.xlsx")

    return view


def units_on_date(model_admin):
    def view(request):
        _check(model_admin, request)
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": _("Units existing on a date"),
        }
        day = _day(request, context)
        if day:
            context["day"] = day
            context["rows"] = units_on(day, Organisation.objects.visible_to(request.user))
        return render(request, "healthcentre/history/units_on.html", context)

    return view


WORKBOOK_PAGE = "healthcentre/history/import_workbook.html"


def import_workbook(model_admin):
    """The same two steps as every import: the upload is previewed (what each sheet would
    create or change, nothing written) and kept in the upload store; the confirm writes it,
    all or nothing."""

    def view(request):
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": _("Import a history workbook"),
            "sheets": SHEET_ORDER,
        }
        if request.method == "POST" and request.POST.get("confirm"):
            return _confirm_workbook(request, context)
        if request.method == "POST":
            _preview_workbook(request, context)
        return render(request, WORKBOOK_PAGE, context)

    return view


def _preview_workbook(request, context: dict) -> None:
    upload = request.FILES.get("workbook")
    if upload is None:
        context["file_error"] = _("Choose an .xlsx file.")
        return
    data = upload.read()
    try:
        result = run_workbook_import(data, request.user, upload.name, dry_run=True)
    except ImportFileError as exc:
        context["file_error"] = str(exc)
    except ImportFailed as exc:
        messages.error(request, str(exc))
    else:
        context.update(result=result, file_name=upload.name)
        if not result.problems:
            context["token"] = upload_store.save(request.user, data, ".xlsx")


def _confirm_workbook(request, context: dict):
    token, file_name = request.POST.get("token", ""), request.POST.get("file_name", "")
    try:
        result = run_workbook_import(upload_store.read(request.user, token), request.user, file_name)
    except (UploadUnavailable, ImportFileError, ImportFailed) as exc:
        messages.error(request, str(exc))
        return redirect(request.path)
    if result.problems:
        # Something changed since the preview (a unit it names was deleted meanwhile).
        return render(request, WORKBOOK_PAGE, {**context, "result": result})
    upload_store.remove(request.user, token)
    messages.success(request, _("The workbook was imported."))
    return redirect(request.path)
