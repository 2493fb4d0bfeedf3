"""Small builders for award records in tests: on the units of tests/world.py (`world`) and the
award forms of the shared catalogues (`catalogues`), plus the few bodies and people built here."""

import datetime as dt

from awards.models import AwardDecision, AwardForm, AwardRecord, AwardStatus, RecipientKind
from healthcentre.models import Organisation, OrganisationKind, Person
from tests.records import binh_xuyen_director, person
from tests.world import PHU_THO, unit

BAC_GIANG = 24  # the Bắc Giang of before 7/2025 (seeds/healthcentre/organisations.csv)


def ubnd_phu_tho() -> Organisation:
    """The Phú Thọ People's Committee, which signs the provincial awards."""
    return unit("UBND-PHUTHO", "Ủy ban nhân dân tỉnh Phú Thọ", OrganisationKind.PEOPLES_COMMITTEE, PHU_THO)


def tan_yen() -> Organisation:
    """The Tân Yên centre, under its district People's Committee, under the Bắc Giang one."""
    province = unit("UBND-BACGIANG", "Ủy ban nhân dân tỉnh Bắc Giang", OrganisationKind.PEOPLES_COMMITTEE, BAC_GIANG)
    district = unit(
        "UBND-TANYEN", "Ủy ban nhân dân huyện Tân Yên", OrganisationKind.PEOPLES_COMMITTEE, BAC_GIANG, province
    )
    return unit("TTYT-TANYEN", "Trung tâm Y tế huyện Tân Yên", OrganisationKind.HEALTH_CENTRE, BAC_GIANG, district)


def phan_kim_trong() -> Person:
    """The director of the Bình Xuyên centre, a Meritorious Physician of an unknown year."""
    director = binh_xuyen_director()
    award("TTUT", None, person=director)
    return director


def decision(year, issuer="UBND-PHUTHO", filed_by="TTYT-BINHXUYEN", occasion=""):
    if issuer == "UBND-PHUTHO":
        ubnd_phu_tho()
    return AwardDecision.objects.get_or_create(
        number=f"{year}/QĐ-TEST",
        date=f"{year}-12-20",
        issuer=Organisation.objects.get(code=issuer),
        defaults={"date_precision": "day", "filed_by": Organisation.objects.get(code=filed_by), "occasion": occasion},
    )[0]


def award(form_code, year=None, status=AwardStatus.APPROVED, save=True, with_decision=True, under=None, **recipient):
    """An award of `form_code` for the achievement year `year` to `recipient` (person=… or unit=…),
    under the decision `under`, else under the test decision of that year (see `decision`)."""
    if under is None and year and with_decision and status == AwardStatus.APPROVED:
        under = decision(year)
    record = AwardRecord(
        form=AwardForm.objects.get(code=form_code),
        status=status,
        recipient_person=recipient.get("person"),
        recipient_unit=recipient.get("unit"),
        period_start=year,
        period_end=year,
        decision=under,
    )
    record.fill_derived()
    if save:
        record.full_clean()
        record.save()
    return record


def counted(
    form_code: str,
    count: int,
    kind: str,
    unit: str,
    under: AwardDecision | None = None,
    period: tuple[int, int] | None = None,
    at_least: bool = False,
) -> AwardRecord:
    """An award to `count` unnamed individuals or collectives of `unit`, as articles report them."""
    start, end = period or (None, None)
    record = AwardRecord(
        form=AwardForm.objects.get(code=form_code),
        decision=under,
        recipient_kind=kind,
        count=count,
        count_at_least=at_least,
        organisation=Organisation.objects.get(code=unit),
        period_start=start,
        period_end=end,
    )
    record.full_clean()
    record.save()
    return record


LAI_CHAU_OCCASIONS = (
    "Kỷ niệm 70 năm ngày Bác Hồ gửi thư cho ngành Y tế (27/02/1955 – 27/02/2025)",
    "Hội nghị điển hình tiên tiến ngành Y tế tỉnh Lai Châu lần thứ VI (giai đoạn 2025–2030)",
)


def lai_chau_2025() -> list[AwardRecord]:
    """The Lai Châu centre's Giấy khen of 2025 as its article gives them: two decisions of the
    Lai Châu Department, of a year, no number; 15 + 8 individuals and 3 + 2 collectives."""
    anniversary, conference = (
        AwardDecision.objects.create(
            date=dt.date(2025, 1, 1),
            date_precision="year",
            issuer=Organisation.objects.get(code="SYT-LAICHAU"),
            occasion=occasion,
            filed_by=Organisation.objects.get(code="TTYT-LAICHAU"),
        )
        for occasion in LAI_CHAU_OCCASIONS
    )
    return [
        counted("GIAY-KHEN", 15, RecipientKind.INDIVIDUAL, "TTYT-LAICHAU", anniversary),
        counted("GIAY-KHEN", 3, RecipientKind.COLLECTIVE, "TTYT-LAICHAU", anniversary),
        counted("GIAY-KHEN", 8, RecipientKind.INDIVIDUAL, "TTYT-LAICHAU", conference, (2020, 2025)),
        counted("GIAY-KHEN", 2, RecipientKind.COLLECTIVE, "TTYT-LAICHAU", conference, (2020, 2025)),
    ]


def tan_yen_awards() -> Organisation:
    """The Tân Yên centre's awards as its articles tell them: two Bằng khen and a Cờ thi đua of the
    Bắc Giang People's Committee, "some" individuals with a Bằng khen of the Prime Minister (year
    not given), and three Meritorious Physicians of unknown years."""
    centre = tan_yen()
    for form_code, year in (("BANG-KHEN-TINH", 2021), ("BANG-KHEN-TINH", 2023), ("CO-THI-DUA-TINH", 2024)):
        award(form_code, year, unit=centre, under=decision(year, issuer="UBND-BACGIANG", filed_by=centre.code))
    counted("BANG-KHEN-TTG", 1, RecipientKind.INDIVIDUAL, centre.code, at_least=True)
    for code, full_name in (
        ("pham-thi-anh-tuyet", "Phạm Thị Ánh Tuyết"),
        ("le-thi-han", "Lê Thị Hân"),
        ("nguyen-van-hoan", "Nguyễn Văn Hoàn"),
    ):
        award("TTUT", None, person=person(code, centre.code, full_name=full_name, degrees="Bác sĩ"))
    return centre
