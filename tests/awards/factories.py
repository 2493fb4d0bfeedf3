"""Small builders for award records in tests (the catalogue and units come from the seeds)."""

from awards.models import AwardDecision, AwardForm, AwardRecord, AwardStatus
from healthcentre.models import Organisation, Person


def person(code="nguyen-thi-test", unit="TTYT-BINHXUYEN"):
    return Person.objects.get_or_create(
        code=code, defaults={"full_name": "Nguyễn Thị Test", "organisation": Organisation.objects.get(code=unit)}
    )[0]


def decision(year, issuer="UBND-PHUTHO", filed_by="TTYT-BINHXUYEN", occasion=""):
    return AwardDecision.objects.get_or_create(
        number=f"{year}/QĐ-TEST",
        date=f"{year}-12-20",
        issuer=Organisation.objects.get(code=issuer),
        defaults={"date_precision": "day", "filed_by": Organisation.objects.get(code=filed_by), "occasion": occasion},
    )[0]


def award(form_code, year=None, status=AwardStatus.APPROVED, save=True, with_decision=True, **recipient):
    """An award of `form_code` for the achievement year `year` to `recipient` (person=… or unit=…)."""
    record = AwardRecord(
        form=AwardForm.objects.get(code=form_code),
        status=status,
        recipient_person=recipient.get("person"),
        recipient_unit=recipient.get("unit"),
        period_start=year,
        period_end=year,
        decision=decision(year) if (year and with_decision and status == AwardStatus.APPROVED) else None,
    )
    record.fill_derived()
    if save:
        record.full_clean()
        record.save()
    return record
