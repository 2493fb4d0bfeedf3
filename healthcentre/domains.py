"""What an app built on the platform contributes, declared on its AppConfig.

A domain (organisation history, indicators, supervision, awards, and the next one) subclasses
`domains.DomainConfig` in its apps.py (named through the module: a second AppConfig class in
apps.py's namespace would leave Django unsure which is the app's) and says there what it
brings: its seed files and where they stand in the load order, its links on a unit's and a
person's change page, its report pages (listed on the admin's first page), its sections of the
unit profile, and pages mounted on the organisation admin. The platform reads these
declarations through `contributors()` and `domains()` and never names an app: a new domain
is added by writing it and listing it in INSTALLED_APPS.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps
from django.urls import URLPattern
from django.utils.functional import Promise

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin

    from .models import Organisation

Label = str | Promise


@dataclass(frozen=True)
class RecordLink:
    """A link on a unit's or a person's change page to what an app keeps of it, shown only to
    a user whom the admin of `model` ("awards.AwardRecord") lets view it: the check the linked
    page makes."""

    label: Label
    model: str
    url: Callable[[Any], str]  # given the unit (an Organisation) or the person
    # Whether the link belongs on this unit's or person's page at all (a station's visits, a
    # centre's rounds); every page by default.
    shown_for: Callable[[Any], bool] | None = None


@dataclass(frozen=True)
class ReportLink:
    """A report page an app offers on the admin's first page ("Báo cáo"), shown only to a user
    whom the admin of `model` lets view it; `url_name` is its admin URL name."""

    label: Label
    model: str
    url_name: str


@dataclass(frozen=True)
class ProfileSpan:
    """What a profile section is built for: a unit, the units its story includes (those it grew
    out of), a span of years and the day it is read."""

    unit: "Organisation"
    story_ids: Sequence[int]
    start_year: int
    end_year: int
    today: dt.date


@dataclass(frozen=True)
class Sheet:
    """One sheet of the profile workbook: its title, its header and its rows."""

    title: Label
    header: Sequence[Label]
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class ProfileSection:
    """One section of a unit's profile that an app keeps: `build` reads its rows from the app's
    own querysets and reports (so a figure on the profile is the figure of the app's report),
    `template` shows them on the page and in the printout, `sheet` writes them to the xlsx."""

    key: str
    order: int
    template: str
    build: Callable[[ProfileSpan], Any]
    sheet: Callable[[Any], Sheet]


class DomainConfig(AppConfig):
    """An app that stands on the platform. `domain` apps keep records: roles get their
    permissions and their seeds are loaded; an app above the domains (the unit profile) has
    `domain = False` and contributes pages and links only."""

    domain: bool = True
    # Where the app's seeds stand in the load order: a domain's seeds cite the units,
    # people and decisions of the apps loaded before it.
    seed_order: int = 100

    def seed_files(self) -> list[tuple[str | Path, type]]:
        """(file under seeds/, resource class) in the order they load: the app's
        `seeds.SEED_FILES`, none when it has no seeds module."""
        try:
            module = import_module(f"{self.name}.seeds")
        except ModuleNotFoundError as exc:
            if exc.name != f"{self.name}.seeds":
                raise
            return []
        return list(module.SEED_FILES)

    def unit_links(self) -> list[RecordLink]:
        return []

    def person_links(self) -> list[RecordLink]:
        return []

    def profile_sections(self) -> list[ProfileSection]:
        return []

    def report_links(self) -> list[ReportLink]:
        return []

    def inactive_units(self, day: dt.date) -> set[int]:
        """Ids of the units the app's records say were not active on `day` (not yet founded,
        or ceased): `Organisation.objects.active_on(day)` leaves them out."""
        return set()

    def unit_pages(self, model_admin: "ModelAdmin") -> list[URLPattern]:
        """Pages about one unit, mounted under the organisation admin's URLs."""
        return []


def contributors() -> list[DomainConfig]:
    """Every installed app built on the platform, domains first, in their seed order."""
    found = [config for config in apps.get_app_configs() if isinstance(config, DomainConfig)]
    return sorted(found, key=lambda config: (not config.domain, config.seed_order))


def domains() -> list[DomainConfig]:
    """The apps that keep records."""
    return [config for config in contributors() if config.domain]


def domain_labels() -> list[str]:
    return [config.label for config in domains()]


def profile_sections() -> list[ProfileSection]:
    return sorted((s for config in contributors() for s in config.profile_sections()), key=lambda s: s.order)
