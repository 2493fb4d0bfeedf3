"""The hard rules of an award record: one recipient, a valid period; both in the DB and in clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awards.models import AwardForm, AwardRecord, RecipientKind
from healthcentre.models import Organisation

from .factories import person, tan_yen


def test_the_database_refuses_a_record_naming_both_a_unit_and_a_person(world, catalogues):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardRecord.objects.bulk_create(
            [
                AwardRecord(
                    form=AwardForm.objects.get(code="GIAY-KHEN"),
                    recipient_unit=centre,
                    recipient_person=person(),
                    recipient_kind=RecipientKind.COLLECTIVE,
                    organisation=centre,
                )
            ]
        )


def test_the_database_refuses_a_record_without_any_recipient(world, catalogues):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardRecord.objects.bulk_create(
            [
                AwardRecord(
                    form=AwardForm.objects.get(code="GIAY-KHEN"), organisation=centre, recipient_kind="individual"
                )
            ]
        )


def test_clean_names_the_problem_in_vietnamese(world, catalogues):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    record = AwardRecord(form=AwardForm.objects.get(code="GIAY-KHEN"), recipient_unit=centre, recipient_person=person())
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert caught.value.message_dict["recipient_person"] == ["Chỉ chọn một đơn vị hoặc một người, không chọn cả hai."]


def test_a_count_only_record_keeps_the_number_and_the_unit(world, catalogues):
    unit = Organisation.objects.get(code="TTYT-LAICHAU")
    record = AwardRecord(
        form=AwardForm.objects.get(code="GIAY-KHEN"), count=15, recipient_kind="individual", organisation=unit
    )
    record.full_clean()
    record.save()
    assert (record.individuals, record.collectives) == (15, 0)
    assert record.recipient_display == "15 cá nhân (Trung tâm Y tế Lai Châu)"


def test_a_named_person_fills_the_kind_and_the_unit(world, catalogues):
    someone = person(unit=tan_yen().code)
    record = AwardRecord(form=AwardForm.objects.get(code="TTUT"), recipient_person=someone)
    record.full_clean()
    record.save()
    assert (record.recipient_kind, record.organisation.code) == ("individual", "TTYT-TANYEN")
