from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord


class Operator(models.TextChoices):
    EQ = "==", "="
    NE = "!=", "≠"
    LT = "<", "<"
    LE = "<=", "≤"
    GT = ">", ">"
    GE = ">=", "≥"


class ValidationRule(ImportedRecord):
    """A DHIS2-style rule: left side, operator, right side, checked for each unit and period.

    A side is a sum of terms; a term is a number, an indicator code (its value), or
    CODE.numerator / CODE.denominator, e.g. ``ATTP-DAT-LN <= ATTP-KT-LN`` or
    ``ATTP-KT = ATTP-KT-LN + ATTP-KT-TK``. A rule whose operands are missing is skipped,
    as DHIS2's default "skip if any value is missing" does.
    """

    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=255)
    left = models.CharField(_("left side"), max_length=255)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("right side"), max_length=255)
    message = models.CharField(
        _("message"), max_length=255, help_text=_("Shown to the user when the rule is broken, in Vietnamese.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code"], name="validationrule_unique_code")]

    def __str__(self) -> str:
        return f"{self.left} {self.get_operator_display()} {self.right}"

    def clean(self) -> None:
        from ..validation import ExpressionError, parse_expression

        super().clean()
        errors = {}
        for side in ("left", "right"):
            try:
                parse_expression(getattr(self, side))
            except ExpressionError as exc:
                errors[side] = str(exc)
        if errors:
            raise ValidationError(errors)
