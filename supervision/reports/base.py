from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.generic import TemplateView

from .texts import LABELS


class AdminReportView(TemplateView):
    """A report page inside the admin: the admin's look, its permissions and its scoping."""

    model_admin = None
    title = ""

    def get_object(self):
        obj = self.model_admin.get_object(self.request, str(self.kwargs["pk"]))
        if obj is None:
            raise Http404
        return obj

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            self.model_admin.admin_site.each_context(self.request),
            opts=self.model_admin.model._meta,
            t=LABELS,
            title=self.title,
        )
        return context
