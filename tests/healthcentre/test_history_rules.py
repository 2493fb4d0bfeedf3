"""The history rules refuse contradictions, from the admin form and from the importer alike."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from healthcentre.history.resources import EventResource
from healthcentre.models import Event, EventKind, Organisation, StructureSnapshot
from tests.healthcentre.history_helpers import dataset


def unit(code):
    return Organisation.objects.get(code=code)


def new_unit(code, name="Đơn vị thử"):
    return Organisation.objects.create(code=code, name=name, kind="other", province_id=24)


def event(**kwargs):
    return Event(**{"date_precision": "day", **kwargs})


def test_it_refuses_a_merger_with_one_source(seeded):
    target = new_unit("HOPNHAT-THU")
    merger = event(code="m1", organisation=target, kind=EventKind.MERGED, date=dt.date(2020, 1, 1))
    merger.pending_predecessors = [unit("TTDS-TANYEN")]
    merger.pending_successors = []
    with pytest.raises(ValidationError) as caught:
        merger.full_clean()
    assert "cần ít nhất hai đơn vị nguồn" in str(caught.value.message_dict["predecessors"])


def test_it_refuses_a_split_into_one_unit(seeded):
    split = event(code="s1", organisation=new_unit("TACH-THU"), kind=EventKind.SPLIT, date=dt.date(2020, 1, 1))
    split.pending_predecessors, split.pending_successors = [], [new_unit("TACH-THU-A")]
    with pytest.raises(ValidationError) as caught:
        split.full_clean()
    assert "cần ít nhất hai đơn vị kết quả" in str(caught.value.message_dict["successors"])


def test_it_refuses_a_successor_that_existed_before_it_was_founded(seeded):
    # The Bệnh viện Đa khoa was split off in 2006: it cannot be the successor of a 2001 event.
    rename = event(code="r1", organisation=unit("TTYT-TANYEN-1994"), kind=EventKind.OTHER, date=dt.date(2001, 3, 1))
    rename.pending_predecessors, rename.pending_successors = [], [unit("BVDK-TANYEN")]
    with pytest.raises(ValidationError) as caught:
        rename.full_clean()
    message = " ".join(caught.value.message_dict["successors"])
    assert "trước khi được thành lập vào 2006" in message


def test_it_refuses_a_unit_active_after_its_dissolution(seeded):
    # The hospital was merged away in 2019; it cannot be renamed in 2021.
    late = event(code="x1", organisation=unit("BVDK-TANYEN"), kind=EventKind.RENAMED, date=dt.date(2021, 5, 1))
    late.pending_predecessors, late.pending_successors = [], []
    with pytest.raises(ValidationError) as caught:
        late.full_clean()
    assert "sau khi đã chấm dứt vào 2019" in " ".join(caught.value.message_dict["date"])


def test_it_refuses_a_dated_fact_after_the_unit_ceased(seeded):
    fact = StructureSnapshot(organisation=unit("TTYT-TANYEN-2005"), start=dt.date(2010, 1, 1), start_precision="day")
    with pytest.raises(ValidationError) as caught:
        fact.full_clean()
    assert "sau khi đã chấm dứt vào 2006" in " ".join(caught.value.message_dict["start"])


def test_partial_dates_that_may_overlap_are_not_a_contradiction(seeded):
    # "8/1966" (the station still at work) and "1966" (it became the hospital) can both be true.
    fact = StructureSnapshot(organisation=unit("TRAMYT-TANYEN"), start=dt.date(1966, 8, 1), start_precision="month")
    fact.full_clean()
    fact = StructureSnapshot(organisation=unit("TRAMYT-TANYEN"), start=dt.date(1967, 2, 1), start_precision="month")
    with pytest.raises(ValidationError):
        fact.full_clean()


def test_the_importer_applies_the_same_rules_and_names_row_and_column(seeded):
    new_unit("DOITEN-THU")
    new_unit("HOPNHAT-THU")
    rows = [
        ["code", "organisation_code", "kind", "date", "predecessor_codes", "successor_codes"],
        ["ok-1", "DOITEN-THU", "renamed", "3/2020", "", ""],
        ["bad-1", "HOPNHAT-THU", "merged", "2021", "TTDS-TANYEN", ""],
    ]
    result = EventResource().import_data(dataset(rows), dry_run=False)
    assert [(p.row, p.column) for p in result.problems] == [(3, "predecessor_codes")]
    assert "cần ít nhất hai đơn vị nguồn" in result.problems[0].message
    assert not Event.objects.filter(code__in=["ok-1", "bad-1"]).exists()


def test_the_importer_names_an_unknown_predecessor_code(seeded):
    new_unit("HOPNHAT-THU")
    rows = [
        ["code", "organisation_code", "kind", "date", "predecessor_codes", "successor_codes"],
        ["bad-2", "HOPNHAT-THU", "merged", "2021", "TTDS-TANYEN; KHONG-CO", ""],
    ]
    result = EventResource().import_data(dataset(rows), dry_run=False)
    assert [(p.row, p.column) for p in result.problems] == [(2, "predecessor_codes")]
    assert "KHONG-CO" in result.problems[0].message


def test_the_importer_stores_predecessors_successors_and_the_partial_date(seeded):
    new_unit("HOPNHAT-THU")
    rows = [
        ["code", "organisation_code", "kind", "date", "decision", "predecessor_codes", "successor_codes"],
        ["good-1", "HOPNHAT-THU", "merged", "7/2021", "794/QĐ-UBND ngày 13/12/2018", "PYT-TANYEN;UBDS-TANYEN", ""],
    ]
    result = EventResource().import_data(dataset(rows), dry_run=False)
    assert result.problems == []
    stored = Event.objects.get(code="good-1")
    assert stored.date_text == "07/2021"
    assert stored.decision.number == "794/QĐ-UBND"
    assert set(stored.predecessors.values_list("code", flat=True)) == {"PYT-TANYEN", "UBDS-TANYEN"}
