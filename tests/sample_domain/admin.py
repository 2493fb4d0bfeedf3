from django.contrib import admin

from healthcentre.importing.admin import RecordAdmin
from healthcentre.pages import AdminPage

from .models import SelfAssessment
from .resources import SelfAssessmentResource


class ReportPage(AdminPage):
    template_name = "selfassessment/report.html"
    title = "Tổng hợp tự đánh giá"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=self.visible(SelfAssessment).select_related("organisation"), **kwargs)


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(RecordAdmin):
    resource_classes = [SelfAssessmentResource]
    list_display = ["organisation", "year", "score"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__code", "organisation__name__unaccent"]
    autocomplete_fields = ["organisation"]

    def get_urls(self):
        return [ReportPage.path(self, "report/", "selfassessment_report"), *super().get_urls()]
