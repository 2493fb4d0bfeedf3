"""What a unit was on a date, which units existed then, and the lineage walked both ways."""

import datetime as dt

from healthcentre.history.asof import served_communes, state_on, units_on
from healthcentre.history.lineage import lineage_of
from healthcentre.models import Organisation


def unit(code):
    return Organisation.objects.get(code=code)


def test_on_1_january_2006_tân_yên_was_the_2005_centre_under_the_department_of_health(seeded):
    state = state_on(unit("TTYT-TANYEN-2005"), dt.date(2006, 1, 1))
    assert state.status == "existing"
    assert state.name == "Trung tâm Y tế huyện Tân Yên"
    assert state.managing_authority.authority.code == "SYT-BACGIANG"
    # "2006" is a year only: the split may or may not have happened by 1 January.
    assert [e.code for e in state.uncertain] == ["TANYEN-2006-TACH"]
    assert state_on(unit("TTYT-TANYEN"), dt.date(2006, 1, 1)).status == "before"
    assert state_on(unit("BVDK-TANYEN"), dt.date(2006, 1, 1)).status == "before"


def test_in_2020_tân_yên_was_the_merged_centre_with_its_2019_structure(seeded):
    state = state_on(unit("TTYT-TANYEN"), dt.date(2020, 6, 1))
    assert state.status == "existing"
    s = state.structure
    assert (s.directors, s.offices, s.departments, s.stations, s.staff) == (5, 5, 16, 24, 409)
    assert state.managing_authority is None
    assert state_on(unit("TTYT-TANYEN-2005"), dt.date(2020, 6, 1)).status == "after"
    assert state_on(unit("BVDK-TANYEN"), dt.date(2020, 6, 1)).status == "after"


def test_from_2025_tân_yên_is_managed_by_the_district_and_ranked_ii(seeded):
    state = state_on(unit("TTYT-TANYEN"), dt.date(2025, 3, 1))
    assert state.managing_authority.authority.code == "UBND-TANYEN"
    assert (state.rank.hospital_rank, state.rank.technical_level, state.rank.planned_beds) == ("II", "basic", 300)
    assert (state.structure.directors, state.structure.stations) == (4, 19)
    # The article names the director in 2025 without a date: certain only once 2025 is over.
    assert state.leaders == []
    assert "Nguyễn Văn Hoàn" in " ".join(str(r) for r in state.uncertain)
    assert [p.person.code for p in state_on(unit("TTYT-TANYEN"), dt.date(2026, 1, 1)).leaders] == ["nguyen-van-hoan"]


def test_bình_xuyên_before_and_after_the_2025_reform(seeded):
    centre = unit("TTYT-BINHXUYEN")
    before, after = state_on(centre, dt.date(2024, 6, 1)), state_on(centre, dt.date(2025, 12, 1))
    assert before.name == "Trung tâm Y tế huyện Bình Xuyên"
    assert before.managing_authority.authority.code == "SYT-VINHPHUC"
    assert len(before.units_under) == 13
    assert {u.kind for u in before.units_under} == {"station_point"}
    assert after.name == "Trung tâm Y tế khu vực Bình Xuyên"
    assert after.managing_authority.authority.code == "SYT-PHUTHO"
    assert {u.code for u in after.units_under} == {
        "TYT-X-BINHNGUYEN",
        "TYT-X-BINHTUYEN",
        "TYT-X-BINHXUYEN",
        "TYT-X-XUANLANG",
    }
    assert [p.person.code for p in after.leaders] == ["phan-kim-trong"]
    names = [c.name for c in served_communes(centre)]
    assert names == ["Xã Bình Nguyên", "Xã Bình Tuyền", "Xã Bình Xuyên", "Xã Xuân Lãng"]


def test_stations_that_became_station_points_are_recorded_as_events(seeded):
    point = unit("DT-BINHXUYEN-HUONGCANH")
    event = point.events.get(kind="station_point")
    assert event.date_text == "07/2025"
    assert [s.code for s in event.successors.all()] == ["TYT-X-BINHNGUYEN"]
    assert state_on(point, dt.date(2025, 1, 1)).name == "Trạm Y tế thị trấn Hương Canh"
    assert state_on(point, dt.date(2025, 1, 1)).parent.code == "TTYT-BINHXUYEN"
    assert state_on(point, dt.date(2025, 9, 1)).parent.code == "TYT-X-BINHNGUYEN"


def test_units_existing_on_a_date(seeded):
    in_1960 = {u.code for u, _span in units_on(dt.date(1960, 1, 1))}
    assert "TRAMYT-TANYEN" in in_1960
    assert not {"BV-TANYEN", "TTYT-TANYEN", "BVDK-TANYEN"} & in_1960
    in_2010 = {u.code for u, _span in units_on(dt.date(2010, 1, 1))}
    assert {"BVDK-TANYEN", "TTYTDP-TANYEN", "TTDS-TANYEN", "PYT-TANYEN", "UBDS-TANYEN"} <= in_2010
    assert not {"TRAMYT-TANYEN", "TTYT-TANYEN-2005", "TTYT-TANYEN"} & in_2010


def test_the_lineage_walks_back_to_1958_and_forward_again(seeded):
    back = [u.code for u in lineage_of(unit("TTYT-TANYEN")).ancestors()]
    assert set(back[:3]) == {"BVDK-TANYEN", "TTYTDP-TANYEN", "TTDS-TANYEN"}
    assert back[-3:] == ["BV-TANYEN", "TRAMYT-TANYEN", "PHATTHUOC-TANYEN"]
    forward = [u.code for u in lineage_of(unit("TRAMYT-TANYEN")).descendants()]
    assert forward[:2] == ["BV-TANYEN", "TTYT-TANYEN-1994"]
    assert set(forward) == {
        "BV-TANYEN",
        "TTYT-TANYEN-1994",
        "PYT-TANYEN",
        "TTYT-TANYEN-2005",
        "BVDK-TANYEN",
        "TTYTDP-TANYEN",
        "TTYT-TANYEN",
    }
