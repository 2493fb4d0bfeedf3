"""A visit to a station outside the centre's area is kept, with a warning."""

from django.contrib.messages import get_messages

from healthcentre.models import Organisation
from supervision.models import Visit
from supervision.rules import station_outside_served_area
from tests.supervision.builders import binh_xuyen_station


def add_visit(client, round_, station):
    return client.post(
        "/admin/supervision/visit/add/",
        {
            "round": round_.pk,
            "station": station.pk,
            "kind": "working_session",
            "date": "05/11/2024",
            "findings-TOTAL_FORMS": "0",
            "findings-INITIAL_FORMS": "0",
            "action_items-TOTAL_FORMS": "0",
            "action_items-INITIAL_FORMS": "0",
        },
    )


def test_it_warns_but_keeps_a_visit_outside_the_area(make_round, client_for, superuser):
    round_ = make_round()
    station = Organisation.objects.get(code="TYT-P-DOANKET")  # in Lai Châu
    response = add_visit(client_for(superuser), round_, station)
    assert response.status_code == 302
    visit = Visit.objects.get(round=round_)
    assert station_outside_served_area(visit)
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Trạm Y tế phường Đoàn Kết nằm ngoài địa bàn Trung tâm Y tế khu vực Bình Xuyên phụ trách. "
        "Lượt giám sát vẫn được lưu; hãy kiểm tra lại cho đúng ý định."
    ]


def test_it_does_not_warn_inside_the_area(make_round, client_for, centre_admin):
    round_ = make_round()
    response = add_visit(client_for(centre_admin), round_, binh_xuyen_station("DT-BINHXUYEN-HUONGCANH"))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert not station_outside_served_area(Visit.objects.get(round=round_))


def test_the_admin_form_refuses_a_date_outside_the_round(make_round, client_for, centre_admin):
    round_ = make_round()
    client = client_for(centre_admin)
    response = client.post(
        "/admin/supervision/visit/add/",
        {
            "round": round_.pk,
            "station": Organisation.objects.get(code="TYT-X-BINHNGUYEN").pk,
            "date": "20/11/2024",
            "findings-TOTAL_FORMS": "0",
            "findings-INITIAL_FORMS": "0",
            "action_items-TOTAL_FORMS": "0",
            "action_items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Ngày giám sát phải nằm trong thời gian của đợt (04-08/11/2024)." in response.content.decode()
    assert not Visit.objects.filter(round=round_).exists()


def test_the_admin_form_refuses_a_member_listed_twice(make_round, client_for, centre_admin, leader):
    round_ = make_round()
    data = {
        "code": round_.code,
        "title": round_.title,
        "supervising_unit": round_.supervising_unit_id,
        "start_date": "04/11/2024",
        "end_date": "08/11/2024",
        "team-TOTAL_FORMS": "2",
        "team-INITIAL_FORMS": "0",
        "team-0-person": leader.pk,
        "team-0-role": "leader",
        "team-1-person": leader.pk,
        "team-1-role": "member",
        "visits-TOTAL_FORMS": "0",
        "visits-INITIAL_FORMS": "0",
    }
    response = client_for(centre_admin).post(f"/admin/supervision/supervisionround/{round_.pk}/change/", data)
    assert response.status_code == 200
    assert not round_.team.exists()
    assert "errorlist" in response.content.decode()


def test_an_import_warns_on_the_row_but_writes_the_visit(make_round, client_for, superuser):
    from tests.uploads import named

    make_round()
    client = client_for(superuser)
    text = "round_code,station_code,kind,date\nTEST-ROUND,TYT-P-DOANKET,working_session,05/11/2024\n"
    response = client.post(
        "/admin/supervision/visit/import/", {"resource": 0, "format": 1, "import_file": named(text.encode(), "v.csv")}
    )
    warnings = [(w.row, w.column) for w in response.context["result"].warnings]
    assert warnings == [(2, "station_code")]
    assert "nằm ngoài địa bàn" in response.content.decode()
    client.post("/admin/supervision/visit/process_import/", response.context["confirm_form"].initial)
    assert Visit.objects.filter(round__code="TEST-ROUND", station__code="TYT-P-DOANKET").exists()
