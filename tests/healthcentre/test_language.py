import re

from django.utils import translation

from healthcentre.domains import domains


def test_the_admin_is_vietnamese_and_names_the_system(client_for, superuser):
    body = client_for(superuser).get("/admin/").content.decode()
    assert "Hồ sơ Trung tâm Y tế" in body
    assert "Tổ chức và lịch sử" in body
    assert 'lang="vi"' in body


def test_the_admins_own_words_read_right(client_for, superuser):
    """Django's Vietnamese says "add into", "activity" and "go to" where the admin means add,
    action and run; the platform's catalogues say what is meant."""
    client = client_for(superuser)
    index = client.get("/admin/").content.decode()
    assert ">Thêm</a>" in index and ">Thay đổi</a>" in index
    assert "Thêm vào" not in index and "Tăng/giảm" not in index
    changelist = client.get("/admin/healthcentre/person/").content.decode()
    assert "Thao tác:" in changelist and 'title="Thực hiện thao tác đã chọn"' in changelist
    assert "Hoạt động:" not in changelist and "Đi đến" not in changelist
    assert re.search(r'class="addlink">\s*Thêm người\s*<', changelist)


def test_english_can_be_chosen_from_the_admin(client_for, superuser):
    client = client_for(superuser)
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    body = client.get("/admin/").content.decode()
    assert "Health centre records" in body and 'lang="en"' in body


def test_numbers_and_dates_are_written_the_vietnamese_way():
    from django.utils import formats

    with translation.override("vi"):
        assert formats.number_format(27662, force_grouping=True) == "27.662"
        assert formats.number_format(57.6, 1) == "57,6"
        import datetime

        assert formats.date_format(datetime.date(2025, 7, 21), "SHORT_DATE_FORMAT") == "21/07/2025"


def test_every_model_and_field_name_has_a_vietnamese_translation():
    untranslated = []
    for config in domains():
        for model in config.get_models():
            if model.__name__.startswith("Historical"):  # django-simple-history's audit tables
                continue
            names = [model._meta.verbose_name, model._meta.verbose_name_plural]
            names += [f.verbose_name for f in model._meta.get_fields() if hasattr(f, "verbose_name") and f.concrete]
            for name in names:
                with translation.override("en"):
                    english = str(name)
                with translation.override("vi"):
                    vietnamese = str(name)
                if english == vietnamese and english not in {"ID", "SHA-256"}:
                    untranslated.append(f"{model.__name__}: {english}")
    assert untranslated == []


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(client_for, superuser):
    client = client_for(superuser)
    body = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in body and "Hồ sơ Trung tâm Y tế" in body
