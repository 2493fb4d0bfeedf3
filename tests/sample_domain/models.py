from django.db import models

from healthcentre.models.base import ImportedRecord


class SelfAssessment(ImportedRecord):
    scope_paths = ("organisation",)

    organisation = models.ForeignKey("healthcentre.Organisation", on_delete=models.PROTECT, verbose_name="đơn vị")
    year = models.PositiveSmallIntegerField("năm")
    score = models.DecimalField("điểm", max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = "bản tự đánh giá"
        verbose_name_plural = "bản tự đánh giá"
        ordering = ["organisation", "year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="selfassessment_once_a_year")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"
