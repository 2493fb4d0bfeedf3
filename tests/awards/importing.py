"""Drive the admin's two-step import (preview, then confirm) as a user would."""

from django.core.files.uploadedfile import SimpleUploadedFile

IMPORT_URL = "/admin/awards/awardrecord/import/"
CONFIRM_URL = "/admin/awards/awardrecord/process_import/"
CSV_FORMAT = "1"  # RecordAdmin.import_formats = [SafeXLSX, SafeCSV]

HEADER = (
    "decision_number,decision_date,issuer_code,presenter_code,occasion,form_code,status,recipient_kind,"
    "recipient_unit_code,recipient_person_code,count,count_at_least,organisation_code,achievement_period,citation,notes"
)


def csv_file(*rows):
    return SimpleUploadedFile("khen-thuong.csv", ("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))


def preview(client, *rows):
    return client.post(IMPORT_URL, {"format": CSV_FORMAT, "import_file": csv_file(*rows)})


def confirm(client, previewed):
    form = previewed.context["confirm_form"]
    return client.post(CONFIRM_URL, {name: form.initial.get(name, "") for name in form.fields}, follow=True)
