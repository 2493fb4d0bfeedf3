"""Admin pages answering history questions. Each factory takes the EventAdmin (for its
permissions and admin context) and returns the view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..importing.formats import ImportFileError
from ..importing.parsing import ParseError, parse_date
from ..models import Event, Organisation, Position, RankRecord, StructureSnapshot, UnitName, UnitRelation
from ..scoping import organisation_visible
from ..spreadsheets import xlsx_response
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


def import_workbook(model_admin):
    def view(request):
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": _("Import a history workbook"),
            "sheets": SHEET_ORDER,
        }
        upload = request.FILES.get("workbook")
        if request.method == "POST" and upload is None:
            context["file_error"] = _("Choose an .xlsx file.")
        elif request.method == "POST":
            data = upload.read()
            try:
                result = run_workbook_import(data, request.user, upload.name, bool(request.POST.get("preview")))
            except ImportFileError as exc:
                context["file_error"] = str(exc)
            else:
                context["result"] = result
                if result.committed:
                    messages.success(request, _("The workbook was imported."))
        return render(request, "healthcentre/history/import_workbook.html", context)

    return view
