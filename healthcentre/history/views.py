"""Admin pages answering history questions, mounted on the EventAdmin (its permissions)."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
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
from ..pages import AdminPage
from ..vocabulary import ParseError, parse_date
from .asof import lifespans, served_communes, state_on, units_on
from .document import history_frame, write_history
from .export import history_workbook
from .lineage import lineage_of
from .svg import linked_lineage_svg
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
        (str(label), f"{reverse(f'admin:healthcentre_{model._meta.model_name}_add')}?{query}")
        for model, label in ADDABLE_TO_HISTORY
        if admin_site.get_model_admin(model).has_add_permission(request)
    ]


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


def history_context(admin_site, request, unit) -> dict:
    """What a unit's history page shows (and its printout): its events, names, relations,
    ranks, structures and positions, its lineage, and its state on the day asked (?on=)."""
    lineage = lineage_of(unit)
    # The whole lineage the page draws: the events of the unit itself, those it took part in, and
    # those of the units it came from or led to (Tân Yên's 2005 and 2006 splits made its predecessors).
    involving = Event.objects.filter(
        Q(pk__in={edge.event.pk for edge in lineage.edges})
        | Q(organisation=unit)
        | Q(predecessors=unit)
        | Q(successors=unit)
    ).distinct()
    context = {
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
        "lineage_svg": linked_lineage_svg(lineage, request.user, "healthcentre_unit_history"),
        "add_links": add_to_history_links(admin_site, request, unit),
        "span": lifespans([unit.pk]).get(unit.pk),
        "communes": served_communes(unit),
    }
    day = _day(request, context)
    if day:
        context["state"] = state_on(unit, day)
    return context


# A unit's history page, its printout, its workbook and its document.
UNIT_VARIANTS = ("page", "print", "xlsx", "docx")


class UnitHistoryPage(AdminPage):
    """A unit's history, its printout and its workbook (the sheets the workbook import reads)."""

    template_name = "healthcentre/history/unit.html"
    print_template_name = "healthcentre/history/print.html"

    def get_context_data(self, **kwargs):
        unit = get_object_or_404(self.visible(Organisation).select_related("legacy_district"), pk=kwargs["pk"])
        if self.variant == "xlsx":
            return super().get_context_data(unit=unit, **kwargs)
        return super().get_context_data(**history_context(self.model_admin.admin_site, self.request, unit), **kwargs)

    def workbook(self, context):
        return history_workbook(context["unit"])

    def frame(self, context):
        return history_frame(context["unit"])

    def write_document(self, document, context):
        write_history(document, context)

    def file_name(self, context):
        return f"lich-su-{slugify(context['unit'].code)}.xlsx"


class UnitsOnPage(AdminPage):
    template_name = "healthcentre/history/units_on.html"
    title = gettext_lazy("Units existing on a date")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        day = _day(self.request, context)
        if day:
            context["day"] = day
            context["rows"] = units_on(day, self.visible(Organisation))
        return context


class WorkbookImportPage(AdminPage):
    """The same two steps as every import: the upload is previewed (what each sheet would
    create or change, nothing written) and kept in the upload store; the confirm writes it,
    all or nothing."""

    permission = "add"
    template_name = "healthcentre/history/import_workbook.html"
    title = gettext_lazy("Import a history workbook")

    def post(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if request.POST.get("confirm"):
            return _confirm_workbook(request, context, self)
        _preview_workbook(request, context)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sheets=SHEET_ORDER, **kwargs)


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


def _confirm_workbook(request, context: dict, page: AdminPage):
    token, file_name = request.POST.get("token", ""), request.POST.get("file_name", "")
    try:
        result = run_workbook_import(upload_store.read(request.user, token), request.user, file_name)
    except (UploadUnavailable, ImportFileError, ImportFailed) as exc:
        messages.error(request, str(exc))
        return redirect(request.path)
    if result.problems:
        # Something changed since the preview (a unit it names was deleted meanwhile).
        return page.render_to_response({**context, "result": result})
    upload_store.remove(request.user, token)
    messages.success(request, _("The workbook was imported."))
    return redirect(request.path)
