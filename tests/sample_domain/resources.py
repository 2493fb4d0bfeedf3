from import_export import fields

from healthcentre.importing.resources import RecordResource
from healthcentre.importing.widgets import CodeWidget, VNDecimalWidget, VNIntegerWidget
from healthcentre.models import Organisation

from .models import SelfAssessment


class SelfAssessmentResource(RecordResource):
    organisation = fields.Field("organisation", "unit_code", widget=CodeWidget(Organisation))
    year = fields.Field("year", "year", widget=VNIntegerWidget())
    score = fields.Field("score", "score", widget=VNDecimalWidget())

    class Meta(RecordResource.Meta):
        model = SelfAssessment
        import_id_fields = ["organisation", "year"]
        fields = ["organisation", "year", "score"]
