"""The few units the personas of tests/conftest.py belong to, built in a test's own transaction.

The same codes as the seed set, taken as they are when a test also asks for the seeds: a test that
only needs "a centre under a department, with a station, and another province's centre" runs on
these and nothing else."""

from healthcentre.models import Commune, Organisation, OrganisationKind, Province

PHU_THO = 25
LAI_CHAU = 12


def unit(
    code: str, name: str, kind: str, province: int, parent: Organisation | None = None, commune: int | None = None
) -> Organisation:
    found, _created = Organisation.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "kind": kind,
            "parent": parent,
            "province": Province.objects.get(code=province),
            "commune": Commune.objects.get(code=commune) if commune else None,
        },
    )
    return found


def build_world() -> dict[str, Organisation]:
    """Phú Thọ's Department with the Bình Xuyên centre and one of its stations; Lai Châu's
    Department with its centre and one station."""
    phu_tho = unit("SYT-PHUTHO", "Sở Y tế tỉnh Phú Thọ", OrganisationKind.DEPARTMENT_OF_HEALTH, PHU_THO)
    binh_xuyen = unit(
        "TTYT-BINHXUYEN", "Trung tâm Y tế khu vực Bình Xuyên", OrganisationKind.HEALTH_CENTRE, PHU_THO, phu_tho
    )
    lai_chau_department = unit("SYT-LAICHAU", "Sở Y tế tỉnh Lai Châu", OrganisationKind.DEPARTMENT_OF_HEALTH, LAI_CHAU)
    lai_chau = unit(
        "TTYT-LAICHAU", "Trung tâm Y tế Lai Châu", OrganisationKind.HEALTH_CENTRE, LAI_CHAU, lai_chau_department
    )
    units = [
        phu_tho,
        binh_xuyen,
        unit(
            "TYT-X-BINHNGUYEN", "Trạm Y tế xã Bình Nguyên", OrganisationKind.COMMUNE_STATION, PHU_THO, binh_xuyen, 8935
        ),
        lai_chau_department,
        lai_chau,
        unit("TYT-P-DOANKET", "Trạm Y tế phường Đoàn Kết", OrganisationKind.COMMUNE_STATION, LAI_CHAU, lai_chau, 3388),
    ]
    return {found.code: found for found in units}
