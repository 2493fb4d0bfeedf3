"""Administrative divisions are reference data from vietnam-provinces: browsable, never edited."""

from django.contrib import admin

from ..models import Commune, CommuneConversion, LegacyCommune, LegacyDistrict, LegacyProvince, Province
from ..scoping import division_q
from ..search import fold
from .readonly import ReadOnlyAdminMixin


class ReadOnlyDivisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    search_fields = ["name__unaccent", "=code"]
    list_display = ["code", "name", "division_type"]
    list_per_page = 100
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "autocomplete" and hasattr(self.model, "province_lookup"):
            # What a form field offers, as ScopedAdminMixin.citable limits it.
            queryset = queryset.filter(division_q(self.model, request.user))
        return super().get_search_results(request, queryset, fold(search_term))


@admin.register(Province)
class ProvinceAdmin(ReadOnlyDivisionAdmin):
    pass


@admin.register(Commune)
class CommuneAdmin(ReadOnlyDivisionAdmin):
    list_display = ["code", "name", "division_type", "province"]
    list_filter = ["province"]
    list_select_related = ["province"]

    def get_queryset(self, request):
        # __str__ names the province; the autocomplete would otherwise query it per row.
        return super().get_queryset(request).select_related("province")


@admin.register(LegacyProvince)
class LegacyProvinceAdmin(ReadOnlyDivisionAdmin):
    pass


@admin.register(LegacyDistrict)
class LegacyDistrictAdmin(ReadOnlyDivisionAdmin):
    list_display = ["code", "name", "division_type", "province"]
    list_filter = ["province"]
    list_select_related = ["province"]


@admin.register(LegacyCommune)
class LegacyCommuneAdmin(ReadOnlyDivisionAdmin):
    list_display = ["code", "name", "division_type", "district"]
    list_select_related = ["district"]


@admin.register(CommuneConversion)
class CommuneConversionAdmin(ReadOnlyDivisionAdmin):
    list_display = ["legacy_commune", "commune", "partly"]
    list_select_related = ["legacy_commune", "commune__province"]
    search_fields = ["legacy_commune__name__unaccent", "commune__name__unaccent"]
