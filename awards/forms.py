from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from healthcentre.forms import VietnameseDecimalField, year_field
from healthcentre.models import Organisation, Province

from .reports import DEFAULT_BASE_SALARY


class ReportForm(forms.Form):
    """What the awards report is for: a year, and a unit or a province the user may see."""

    year = year_field(label=_("Year"), required=False, min_value=1945, max_value=2100)
    unit = forms.ModelChoiceField(
        label=_("Unit (with its sub-units)"), queryset=Organisation.objects.none(), required=False
    )
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), required=False)
    base_salary = VietnameseDecimalField(
        label=_("Base salary (đồng)"),
        required=False,
        min_value=Decimal(1),
        max_digits=12,
        decimal_places=0,
        help_text=_("Lương cơ sở used for the reward amounts; 2.340.000 đồng since 1/7/2024."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Organisation.objects.visible_to(user)
        self.fields["unit"].queryset = visible.order_by("name")
        self.fields["province"].queryset = Province.objects.filter(organisations__in=visible).distinct()

    def clean(self):
        data = super().clean()
        if data.get("unit") and data.get("province"):
            raise forms.ValidationError(_("Choose a unit or a province, not both."))
        if not data.get("base_salary"):
            data["base_salary"] = DEFAULT_BASE_SALARY
        return data


class EligibilityForm(forms.Form):
    year = year_field(label=_("Year"), min_value=1945, max_value=2100)
