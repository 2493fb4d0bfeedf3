"""The catalogue of award forms and titles (Law 06/2022/QH15, Decree 98/2023/NĐ-CP).

Shipped as data (seeds/awards/forms.csv) and maintained by a superuser only: every unit
reads the same catalogue. The ladder rules ("three consecutive years of X before Y") are
data here too, so awards/rules.py holds one generic check instead of one function per title.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healthcentre.models import ImportedRecord


class AwardCategory(models.TextChoices):
    EMULATION_TITLE = "emulation_title", _("Emulation title")
    COMMENDATION = "commendation", _("Certificate of merit or commendation")
    ORDER = "order", _("Order or medal")
    STATE_HONOUR_TITLE = "state_honour_title", _("State honour title")


class AwardLevel(models.TextChoices):
    # Ordered from the lowest to the highest; reports sort by this order.
    GRASSROOTS = "grassroots", _("Grassroots (unit)")
    PROVINCE = "province", _("Ministry, sector or province")
    NATIONAL = "national", _("National (Government, Prime Minister)")
    STATE = "state", _("State (President)")


LEVEL_ORDER = {value: index for index, value in enumerate(AwardLevel.values)}


class EligibleRecipients(models.TextChoices):
    INDIVIDUAL = "individual", _("Individuals only")
    COLLECTIVE = "collective", _("Collectives only")
    BOTH = "both", _("Individuals and collectives")


class AwardForm(ImportedRecord):
    """One award form or title, e.g. Chiến sĩ thi đua cơ sở, Bằng khen của Thủ tướng Chính phủ."""

    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable code used in spreadsheets, e.g. CSTD-CO-SO."))
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=AwardCategory.choices)
    level = models.CharField(_("level"), max_length=16, choices=AwardLevel.choices)
    eligible_recipients = models.CharField(_("who may receive it"), max_length=16, choices=EligibleRecipients.choices)
    usual_authority = models.CharField(
        _("usual awarding authority"),
        max_length=200,
        blank=True,
        help_text=_("Who usually signs the decision, e.g. Chủ tịch UBND tỉnh."),
    )
    reward_multiple = models.DecimalField(
        _("reward (× base salary)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Multiple of the base salary paid with the award, where Decree 98/2023 sets one; else empty."),
    )
    prerequisite = models.ForeignKey(
        "self",
        verbose_name=_("requires first"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_levels",
        help_text=_("The form a recipient must already hold, e.g. Thầy thuốc Ưu tú before Thầy thuốc Nhân dân."),
    )
    prerequisite_times = models.PositiveSmallIntegerField(
        _("times required"), default=1, help_text=_("How many times the required form must have been awarded.")
    )
    prerequisite_consecutive = models.BooleanField(
        _("consecutively"),
        default=False,
        help_text=_("The required awards must follow one another without a gap, the last one in the same year."),
    )
    cycle_years = models.PositiveSmallIntegerField(
        _("years one award stands for"),
        default=1,
        help_text=_("Chiến sĩ thi đua cấp tỉnh stands for the three years of Chiến sĩ thi đua cơ sở behind it: 3."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    objects = models.Manager()

    class Meta:
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        ordering = ["rank", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="awardform_unique_code"),
            models.CheckConstraint(
                condition=Q(prerequisite_times__gte=1) & Q(cycle_years__gte=1), name="awardform_counts_positive"
            ),
            models.CheckConstraint(
                condition=Q(reward_multiple__isnull=True) | Q(reward_multiple__gt=0),
                name="awardform_reward_multiple_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.prerequisite_id and self.pk and self.prerequisite_id == self.pk:
            raise ValidationError({"prerequisite": _("A form cannot require itself.")})

    def accepts(self, kind: str) -> bool:
        """Whether a recipient of `kind` (individual/collective) may receive this form."""
        return self.eligible_recipients in (EligibleRecipients.BOTH, kind)
