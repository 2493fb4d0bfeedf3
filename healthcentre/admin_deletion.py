"""What a delete page lists: the records a delete takes with it, without the rows of
many-to-many link tables (a round's content areas, a group's permissions). They are not records
a user knows, and Django names them only in English ("SupervisionRound_content_areas object (1)")."""

from typing import Any

from django.apps import apps
from django.utils.text import capfirst


def link_rows_left_out(deleted: list, prefixes: tuple[str, ...]) -> list:
    """The delete page's nested list without the rows that start with a link table's name."""
    return [
        link_rows_left_out(item, prefixes) if isinstance(item, list) else item
        for item in deleted
        if isinstance(item, list) or not str(item).startswith(prefixes)
    ]


class LinkRowsLeftOutMixin:
    def get_deleted_objects(self, objs: Any, request: Any) -> tuple[list, dict, set, list]:
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)  # type: ignore[misc]
        links = [m for m in apps.get_models(include_auto_created=True) if m._meta.auto_created]
        prefixes = tuple(f"{capfirst(m._meta.verbose_name)}: " for m in links)
        plurals = {str(m._meta.verbose_name_plural) for m in links}
        counts = {name: count for name, count in counts.items() if str(name) not in plurals}
        return link_rows_left_out(deleted, prefixes), counts, perms_needed, protected
