from .resources import AwardFormResource, AwardRecordResource

SEED_FILES = [
    ("awards/forms.csv", AwardFormResource),
    ("awards/records.csv", AwardRecordResource),
]
