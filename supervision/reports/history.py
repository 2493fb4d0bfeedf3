"""A station's history of supervision visits, with its action items and overdue ones marked."""

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from healthcentre.models import Organisation
from healthcentre.scoping import organisation_visible

from ..models import ActionItem, Visit
from ..planning import station_plans
from .base import AdminReportView


class StationHistoryView(AdminReportView):
    template_name = "supervision/station_history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        station = Organisation.objects.filter(pk=self.kwargs["station_id"]).first()
        visits = Visit.objects.visible_to(user).filter(station=station) if station else Visit.objects.none()
        if station is None or not (organisation_visible(station, user) or visits.exists()):
            raise Http404
        listed = list(
            visits.with_day_visited()
            .select_related("round__supervising_unit")
            .prefetch_related("findings__area", "round__team__person")
            .order_by("-day_visited", "-pk")
        )
        actions = list(
            ActionItem.objects.filter(visit__in=listed)
            .select_related("visit__round", "responsible_unit")
            .order_by("due_date", "number")
        )
        by_visit: dict[int, list[ActionItem]] = {}
        for action in actions:
            by_visit.setdefault(action.visit_id, []).append(action)
        plan = station_plans(Organisation.objects.filter(pk=station.pk))
        self.title = _("Station history: %(station)s") % {"station": station.name}
        context = super().get_context_data(**kwargs)
        context.update(
            station=station,
            visits=[(visit, by_visit.get(visit.pk, [])) for visit in listed],
            open_actions=[a for a in actions if not a.is_closed],
            plan=plan[0] if plan else None,
            today=timezone.localdate(),
        )
        return context
