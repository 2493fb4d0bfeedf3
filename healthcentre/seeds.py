from .resources import DecisionResource, OrganisationResource, PersonResource

SEED_FILES = [
    ("healthcentre/organisations.csv", OrganisationResource),
    ("healthcentre/people.csv", PersonResource),
    ("healthcentre/decisions.csv", DecisionResource),
]
