from .resources import DecisionResource, OrganisationResource, PersonResource

# The platform's own records, which every domain's seeds cite; the history domain's follow
# (healthcentre.history.seeds, HealthcentreConfig.seed_files).
SEED_FILES = [
    ("healthcentre/organisations.csv", OrganisationResource),
    ("healthcentre/people.csv", PersonResource),
    ("healthcentre/decisions.csv", DecisionResource),
]
