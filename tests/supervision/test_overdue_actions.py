import datetime as dt

from django.utils import timezone

from supervision.models import ActionItem, ActionStatus


def add_item(visit, due, status=ActionStatus.OPEN, closed=None, text="Bổ sung thuốc thiết yếu"):
    return ActionItem.objects.create(
        visit=visit, description=text, responsible_unit=visit.station, due_date=due, status=status, closed_date=closed
    )


def test_it_counts_open_items_past_their_due_date_as_overdue(make_visit):
    visit = make_visit()
    today = dt.date(2025, 1, 10)
    late = add_item(visit, dt.date(2025, 1, 9))
    add_item(visit, dt.date(2025, 1, 10), text="Đúng hạn hôm nay")
    add_item(visit, dt.date(2025, 1, 1), ActionStatus.DONE, dt.date(2025, 1, 2), text="Đã xong")
    add_item(visit, None, text="Chưa có hạn")
    assert list(ActionItem.objects.overdue(today)) == [late]
    assert late.is_overdue(today) and not late.is_overdue(dt.date(2025, 1, 9))


def test_the_overdue_list_shows_only_overdue_items_marked_in_red(make_visit, client_for, centre_admin):
    visit = make_visit()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    add_item(visit, yesterday, text="Sửa chữa nhà vệ sinh")
    add_item(visit, yesterday + dt.timedelta(days=30), text="Tập huấn phần mềm")
    page = client_for(centre_admin).get("/admin/supervision/actionitem/?follow_up=overdue").content.decode()
    assert "Sửa chữa nhà vệ sinh" in page
    assert "Tập huấn phần mềm" not in page
    assert 'class="overdue"' in page and "Quá hạn" in page


def test_the_station_page_flags_overdue_items(make_visit, client_for, centre_admin):
    visit = make_visit()
    add_item(visit, timezone.localdate() - dt.timedelta(days=3), text="Sửa chữa nhà vệ sinh")
    page = client_for(centre_admin).get(f"/admin/supervision/visit/station/{visit.station_id}/").content.decode()
    assert "Sửa chữa nhà vệ sinh" in page
    assert 'class="is-overdue"' in page and "Quá hạn" in page


def test_another_centre_cannot_open_the_station_page(make_visit, client_for, other_centre_admin):
    visit = make_visit()
    response = client_for(other_centre_admin).get(f"/admin/supervision/visit/station/{visit.station_id}/")
    assert response.status_code == 404
