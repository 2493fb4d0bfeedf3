"""A decision with its recipients is one upload; the law's checks warn in the preview, hard rules block."""

import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import AwardDecision, AwardRecord
from healthcentre.models import ImportRun

from .factories import phan_kim_trong, ubnd_phu_tho
from .importing import CSV_FORMAT, IMPORT_URL, confirm, preview

DECISION = "125/QĐ-UBND,20/12/2025,UBND-PHUTHO,,Tổng kết năm 2025"


@pytest.fixture
def recipients(world, catalogues) -> None:
    """The issuer and the recipients the uploads name, beside the stations of `world`."""
    ubnd_phu_tho()
    phan_kim_trong()


def test_it_imports_a_decision_with_all_its_recipients_in_one_upload(recipients, superuser, client_for):
    client = client_for(superuser)
    rows = [
        f"{DECISION},GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,Hoàn thành xuất sắc nhiệm vụ,",
        f"{DECISION},GIAY-KHEN,,,,phan-kim-trong,,,,2025,Hoàn thành xuất sắc nhiệm vụ,",
        f"{DECISION},GIAY-KHEN,,individual,,,12,,TTYT-BINHXUYEN,2025,,",
    ]
    previewed = preview(client, *rows)
    assert previewed.status_code == 200
    assert previewed.context["result"].warnings == []
    assert not AwardDecision.objects.filter(number="125/QĐ-UBND").exists()
    confirm(client, previewed)
    decision = AwardDecision.objects.get(number="125/QĐ-UBND")
    assert decision.filed_by.code == "TYT-X-BINHNGUYEN"
    assert sorted(r.recipient_display for r in decision.records.all()) == [
        "12 cá nhân (Trung tâm Y tế khu vực Bình Xuyên)",
        "Thầy thuốc Ưu tú, Thạc sĩ, BS CKII Phan Kim Trọng",
        "Trạm Y tế xã Bình Nguyên",
    ]


def test_a_recipient_of_the_wrong_kind_is_a_warning_in_the_preview_and_does_not_block(
    recipients, superuser, client_for
):
    client = client_for(superuser)
    rows = [
        f"{DECISION},CSTD-CO-SO,,,TYT-X-BINHNGUYEN,,,,,2025,,",
        f"{DECISION},CSTD-CO-SO,,,,phan-kim-trong,,,,2025,,",
    ]
    previewed = preview(client, *rows)
    page = previewed.content.decode()
    assert "Cảnh báo" in page
    assert "“Chiến sĩ thi đua cơ sở” là danh hiệu cho chỉ cá nhân, nhưng người/đơn vị nhận là tập thể." in page
    (warning,) = previewed.context["result"].warnings
    assert (warning.row, warning.column) == (2, "recipient_unit_code")
    confirm(client, previewed)
    assert AwardRecord.objects.filter(decision__number="125/QĐ-UBND").count() == 2


def test_a_hard_error_blocks_the_whole_file_and_names_row_and_column(recipients, superuser, client_for):
    client = client_for(superuser)
    rows = [
        f"{DECISION},GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,,",
        f"{DECISION},KHONG-CO,,,,phan-kim-trong,,,,2020–2025,,",
        f"{DECISION},GIAY-KHEN,,,,phan-kim-trong,,,,2026-2020,,",
    ]
    previewed = preview(client, *rows)
    problems = [(p.row, p.column, p.message) for p in previewed.context["result"].problems]
    assert (3, "form_code", "Không có hình thức khen thưởng nào mang mã “KHONG-CO”.") in problems
    assert (4, "achievement_period", "“2026-2020”: khoảng năm kết thúc trước khi bắt đầu.") in problems
    assert "confirm_form" not in previewed.context
    assert not AwardDecision.objects.filter(number="125/QĐ-UBND").exists()
    assert ImportRun.objects.first().status == ImportRun.Status.REJECTED


def test_a_centre_cannot_import_awards_for_another_centre(recipients, other_centre_admin, client_for):
    client = client_for(other_centre_admin)
    previewed = preview(client, "7/QĐ-SYT,2025,SYT-LAICHAU,,,GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,,")
    (problem,) = previewed.context["result"].problems
    assert problem.column == "recipient_unit_code"
    assert not AwardRecord.objects.filter(decision__number="125/QĐ-UBND").exists()


def test_the_export_writes_vietnamese_headings_that_the_import_reads_back(lai_chau_awards, superuser, client_for):
    from awards.resources import AwardRecordResource

    dataset = AwardRecordResource().export(AwardRecord.objects.filter(organisation__code="TTYT-LAICHAU"))
    assert dataset.headers[:6] == [
        "Quyết định (số)",
        "Quyết định (ngày ký)",
        "Cơ quan ban hành (mã)",
        "Cơ quan trao tặng (mã)",
        "Quyết định (dịp khen thưởng)",
        "Hình thức khen thưởng (mã)",
    ]
    assert "Thời gian thành tích (năm)" in dataset.headers
    assert {row[1] for row in dataset} == {"2025"}
    assert sorted(int(row[10]) for row in dataset) == [2, 3, 8, 15]
    exported = SimpleUploadedFile("khen-thuong.csv", dataset.export("csv").encode("utf-8"))
    client = client_for(superuser)
    previewed = client.post(IMPORT_URL, {"format": CSV_FORMAT, "import_file": exported})
    assert previewed.context["result"].problems == []
    assert previewed.context["result"].totals["skip"] == len(dataset)


def test_the_decision_columns_are_read_by_the_vocabulary(recipients, superuser, client_for):
    """A decision number with a zero-width space would be a second decision that looks like
    the first; an occasion written in decomposed Unicode is the same occasion."""
    client = client_for(superuser)
    previewed = preview(client, "7/QĐ\u200b-SYT,2025,SYT-LAICHAU,,,GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,,")
    (problem,) = previewed.context["result"].problems
    assert (problem.row, problem.column) == (2, "decision_number")
    assert "U+200B" in problem.message
    decomposed = unicodedata.normalize("NFD", "Tổng kết năm 2025")
    previewed = preview(client, f"8/QĐ-SYT,2025,SYT-LAICHAU,,{decomposed},GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,,")
    confirm(client, previewed)
    assert AwardDecision.objects.get(number="8/QĐ-SYT").occasion == "Tổng kết năm 2025"
