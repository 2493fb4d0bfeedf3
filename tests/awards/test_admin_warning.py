"""Proposing a title in the admin shows the law's warning after saving."""

from awards.models import AwardForm, AwardRecord

from .factories import award, person


def test_proposing_cstd_tinh_without_three_years_warns(world, catalogues, centre_admin, client_for):
    someone = person()
    award("CSTD-CO-SO", 2025, person=someone)
    response = client_for(centre_admin).post(
        "/admin/awards/awardrecord/add/",
        {
            "status": "proposed",
            "form": AwardForm.objects.get(code="CSTD-TINH").pk,
            "recipient_person": someone.pk,
            "period_start": 2025,
            "period_end": 2025,
            "recipient_kind": "",
            "count_at_least": "",
        },
        follow=True,
    )
    page = response.content.decode()
    assert AwardRecord.objects.filter(form__code="CSTD-TINH", recipient_person=someone, status="proposed").exists()
    assert (
        "“Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh” cần 3 lần liên tục “Chiến sĩ thi đua cơ sở” đến năm 2025; "
        "hồ sơ có: 2025." in page
    )


def test_the_change_form_lists_the_current_warnings(world, catalogues, superuser, client_for):
    someone = person()
    record = award("TTND", 2025, person=someone)
    page = client_for(superuser).get(f"/admin/awards/awardrecord/{record.pk}/change/").content.decode()
    assert "cần có “Thầy thuốc Ưu tú” trước" in page
