"""Model fields the domains share."""

from django.db import models

# Every year a record of this system can hold, each shown as it is written.
YEARS_AS_WRITTEN = [(year, str(year)) for year in range(1000, 3000)]


class YearField(models.PositiveSmallIntegerField):
    """A calendar year. The admin shows a whole number grouped as Vietnamese write numbers
    ("2.024"); a year is written 2024. The admin shows a field with `flatchoices` by its
    choice's label, so a year field offers its own labels there. Its `choices` stay empty, so
    forms keep a number box and list filters the years in the data."""

    @property
    def flatchoices(self) -> list[tuple[int, str]]:
        return YEARS_AS_WRITTEN
