"""The planning page: when each station is next due, and which were not visited within an interval."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.forms import VietnameseIntegerField
from healthcentre.models import Organisation

from ..planning import DEFAULT_INTERVAL_MONTHS, not_visited_within, station_plans
from .base import AdminReportView


class IntervalForm(forms.Form):
    months = VietnameseIntegerField(
        label=gettext_lazy("Interval (months)"), min_value=1, max_value=120, initial=DEFAULT_INTERVAL_MONTHS
    )


class PlanningView(AdminReportView):
    template_name = "supervision/planning.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form = IntervalForm(self.request.GET or None)
        months = form.cleaned_data["months"] if form.is_valid() else DEFAULT_INTERVAL_MONTHS
        today = timezone.localdate()
        stations = Organisation.objects.visible_to(self.request.user)
        self.title = _("Supervision planning")
        context = super().get_context_data(**kwargs)
        context.update(
            form=form,
            months=months,
            today=today,
            overdue_stations=not_visited_within(stations, months, today),
            plans=station_plans(stations, months),
        )
        return context
