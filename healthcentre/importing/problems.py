"""A problem found in an uploaded file, and how many of them a page lists."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

# A file with thousands of problems (a 100.000-column header, every row wrong) lists the
# first ones and counts the rest: the page stays small and the first problems are the ones
# to fix first.
SHOWN_PROBLEMS = 200


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row else _("file")
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


def shown_problems(problems: list) -> tuple[list, int]:
    """The problems a page lists, and how many more there are."""
    return problems[:SHOWN_PROBLEMS], max(len(problems) - SHOWN_PROBLEMS, 0)
