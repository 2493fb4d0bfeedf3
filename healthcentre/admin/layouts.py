from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.utils.translation import gettext as _

from ..importing.admin import ScopedAdminMixin
from ..models import SheetLayout


class SheetLayoutForm(ModelForm):
    def clean_mapping(self) -> dict:
        """What an importer reads back: {"columns": {letter: role}, "rows": {row: code}}, texts only."""
        mapping = self.cleaned_data["mapping"]
        parts = [mapping.get(part) for part in ("columns", "rows")] if isinstance(mapping, dict) else [None]
        if not all(isinstance(part, dict) and all(isinstance(v, str) for v in part.values()) for part in parts):
            raise ValidationError(
                _('Write the mapping as {"columns": {"F": "…"}, "rows": {"…": "…"}}, each value a text.')
            )
        return mapping


@admin.register(SheetLayout)
class SheetLayoutAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """The layouts users confirmed when they imported an office's own table. Made by the import's
    mapping step (none is added here); renamed, shared or corrected here."""

    form = SheetLayoutForm
    list_display = ["name", "owner", "shared", "updated_at"]
    list_filter = ["shared"]
    list_select_related = ["owner"]
    search_fields = ["name", "owner__name__unaccent", "owner__code"]
    fields = ["name", "owner", "shared", "headings", "mapping", "created_by", "updated_at"]
    readonly_fields = ["headings", "created_by", "updated_at"]

    def has_add_permission(self, request):
        return False
