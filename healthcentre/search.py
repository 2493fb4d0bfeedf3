"""Accent-insensitive search: "binh xuyen" finds "Bình Xuyên" on SQLite and PostgreSQL alike.

`fold()` is the Python side; the `unaccent` transform is the database side (PostgreSQL's
unaccent extension, or `fold()` registered as an SQLite function). Admin search fields use
`name__unaccent`, and the admin folds the typed term with `fold()` so both sides agree.
"""

import unicodedata
from collections.abc import Sequence
from typing import Any, overload

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler

# NFD leaves these as base letters; they have no combining mark to strip.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


@overload
def fold(text: str) -> str: ...
@overload
def fold(text: None) -> None: ...
@overload
def fold(text: str | None) -> str | None: ...
def fold(text: str | None) -> str | None:
    """Lower-case, accent-free form of a Vietnamese text."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", str(text).translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Unaccent(models.Transform):
    lookup_name = "unaccent"
    function = "VN_FOLD"
    output_field = models.TextField()

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, Sequence[Any]]:
        sql, params = compiler.compile(self.lhs)
        return f"LOWER(UNACCENT({sql}))", params


def register_sqlite_fold(sender: object, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("VN_FOLD", 1, fold, deterministic=True)


models.CharField.register_lookup(Unaccent)
models.TextField.register_lookup(Unaccent)
