"""Supervision records the tests build on the units of `world` (tests/world.py) and the shared
catalogues, instead of the seed set's rounds."""

import datetime as dt

from healthcentre.models import Organisation, OrganisationKind, Person
from supervision.models import SupervisionRound, TeamMember, TeamRole, Visit
from tests.records import binh_xuyen_director, supervision_visit
from tests.world import PHU_THO, unit

OCTOBER_ROUND = "BINHXUYEN-GS-2025-10"

# Bình Xuyên's other stations the tests visit: code, name, kind, parent, commune.
BINH_XUYEN_STATIONS = {
    "TYT-X-BINHTUYEN": ("Trạm Y tế xã Bình Tuyền", OrganisationKind.COMMUNE_STATION, "TTYT-BINHXUYEN", 8944),
    "TYT-X-XUANLANG": ("Trạm Y tế xã Xuân Lãng", OrganisationKind.COMMUNE_STATION, "TTYT-BINHXUYEN", 8971),
    "DT-BINHXUYEN-HUONGCANH": ("Điểm trạm Y tế Hương Canh", OrganisationKind.STATION_POINT, "TYT-X-BINHNGUYEN", 8935),
}


def binh_xuyen_station(code: str) -> Organisation:
    """One of BINH_XUYEN_STATIONS (under the world's Bình Xuyên centre), with the seed set's code and name."""
    name, kind, parent, commune = BINH_XUYEN_STATIONS[code]
    return unit(code, name, kind, PHU_THO, Organisation.objects.get(code=parent), commune)


def team_leader() -> Person:
    """Bình Xuyên's director, who led its October 2025 round."""
    return binh_xuyen_director()


def supervision_round(
    code: str = "TEST-ROUND",
    start: dt.date = dt.date(2024, 11, 4),
    end: dt.date = dt.date(2024, 11, 8),
    unit: str = "TTYT-BINHXUYEN",
) -> SupervisionRound:
    """A round of `unit` (the `make_round` fixture of tests/supervision/conftest.py, without the seeds)."""
    return SupervisionRound.objects.create(
        code=code,
        title=f"Giám sát thử {code}",
        supervising_unit=Organisation.objects.get(code=unit),
        start_date=start,
        end_date=end,
    )


def station_visit(
    station: str = "TYT-X-BINHNGUYEN", day: dt.date = dt.date(2024, 11, 5), round_: SupervisionRound | None = None
) -> Visit:
    """A visit on `day` in `round_`, else in a new TEST-ROUND of Bình Xuyên over 4-8/11/2024 (the
    `make_visit` fixture of tests/supervision/conftest.py, without the seeds)."""
    if round_ is None:
        return supervision_visit("TTYT-BINHXUYEN", "TEST-ROUND", "Giám sát thử TEST-ROUND", day, station)
    return Visit.objects.create(round=round_, station=Organisation.objects.get(code=station), date=day)


def october_round(*stations: str, leader: Person | None = None) -> SupervisionRound:
    """Bình Xuyên's round of 15-21/10/2025, as the seed set has it: its visits (to TYT-X-BINHNGUYEN,
    then `stations`, built when missing) name no day, and `leader` leads its team."""
    round_ = SupervisionRound.objects.create(
        code=OCTOBER_ROUND,
        title="Giám sát hỗ trợ công tác chuyên môn y tế tại tuyến xã",
        supervising_unit=Organisation.objects.get(code="TTYT-BINHXUYEN"),
        start_date=dt.date(2025, 10, 15),
        end_date=dt.date(2025, 10, 21),
    )
    for code in ("TYT-X-BINHNGUYEN", *stations):
        station = Organisation.objects.filter(code=code).first() or binh_xuyen_station(code)
        Visit.objects.create(round=round_, station=station, kind="working_session")
    if leader is not None:
        TeamMember.objects.create(round=round_, person=leader, role=TeamRole.LEADER)
    return round_
