from pathlib import Path

from django.urls import reverse

from healthcentre import domains

HERE = Path(__file__).resolve().parent


class SelfAssessmentConfig(domains.DomainConfig):
    name = "tests.sample_domain"
    label = "selfassessment"
    verbose_name = "Tự đánh giá chất lượng"
    seed_order = 90

    def seed_files(self):
        from .resources import SelfAssessmentResource

        return [(HERE / "seeds" / "self_assessments.csv", SelfAssessmentResource)]

    def unit_links(self):
        return [
            domains.RecordLink(
                "Tự đánh giá", "selfassessment.SelfAssessment", lambda unit: reverse("admin:selfassessment_report")
            )
        ]

    def profile_sections(self):
        from .models import SelfAssessment

        def build(span):
            return list(
                SelfAssessment.objects.filter(
                    organisation__path__startswith=span.unit.path, year__gte=span.start_year, year__lte=span.end_year
                ).order_by("year")
            )

        def sheet(rows):
            return domains.Sheet("Tự đánh giá", ["Năm", "Điểm"], [(row.year, row.score) for row in rows])

        return [domains.ProfileSection("selfassessment", 45, "selfassessment/_profile.html", build, sheet)]
