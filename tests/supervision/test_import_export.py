"""Rounds, visits, findings and action items go in and out through the platform's import pattern."""

import datetime as dt
from io import BytesIO

import pytest
import tablib
from openpyxl import load_workbook

from healthcentre.models import OrganisationKind
from supervision.models import ActionItem, ActionStatus, Finding, SupervisionRound, Visit
from supervision.resources import (
    ActionItemResource,
    FindingResource,
    SupervisionRoundResource,
    TeamMemberResource,
    VisitResource,
)
from tests.supervision.builders import binh_xuyen_station, supervision_round, team_leader
from tests.supervision.builders import october_round as october_round_of
from tests.world import PHU_THO, unit


@pytest.fixture
def october_round(world, catalogues):
    """Bình Xuyên's October 2025 round, to three of its stations; and a round of Lai Châu's."""
    round_ = october_round_of("TYT-X-XUANLANG", "DT-BINHXUYEN-HUONGCANH")
    Visit.objects.create(round=supervision_round("LAICHAU-GS", unit="TTYT-LAICHAU"), station=world["TYT-P-DOANKET"])
    return round_


def dataset(headers, *rows):
    return tablib.Dataset(*rows, headers=headers)


def run(resource_class, data, user):
    return resource_class().import_data(data, dry_run=False, user=user)


def problems(result):
    return [(p.row, p.column, p.message) for p in result.problems]


VISIT_HEADERS = [
    "round_code",
    "station_code",
    "kind",
    "date",
    "people_met",
    "people_met_codes",
    "next_visit_due",
    "notes",
]


def test_it_refuses_a_visit_outside_the_round_and_writes_nothing(october_round, centre_admin):
    data = dataset(
        VISIT_HEADERS,
        ["BINHXUYEN-GS-2025-10", "TYT-X-BINHNGUYEN", "working_session", "16/10/2025", "", "", "", ""],
        ["BINHXUYEN-GS-2025-10", "TYT-X-XUANLANG", "working_session", "25/10/2025", "", "", "", ""],
    )
    result = run(VisitResource, data, centre_admin)
    assert problems(result) == [(3, "date", "Ngày giám sát phải nằm trong thời gian của đợt (15-21/10/2025).")]
    assert not Visit.objects.filter(date__isnull=False).exists()


def test_it_imports_a_round_with_its_team_visits_findings_and_actions(catalogues, centre_admin):
    team_leader()
    binh_xuyen_station("TYT-X-BINHTUYEN")
    committee = unit("UBND-PHUTHO", "Ủy ban nhân dân tỉnh Phú Thọ", OrganisationKind.PEOPLES_COMMITTEE, PHU_THO)
    unit(
        "UBND-X-BINHTUYEN",
        "Ủy ban nhân dân xã Bình Tuyền",
        OrganisationKind.PEOPLES_COMMITTEE,
        PHU_THO,
        committee,
        8944,
    )
    round_result = run(
        SupervisionRoundResource,
        dataset(
            [
                "code",
                "title",
                "supervising_unit_code",
                "decision_number",
                "start_date",
                "end_date",
                "content_area_codes",
                "notes",
            ],
            [
                "BX-2026-03",
                "Giám sát quý I/2026",
                "TTYT-BINHXUYEN",
                "",
                "2/3/2026",
                "6/3/2026",
                "TC1300-01;TC1300-02",
                "",
            ],
        ),
        centre_admin,
    )
    assert problems(round_result) == []
    team = run(
        TeamMemberResource,
        dataset(
            ["round_code", "person_code", "role", "position"], ["BX-2026-03", "phan-kim-trong", "leader", "Giám đốc"]
        ),
        centre_admin,
    )
    assert problems(team) == []
    visits = run(
        VisitResource,
        dataset(
            VISIT_HEADERS,
            ["BX-2026-03", "TYT-X-BINHTUYEN", "Làm việc với xã", "03/3/2026", "Trạm trưởng", "", "3/3/2027", ""],
        ),
        centre_admin,
    )
    assert problems(visits) == []
    findings = run(
        FindingResource,
        dataset(
            ["round_code", "station_code", "area_code", "findings", "score", "recommendations"],
            ["BX-2026-03", "TYT-X-BINHTUYEN", "TC1300-02", "Thiếu 1 y sĩ", "7,5", "Tuyển bổ sung y sĩ"],
        ),
        centre_admin,
    )
    assert problems(findings) == []
    actions = run(
        ActionItemResource,
        dataset(
            [
                "round_code",
                "station_code",
                "number",
                "finding_area_code",
                "description",
                "responsible_unit_code",
                "due_date",
                "status",
                "closed_date",
                "closing_note",
            ],
            [
                "BX-2026-03",
                "TYT-X-BINHTUYEN",
                "1",
                "TC1300-02",
                "Tuyển bổ sung y sĩ",
                "UBND-X-BINHTUYEN",
                "30/6/2026",
                "open",
                "",
                "",
            ],
        ),
        centre_admin,
    )
    assert problems(actions) == []
    round_ = SupervisionRound.objects.get(code="BX-2026-03")
    assert round_.leader.code == "phan-kim-trong"
    assert set(round_.content_areas.values_list("code", flat=True)) == {"TC1300-01", "TC1300-02"}
    visit = round_.visits.get()
    assert (visit.date, visit.kind, visit.next_visit_due) == (
        dt.date(2026, 3, 3),
        "working_session",
        dt.date(2027, 3, 3),
    )
    finding = Finding.objects.get(visit=visit)
    assert str(finding.score) == "7.5"
    item = ActionItem.objects.get(visit=visit)
    assert (item.finding, item.responsible_unit.code, item.status) == (finding, "UBND-X-BINHTUYEN", ActionStatus.OPEN)


def test_it_names_the_row_and_column_of_a_closed_action_without_a_date(make_visit, centre_admin):
    visit = make_visit()
    data = dataset(
        [
            "round_code",
            "station_code",
            "number",
            "finding_area_code",
            "description",
            "responsible_unit_code",
            "due_date",
            "status",
            "closed_date",
            "closing_note",
        ],
        [visit.round.code, visit.station.code, "1", "", "Sửa mái", visit.station.code, "1/12/2024", "done", "", ""],
    )
    result = run(ActionItemResource, data, centre_admin)
    assert problems(result) == [(2, "closed_date", "Việc đã hoàn thành hoặc đã hủy phải có ngày đóng.")]
    assert not ActionItem.objects.exists()


def test_it_names_an_unknown_content_area_and_an_unknown_visit(make_visit, centre_admin):
    visit = make_visit()
    binh_xuyen_station("DT-BINHXUYEN-HUONGCANH")
    data = dataset(
        ["round_code", "station_code", "area_code", "findings", "score", "recommendations"],
        [visit.round.code, visit.station.code, "KHONG-CO", "", "", ""],
        [visit.round.code, "DT-BINHXUYEN-HUONGCANH", "TC1300-01", "", "", ""],
    )
    result = run(FindingResource, data, centre_admin)
    found = problems(result)
    assert (2, "area_code", "Không có nội dung giám sát nào mang mã “KHONG-CO”.") in found
    assert (
        3,
        "round_code",
        f"Đợt “{visit.round.code}” không có lượt giám sát tại trạm “DT-BINHXUYEN-HUONGCANH”.",
    ) in found
    assert not Finding.objects.exists()


def test_it_refuses_rounds_of_another_centre(world, other_centre_admin):
    data = dataset(
        [
            "code",
            "title",
            "supervising_unit_code",
            "decision_number",
            "start_date",
            "end_date",
            "content_area_codes",
            "notes",
        ],
        ["X-1", "Giám sát", "TTYT-BINHXUYEN", "", "1/3/2026", "2/3/2026", "", ""],
    )
    result = run(SupervisionRoundResource, data, other_centre_admin)
    assert [p.column for p in result.problems] == ["supervising_unit_code"]
    assert not SupervisionRound.objects.filter(code="X-1").exists()


def test_it_exports_visits_with_vietnamese_headings_labels_and_typed_dates(october_round, client_for, centre_admin):
    Visit.objects.filter(round=october_round, station__code="TYT-X-BINHNGUYEN").update(date=dt.date(2025, 10, 14))
    client = client_for(centre_admin)
    response = client.post(
        "/admin/supervision/visit/export/",
        {"format": "0", "resource": "0"}
        | {
            f"visitresource_{name}": "on"
            for name in [
                "round",
                "station",
                "kind",
                "date",
                "people_met",
                "people_met_persons",
                "next_visit_due",
                "notes",
            ]
        },
    )
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("Đợt giám sát (mã)", "Trạm được giám sát (mã)")
    assert ("BINHXUYEN-GS-2025-10", "TYT-X-BINHNGUYEN") in {r[:2] for r in rows[1:]}
    assert len(rows) == 1 + 3  # the heading, then the centre's three visits: not Lai Châu's
    line = next(n for n, r in enumerate(rows, start=1) if r[1] == "TYT-X-BINHNGUYEN")
    visit_date = sheet.cell(row=line, column=rows[0].index("Ngày") + 1)
    assert (visit_date.value.date(), visit_date.number_format) == (dt.date(2025, 10, 14), "dd/mm/yyyy")
    assert rows[line - 1][2] == "Làm việc với xã"
