"""Search a large table of figures through the small tables it points to."""

from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from healthcentre.search import fold


class SearchThroughRelationsMixin:
    """Search fields such as ``organisation__name__unaccent`` looked up in the related table
    first, then the figures filtered by the ids found.

    The stock admin search joins every figure to its unit and indicator and matches the word
    against each joined row: with a million figures that is a scan of the whole table. A unit
    or indicator table has a few thousand rows, so each word costs one small query per
    relation and an indexed ``IN`` on the figures, whatever their number. The result is the
    same: a row matches a word when any search field matches it, and every word must match.
    """

    def get_search_results(self, request, queryset, search_term):
        search_term = fold(search_term or "")
        if not search_term.strip():
            return queryset, False
        relations: dict[str, list[str]] = {}
        for field in self.get_search_fields(request):
            relation, _sep, path = field.partition("__")
            relations.setdefault(relation, []).append(f"{path}__icontains")
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            matches = Q()
            for relation, lookups in relations.items():
                related = self.model._meta.get_field(relation).related_model
                found = related._default_manager.filter(
                    Q.create([(lookup, bit) for lookup in lookups], connector=Q.OR)
                ).values_list("pk", flat=True)
                matches |= Q(**{f"{relation}__in": list(found)})
            queryset = queryset.filter(matches)
        return queryset, False
