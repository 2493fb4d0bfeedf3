"""Records the tests build for themselves, beside the seeds."""

import datetime as dt

from healthcentre.models import Decision, ImportRun, Organisation, Person
from healthcentre.models.people import HonourTitle
from supervision.models import SupervisionRound, Visit


def supervision_visit(unit_code: str, round_code: str, title: str, day: dt.date, station_code: str = "") -> Visit:
    """A round of `unit_code` over the week of `day`, with one visit that day (to its own unit's first
    station, or to `station_code`)."""
    unit = Organisation.objects.get(code=unit_code)
    round_ = SupervisionRound.objects.create(
        code=round_code,
        title=title,
        supervising_unit=unit,
        start_date=day - dt.timedelta(days=1),
        end_date=day + dt.timedelta(days=3),
    )
    station = Organisation.objects.get(code=station_code) if station_code else (unit.children.first() or unit)
    return Visit.objects.create(round=round_, station=station, date=day)


def person(code: str = "nguyen-thi-test", unit: str = "TTYT-BINHXUYEN", **details: str) -> Person:
    """The person of that code, made when missing as one of `unit`, "Nguyễn Thị Test" unless
    `details` say otherwise (full_name, degrees...); a test on the seeds finds the seeded one."""
    return Person.objects.get_or_create(
        code=code,
        defaults={"full_name": "Nguyễn Thị Test", "organisation": Organisation.objects.get(code=unit), **details},
    )[0]


def binh_xuyen_director(import_run: ImportRun | None = None) -> Person:
    """Phan Kim Trọng, the Bình Xuyên centre's director, as the seeds' people.csv gives him,
    brought in by `import_run` when one is given."""
    director = person(
        "phan-kim-trong",
        full_name="Phan Kim Trọng",
        degrees="Thạc sĩ, BS CKII",
        honour_title=HonourTitle.MERITORIOUS_PHYSICIAN,
        notes="Giám đốc Trung tâm Y tế khu vực Bình Xuyên; Trưởng đoàn giám sát 15-21/10/2025.",
    )
    if import_run is not None:
        Person.objects.filter(pk=director.pk).update(import_run=import_run)
        director.refresh_from_db()
    return director


def signed_decision(
    number: str, filed_by: str = "TTYT-BINHXUYEN", issuer: str = "", day: dt.date | None = None
) -> Decision:
    """A decision numbered as printed, filed by `filed_by` and issued by `issuer` (by default the unit itself)."""
    unit = Organisation.objects.get(code=filed_by)
    return Decision.objects.create(
        number=number, date=day, issuer=Organisation.objects.get(code=issuer) if issuer else unit, filed_by=unit
    )
