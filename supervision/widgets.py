"""Spreadsheet widgets for supervision records: a visit named by its round and station, a
finding by its visit and area, lists of codes that must all exist."""

from typing import Any

from django.utils.translation import gettext as _
from import_export import widgets

from healthcentre.scoping import scope_q
from healthcentre.vocabulary import clean_code

from .models import Finding, Visit


def _text(value: object) -> str:
    """A round or station code as the vocabulary reads codes (an invisible character is refused)."""
    return clean_code(value)


class VisitWidget(widgets.Widget):
    """The visit column is the round's code; the row's station_code column says which visit."""

    def clean(self, value: object, row: dict[str, Any] | None = None, **kwargs: Any) -> Visit:
        round_code, station_code = _text(value), _text((row or {}).get("station_code"))
        if not round_code or not station_code:
            raise ValueError(_("Give both the round code and the station code."))
        visits = Visit.objects.filter(round__code=round_code, station__code=station_code)
        user = kwargs.get("user")
        if user is not None:
            visits = visits.filter(scope_q(Visit, user))
        visit = visits.select_related("round", "station").first()
        if visit is None:
            raise ValueError(
                _("Round “%(round)s” has no visit to the station “%(station)s”.")
                % {"round": round_code, "station": station_code}
            )
        return visit

    def render(self, value: Visit | None, obj: object = None, **kwargs: Any) -> str:
        return value.round.code if value else ""


class FindingWidget(widgets.Widget):
    """The finding an action item comes from, named by its content area code within the row's visit."""

    def clean(self, value: object, row: dict[str, Any] | None = None, **kwargs: Any) -> Finding | None:
        area_code = _text(value)
        if not area_code:
            return None
        visit = VisitWidget().clean((row or {}).get("round_code"), row=row, **kwargs)
        finding = Finding.objects.filter(visit=visit, area__code=area_code).first()
        if finding is None:
            raise ValueError(_("This visit has no findings for the content area “%(code)s”.") % {"code": area_code})
        return finding

    def render(self, value: Finding | None, obj: object = None, **kwargs: Any) -> str:
        return value.area.code if value else ""
