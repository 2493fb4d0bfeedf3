from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..importing.undo import UndoRefused, may_undo, undo_import
from ..models import ImportRun
from ..pages import AdminPage
from .readonly import ReadOnlyAdminMixin


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The log of uploads. Nobody edits it; a user sees their own uploads, a superuser all.
    A committed upload can be undone from its page by its user or a superuser."""

    list_display = [
        "started_at",
        "user",
        "target",
        "file_name",
        "status",
        "rows_created",
        "rows_updated",
        "rows_unchanged",
        "error_count",
    ]
    list_filter = ["status", "target"]
    list_select_related = ["user"]
    search_fields = ["file_name", "file_sha256"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
    change_form_template = "admin/healthcentre/importrun/change_form.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def changelist_view(self, request, extra_context=None):
        # A run its dead process left "running" is shown as what it is: failed.
        ImportRun.objects.fail_abandoned()
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [UndoImportPage.path(self, "<path:object_id>/undo/", "healthcentre_importrun_undo"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {}), "may_undo": run is not None and may_undo(run, request.user)}
        return super().change_view(request, object_id, form_url, extra_context)


class UndoImportPage(AdminPage):
    """GET asks for confirmation; POST undoes the import, or says in a message why not."""

    template_name = "admin/healthcentre/importrun/undo_confirmation.html"
    title = gettext_lazy("Undo this import")

    def dispatch(self, request, *args, **kwargs):
        self.run = self.model_admin.get_object(request, unquote(kwargs["object_id"]))
        if self.run is None:
            raise Http404
        if not self.model_admin.has_view_permission(request, self.run):
            raise PermissionDenied
        self.run_page = reverse("admin:healthcentre_importrun_change", args=[self.run.pk])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not may_undo(self.run, request.user):
            messages.error(request, _("Only a committed import can be undone, by its user or a superuser."))
            return redirect(self.run_page)
        return self.render_to_response(self.get_context_data(original=self.run, run_page=self.run_page))

    def post(self, request, *args, **kwargs):
        try:
            outcome = undo_import(self.run, request.user)
        except UndoRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Import undone: %(deleted)s records deleted, %(restored)s put back as they were before it.")
                % {"deleted": outcome.deleted, "restored": outcome.restored},
            )
        return redirect(self.run_page)
