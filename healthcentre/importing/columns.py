"""One header mapping for every importer: each column of the file is matched to a column the
import reads, and a missing required column, an unknown column, a column given twice or a
file with no column the import reads is refused, the column named."""

import unicodedata
from collections.abc import Callable, Iterable, Sequence

from django.utils.translation import gettext as _

from .opener import column_letter
from .problems import Problem


def header_key(name: object) -> str:
    """A header as compared: trimmed, NFC, case-insensitive."""
    return unicodedata.normalize("NFC", str(name if name is not None else "")).strip().casefold()


def map_columns(
    header: Sequence[object],
    known: Iterable[str],
    *,
    required: Iterable[str] = (),
    aliases: dict[str, str] | None = None,
    key: Callable[[object], str] = header_key,
) -> tuple[dict[str, int], list[Problem]]:
    """{known column: its index in the file} and the problems of the header. Empty header
    cells are skipped: a spreadsheet's width often includes formatted, unused columns."""
    names = list(known)
    by_key = {key(name): name for name in names}
    for alias, aliased in (aliases or {}).items():
        by_key.setdefault(key(alias), aliased)
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    for index, cell in enumerate(header):
        written = "" if cell is None else str(cell).strip()
        if not written:
            continue
        name = by_key.get(key(written))
        if name is None:
            unknown.append(written)
        elif name in positions:
            problems.append(Problem(None, written, _twice(positions[name], index)))
        else:
            positions[name] = index
    columns = ", ".join(names)
    if not positions:
        problems.insert(
            0,
            Problem(
                None,
                "",
                _("No column of this file is one this import reads. The columns are: %(columns)s.")
                % {"columns": columns},
            ),
        )
    problems += [
        Problem(None, written, _("Unknown column. The columns are: %(columns)s.") % {"columns": columns})
        for written in unknown
    ]
    problems += [Problem(None, name, _("The column is missing.")) for name in required if name not in positions]
    return positions, problems


def _twice(first: int, second: int) -> str:
    return _("This column is given twice, in columns %(first)s and %(second)s; keep one.") % {
        "first": column_letter(first),
        "second": column_letter(second),
    }


def stray_cells(header: Sequence[object], row: Sequence[object]) -> list[int]:
    """The indices of the row's filled cells that stand under no heading: beyond the header
    or under an empty header cell. Nothing would read them, so they are refused, never
    dropped: in a CSV separated by commas, "57,6" written without quotes is two cells."""
    return [
        index
        for index, value in enumerate(row)
        if value not in (None, "")
        and (index >= len(header) or header[index] is None or str(header[index]).strip() == "")
    ]


def stray_cell_problem(line: int, index: int) -> Problem:
    return Problem(
        line,
        column_letter(index),
        _(
            "This cell stands under no column heading and would be ignored: delete it or give its column a "
            "heading. (In a CSV separated by commas a number with a decimal comma, 57,6, is split in two: put it "
            "in quotes, or save the file with “;”.)"
        ),
    )
