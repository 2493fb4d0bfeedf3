"""RecordAdmin: the admin every domain model uses. Scoping, audit history, accent-free
search, and the guarded import/export pattern come with it; a model admin only declares
its fields, its resource and, for organisation fields that cite an outside authority,
`reference_fields`."""

import datetime as dt

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import NotRelationField, get_fields_from_path, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.forms import SelectableFieldsExportForm
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_history_model_for_model

from ..admin_deletion import LinkRowsLeftOutMixin
from ..forms import vocabulary_formfield_kwargs
from ..models import ImportedRecord, ImportFailed
from ..scoping import division_q, record_visible, reference_q, scope_q
from ..search import fold
from .formats import ImportFileError, SafeCSV, SafeXLSX
from .resources import sha256_of
from .uploads import UploadStorage, UploadUnavailable, upload_store, uploads_of

# A confirm refused after its clean preview has few problems; the first ones say what happened.
CONFIRM_PROBLEMS_SHOWN = 10


class ScopedAdminMixin:
    """Limits every list, form, choice, filter and autocomplete to the user's units."""

    reference_fields: tuple[str, ...] = ()
    # Organisation fields that offer only the units active on the record's date (`record_day`).
    active_unit_fields: tuple[str, ...] = ()
    # Number fields holding a year but not named `year` or `*_year`: shown as "2025", not "2.025".
    year_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Every number is typed in a text box and read by the vocabulary ("27.662", "57,6"),
        not in a browser's number input, which would misread both; every text is read by it too."""
        kwargs = {**vocabulary_formfield_kwargs(db_field, self.year_fields), **kwargs}
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(scope_q(self.model, request.user))

    def citable(self, request, db_field) -> QuerySet | None:
        """The records a user may pick in a foreign-key or many-to-many field; None when
        the field's choices are not the user's business (a shared catalogue)."""
        related = db_field.related_model
        if db_field.name in self.reference_fields:
            return related._default_manager.filter(reference_q(request.user))
        if hasattr(related, "scope_paths"):
            return related._default_manager.filter(scope_q(related, request.user))
        if hasattr(related, "province_lookup"):
            return related._default_manager.filter(division_q(related, request.user))
        return None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(db_field, request, **self._limited(db_field, request, kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(db_field, request, **self._limited(db_field, request, kwargs))

    def _limited(self, db_field, request, kwargs: dict) -> dict:
        allowed = self.citable(request, db_field)
        if allowed is not None:
            given = kwargs.get("queryset")
            kwargs["queryset"] = allowed if given is None else given & allowed
        return kwargs

    def record_day(self, obj) -> dt.date | None:
        """The date a record is about (a round's start, a visit's day), for `active_unit_fields`;
        an inline is given its parent record. None: today."""
        return None

    def _offer_active_units(self, fields: dict, obj) -> None:
        """Organisation fields named in `active_unit_fields` offer the units active on the
        record's date (today for a new one), and the unit already chosen."""
        if not self.active_unit_fields:
            return
        day = (self.record_day(obj) if obj is not None else None) or timezone.localdate()
        for name in self.active_unit_fields:
            field = fields.get(name)
            queryset = getattr(field, "queryset", None)
            if field is None or queryset is None or field.disabled:
                continue
            chosen = getattr(obj, f"{name}_id", None) if obj is not None else None
            active = queryset.filter(pk__in=queryset.model._default_manager.active_on(day).values("pk"))
            field.queryset = active | queryset.filter(pk=chosen) if chosen else active

    def get_formset(self, request, obj=None, **kwargs):
        """An inline's unit choices, as the form's: active on its parent record's date."""
        formset = super().get_formset(request, obj, **kwargs)
        self._offer_active_units(formset.form.base_fields, obj)
        return formset

    def get_form(self, request, obj=None, change=False, **kwargs):
        """A relation whose current value the user could not choose (a centre's own parent,
        the Department of Health) is shown read-only and kept as it is: offered only the
        user's choices, the field would come back empty and be lost on save."""
        form = super().get_form(request, obj, change, **kwargs)
        self._offer_active_units(form.base_fields, obj)
        if obj is None or obj.pk is None:
            return form
        for name, field in form.base_fields.items():
            kept = self._value_outside_choices(obj, name, field)
            if kept is not None:
                field.queryset = kept
                field.disabled = True
                for link in ("can_add_related", "can_change_related", "can_delete_related", "can_view_related"):
                    setattr(field.widget, link, False)
        return form

    @staticmethod
    def _value_outside_choices(obj, name: str, field) -> QuerySet | None:
        queryset = getattr(field, "queryset", None)
        if queryset is None or not hasattr(obj, name):
            return None
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            current = getattr(obj, name).all() if obj.pk else queryset.none()
        else:
            value = getattr(obj, model_field.attname)
            current = queryset.model._default_manager.filter(pk=value) if value is not None else queryset.none()
        if current.exclude(pk__in=queryset.values("pk")).exists():
            return current
        return None

    def get_list_filter(self, request):
        """A filter on a unit's or a round's records lists only those the user's rows point to,
        not every tenant's."""
        return [self._scoped_filter(entry) for entry in super().get_list_filter(request)]

    def _scoped_filter(self, entry):
        if not isinstance(entry, str):
            return entry
        try:
            field = get_fields_from_path(self.model, entry)[-1]
        except (FieldDoesNotExist, NotRelationField):
            return entry
        related = getattr(field, "related_model", None)
        if related is not None and hasattr(related, "scope_paths"):
            return (entry, admin.RelatedOnlyFieldListFilter)
        return entry

    def get_search_results(self, request, queryset, search_term):
        queryset = self._widen_for_reference_autocomplete(request, queryset)
        return super().get_search_results(request, queryset, fold(search_term))

    def _widen_for_reference_autocomplete(self, request, queryset):
        """An autocomplete for a reference field (an issuer, an authority) offers the
        province's bodies, not only the user's own units."""
        match = getattr(request, "resolver_match", None)
        if not match or match.url_name != "autocomplete" or not hasattr(self.model, "scope_paths"):
            return queryset
        try:
            source = apps.get_model(request.GET["app_label"], request.GET["model_name"])
            source_admin = self.admin_site.get_model_admin(source)
        except (KeyError, LookupError, NotRegistered):
            return queryset
        field_name = request.GET.get("field_name")
        if field_name in getattr(source_admin, "reference_fields", ()):
            queryset = self.model._default_manager.filter(reference_q(request.user))
        if field_name in getattr(source_admin, "active_unit_fields", ()):
            # An autocomplete knows no record: it offers the units active today.
            queryset = queryset.filter(pk__in=self.model._default_manager.active_on(timezone.localdate()).values("pk"))
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


class HeadedExportForm(SelectableFieldsExportForm):
    """The columns to export, each named by the heading the file will carry."""

    def _get_field_label(self, resource, field_name: str) -> str:
        # One resource per class, not one per column (the form is built before __init__ ends).
        built = self.__dict__.setdefault("_resources", {})
        chosen = built[resource] if resource in built else built.setdefault(resource, resource())
        field = chosen.fields.get(field_name)
        return chosen.heading(field) if field is not None and hasattr(chosen, "heading") else field_name


BIGGEST_ID = 2**63 - 1  # a version's id is a bigint; a longer number names no version


class RecordAdmin(ScopedAdminMixin, LinkRowsLeftOutMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    list_per_page = 50
    export_form_class = HeadedExportForm
    import_formats = [SafeXLSX, SafeCSV]
    export_formats = [SafeXLSX, SafeCSV]
    show_full_result_count = False
    tmp_storage_class = UploadStorage

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version is judged with the record as it is now: opening it needs the view
        permission on the current record, reverting to it the change permission, and the
        version itself must lie in the user's units, or a record moved to another centre
        could be pulled back by its former one."""
        current = self.get_object(request, unquote(object_id))
        if current is None or not str(version_id).isdigit() or int(version_id) > BIGGEST_ID:
            raise Http404  # a version id is a number: "…/history/print/" names none
        version = get_object_or_404(
            get_history_model_for_model(self.model), history_id=version_id, **{self.model._meta.pk.attname: current.pk}
        )
        allowed = self.has_change_permission if request.method == "POST" else self.has_view_permission
        if not allowed(request, current) or not self._may_touch(request, version.instance):
            raise PermissionDenied
        request.history_change_reason = _("Reverted to the version of %(date)s") % {
            "date": date_format(localtime(version.history_date), "d/m/Y H:i")
        }
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # Each version names the import that wrote it: one join, not a query per version.
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return queryset.select_related("import_run") if issubclass(self.model, ImportedRecord) else queryset

    def save_model(self, request, obj, form, change):
        # The audit trail says which version a revert went back to (the user is recorded anyway).
        obj._change_reason = getattr(request, "history_change_reason", None)
        super().save_model(request, obj, form, change)

    def import_action(self, request, **kwargs):
        # The previewed file is kept in the uploader's own folder of the upload store.
        with uploads_of(request.user):
            try:
                return super().import_action(request, **kwargs)
            except ImportFailed as exc:
                return self._back_to_import(request, [str(exc)])

    def process_import(self, request, **kwargs):
        """The confirm reads only the user's own upload, by its token; anything else (another
        user's token, a path, an expired upload) or an import that crashed gets a message, not
        an error page."""
        with uploads_of(request.user):
            try:
                return super().process_import(request, **kwargs)
            except (UploadUnavailable, ImportFailed) as exc:
                return self._back_to_import(request, [str(exc)])

    def process_result(self, result, request):
        """A confirm refused after all (another import wrote the same records meanwhile, or a
        code it names is gone) wrote nothing: the user is told why, not that it succeeded."""
        problems = getattr(result, "problems", None)
        if problems:
            shown = [str(problem) for problem in problems[:CONFIRM_PROBLEMS_SHOWN]]
            return self._back_to_import(request, [_("Nothing was written."), *shown])
        return super().process_result(result, request)

    def _back_to_import(self, request, errors: list[str]):
        for error in errors:
            messages.error(request, error)
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")

    def get_import_data_kwargs(self, **kwargs):
        form, request = kwargs.get("form"), kwargs.get("request")
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        kwargs["file_sha256"] = self._uploaded_sha256(form, request.user)
        return kwargs

    def _uploaded_sha256(self, form, user) -> str:
        if form is None or not hasattr(form, "cleaned_data"):
            return ""
        upload = form.cleaned_data.get("import_file")
        if upload is not None:
            return sha256_of(b"".join(upload.chunks()))
        token = form.cleaned_data.get("import_file_name")
        if token:
            return sha256_of(upload_store.read(user, token))
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
