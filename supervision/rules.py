"""Domain rules the admin, the importer and the reports share."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from healthcentre.models import Commune, Organisation
from healthcentre.scoping import Viewer

from .models import Finding, Visit


def served_communes(centre: Organisation) -> QuerySet[Commune]:
    """The communes of today a centre serves: those its former district became, and those of
    its own stations and station points."""
    own = Organisation.objects.filter(path__startswith=centre.path, commune__isnull=False).values("commune")
    served = Commune.objects.filter(pk__in=own)
    if centre.legacy_district_id:
        served = served | centre.communes_since_reform()
    return served.distinct()


def station_outside_served_area(visit: Visit) -> bool:
    """Whether the visited station lies outside the area the supervising unit serves.

    Not forbidden (a centre may be asked to support a neighbour), only worth a warning.
    """
    centre, station = visit.round.supervising_unit, visit.station
    if station.path.startswith(centre.path):
        return False
    if station.commune_id is None:
        return True
    return not served_communes(centre).filter(pk=station.commune_id).exists()


def outside_area_message(visit: Visit) -> str:
    return _("%(station)s is outside the area %(centre)s serves. The visit is kept; check that it is intended.") % {
        "station": visit.station,
        "centre": visit.round.supervising_unit,
    }


def previous_visit(visit: Visit, user: Viewer) -> Visit | None:
    """The latest earlier visit to the same station that `user` may see, by the day it happened
    (or its round's last day). Another centre may supervise the same station: its findings are
    not this user's to read."""
    if not visit.station_id:
        return None
    return (
        Visit.objects.visible_to(user)
        .with_day_visited()
        .filter(station_id=visit.station_id, day_visited__lt=visit.visited_on)
        .exclude(pk=visit.pk)
        .select_related("round")
        .order_by("-day_visited", "-pk")
        .first()
    )


def previous_findings(visit: Visit, user: Viewer) -> dict[int, Finding]:
    """The previous visit's findings for the same station, by content area id."""
    before = previous_visit(visit, user)
    if before is None:
        return {}
    return {f.area_id: f for f in Finding.objects.filter(visit=before).select_related("area", "visit__round")}
