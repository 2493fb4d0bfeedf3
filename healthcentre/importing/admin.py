"""RecordAdmin: the admin every domain model uses. Scoping, audit history, accent-free
search, and the guarded import/export pattern come with it; a model admin only declares
its fields, its resource and, for organisation fields that cite an outside authority,
`reference_fields`."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from simple_history.admin import SimpleHistoryAdmin

from ..scoping import record_visible, reference_q, scope_q
from ..search import fold
from .formats import ImportFileError, SafeCSV, SafeXLSX
from .resources import sha256_of


class ScopedAdminMixin:
    """Limits every list, form, choice and autocomplete to the user's units."""

    reference_fields: tuple[str, ...] = ()

    def get_queryset(self, request):
        return super().get_queryset(request).filter(scope_q(self.model, request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if hasattr(related, "scope_paths"):
            queryset = kwargs.get("queryset") or related._default_manager.all()
            if db_field.name in self.reference_fields:
                queryset = queryset.filter(reference_q(request.user))
            else:
                queryset = queryset.filter(scope_q(related, request.user))
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        queryset = self._widen_for_reference_autocomplete(request, queryset)
        return super().get_search_results(request, queryset, fold(search_term))

    def _widen_for_reference_autocomplete(self, request, queryset):
        """An autocomplete for a reference field (an issuer, an authority) offers the
        province's bodies, not only the user's own units."""
        match = getattr(request, "resolver_match", None)
        if not match or match.url_name != "autocomplete" or not hasattr(self.model, "scope_paths"):
            return queryset
        from django.apps import apps

        try:
            source = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        except (KeyError, LookupError):
            return queryset
        source_admin = self.admin_site._registry.get(source)
        if request.GET.get("field_name") in getattr(source_admin, "reference_fields", ()):
            return self.model._default_manager.filter(reference_q(request.user))
        return queryset

    def _may_touch(self, request, obj) -> bool:
        return obj is None or not hasattr(obj, "scope_paths") or record_visible(obj, request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may_touch(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_touch(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_touch(request, obj)

    def save_model(self, request, obj, form, change):
        if not self._may_touch(request, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)


class RecordAdmin(ScopedAdminMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    list_per_page = 50
    import_formats = [SafeXLSX, SafeCSV]
    export_formats = [SafeXLSX, SafeCSV]
    show_full_result_count = False

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        kwargs["file_sha256"] = self._uploaded_sha256(form)
        return kwargs

    def _uploaded_sha256(self, form) -> str:
        if form is None or not hasattr(form, "cleaned_data"):
            return ""
        upload = form.cleaned_data.get("import_file")
        if upload is not None:
            return sha256_of(b"".join(upload.chunks()))
        name = form.cleaned_data.get("import_file_name")
        if name:
            storage = self.get_tmp_storage_class()(name=name, read_mode="rb", **self.get_tmp_storage_class_kwargs())
            return sha256_of(storage.read())
        return ""

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, ImportFileError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                _("The file could not be read. Check that it is an .xlsx or .csv file and that the format matches."),
            )

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        # Spreadsheets keep numbers and dates as numbers and dates; CSV writes them as text.
        native = isinstance(file_format, base_formats.XLSX)
        data = self.get_data_for_export(request, queryset, force_native_type=native, **kwargs)
        return file_format.export_data(data)


class CatalogueAdmin(RecordAdmin):
    """A shared catalogue (no `scope_paths`: indicator definitions, award forms, supervision
    content areas): every role reads it, only a superuser changes or imports it, because a
    change alters every unit's records and reports."""

    def _superuser_only(self, request, obj=None):
        return request.user.is_superuser

    has_add_permission = _superuser_only
    has_change_permission = _superuser_only
    has_delete_permission = _superuser_only
    has_import_permission = _superuser_only


__all__ = ["CatalogueAdmin", "RecordAdmin", "ScopedAdminMixin", "admin"]
