import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from healthcentre.domains import ProfileSection, ProfileSpan, profile_sections
from healthcentre.history.asof import UnitState, state_on
from healthcentre.history.lineage import Lineage, lineage_of
from healthcentre.models import Organisation


@dataclass(frozen=True)
class BuiltSection:
    """One app's section of a profile, with the rows it read."""

    section: ProfileSection
    rows: Any

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def template(self) -> str:
        return self.section.template


@dataclass
class Profile:
    unit: Organisation
    start_year: int
    end_year: int
    state: UnitState
    lineage: Lineage
    units_under: list = field(default_factory=list)
    sections: list[BuiltSection] = field(default_factory=list)

    @property
    def period_text(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}–{self.end_year}"

    def rows_of(self, key: str) -> Any:
        """The rows of the section `key` ("awards", "figures", …)."""
        return next(built.rows for built in self.sections if built.key == key)


def build_profile(unit: Organisation, start_year: int, end_year: int, *, today: dt.date | None = None) -> Profile:
    """The unit's identity today, then every app's section (healthcentre.domains) for the span."""
    today = today or dt.date.today()
    lineage = lineage_of(unit)
    # The story of a unit includes the units it grew out of (Tân Yên's 1958 station, its 2006 hospital).
    story_ids = [u.pk for u in (unit, *lineage.ancestors())]
    on = min(today, dt.date(end_year, 12, 31))
    profile = Profile(unit=unit, start_year=start_year, end_year=end_year, state=state_on(unit, on), lineage=lineage)
    profile.units_under = sorted(
        Counter(u.get_kind_display() for u in unit.descendants(include_self=False)).items(), key=lambda kv: kv[0]
    )
    span = ProfileSpan(unit=unit, story_ids=story_ids, start_year=start_year, end_year=end_year, today=today)
    profile.sections = [BuiltSection(section, section.build(span)) for section in profile_sections()]
    return profile
