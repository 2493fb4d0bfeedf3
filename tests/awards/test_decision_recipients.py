"""A decision's recipients are added on the decision's own form, within the user's units."""

import html

import pytest
from django.contrib import admin
from django.test import RequestFactory

from awards.admin.decisions import AwardRecordInline
from awards.models import AwardDecision, AwardRecord

DECISIONS = "/admin/awards/awarddecision/"


def lai_châu_decision() -> AwardDecision:
    return AwardDecision.objects.filter(filed_by__code="TTYT-LAICHAU").first()


@pytest.mark.usefixtures("lai_chau_awards")
def test_the_decision_form_lists_its_recipients(client_for, other_centre_admin):
    decision = lai_châu_decision()
    page = client_for(other_centre_admin).get(f"{DECISIONS}{decision.pk}/change/").content.decode()
    assert 'id="records-group"' in page
    assert f'name="records-TOTAL_FORMS" value="{decision.records.count()}"' in page


@pytest.mark.usefixtures("lai_chau_awards")
def test_recipients_are_added_on_the_decision_form(client_for, other_centre_admin):
    decision = lai_châu_decision()
    client = client_for(other_centre_admin)
    page = client.get(f"{DECISIONS}{decision.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"issuer": decision.issuer_id, "filed_by": decision.filed_by_id})
    formset = next(f for f in page.context["inline_admin_formsets"]).formset
    data.update({f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()})
    for index, record_form in enumerate(formset.forms):
        for name in record_form.fields:
            value = record_form[name].value()
            data[f"{formset.prefix}-{index}-{name}"] = "" if value is None else value
        data[f"{formset.prefix}-{index}-count_at_least"] = "on" if record_form.instance.count_at_least else ""
    for key in [k for k, v in data.items() if v is False]:
        data.pop(key)
    n = len(formset.forms)
    data[f"{formset.prefix}-TOTAL_FORMS"] = n + 1
    data.update(
        {
            f"{formset.prefix}-{n}-status": "approved",
            f"{formset.prefix}-{n}-form": AwardRecord.objects.filter(decision=decision).first().form_id,
            f"{formset.prefix}-{n}-recipient_kind": "individual",
            f"{formset.prefix}-{n}-count": "4",
            f"{formset.prefix}-{n}-organisation": decision.filed_by_id,
        }
    )
    before = decision.records.count()
    response = client.post(f"{DECISIONS}{decision.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert decision.records.count() == before + 1


@pytest.mark.usefixtures("lai_chau_awards")
def test_the_inline_is_scoped_to_the_users_units(centre_admin, other_centre_admin):
    inline = AwardRecordInline(AwardDecision, admin.site)
    request = RequestFactory().get("/")
    request.user = centre_admin
    decision = lai_châu_decision()
    assert not inline.get_queryset(request).filter(decision=decision).exists()
    assert not inline.has_add_permission(request, decision)
    assert not inline.has_change_permission(request, decision)
    formset = inline.get_formset(request, decision)
    units = formset.form.base_fields["organisation"].queryset
    assert not units.filter(code="TTYT-LAICHAU").exists()
    assert units.filter(code="TTYT-BINHXUYEN").exists()
    request.user = other_centre_admin
    assert inline.has_add_permission(request, decision)


@pytest.mark.usefixtures("lai_chau_awards")
def test_adding_a_recipient_from_the_decision_list_preselects_the_decision(client_for, other_centre_admin, viewer):
    decision = lai_châu_decision()
    client = client_for(other_centre_admin)
    listing = html.unescape(client.get(DECISIONS).content.decode())
    add = f"/admin/awards/awardrecord/add/?decision={decision.pk}"
    assert add in listing
    form = client.get(add).context["adminform"].form
    assert str(form["decision"].value()) == str(decision.pk)
    assert "/admin/awards/awardrecord/add/" not in client_for(viewer).get(DECISIONS).content.decode()
