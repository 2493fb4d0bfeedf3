from .resources import DecisionResource, OrganisationResource, PersonResource
from .resources_chronicle import ChronicleEntryResource, ChronicleParticipantResource, FacilityResource
from .resources_history import (
    EventResource,
    PositionResource,
    RankRecordResource,
    StructureSnapshotResource,
    UnitNameResource,
    UnitRelationResource,
)

SEED_FILES = [
    ("healthcentre/organisations.csv", OrganisationResource),
    ("healthcentre/people.csv", PersonResource),
    ("healthcentre/decisions.csv", DecisionResource),
    # History (issue 3): the units of the past first, then what happened to them.
    ("healthcentre/history_units.csv", OrganisationResource),
    ("healthcentre/history_events.csv", EventResource),
    ("healthcentre/history_names.csv", UnitNameResource),
    ("healthcentre/history_relations.csv", UnitRelationResource),
    ("healthcentre/history_ranks.csv", RankRecordResource),
    ("healthcentre/history_structures.csv", StructureSnapshotResource),
    ("healthcentre/history_positions.csv", PositionResource),
    # Chronicle and facilities (issue 7): what the articles tell besides figures and structure.
    ("healthcentre/chronicle.csv", ChronicleEntryResource),
    ("healthcentre/chronicle_participants.csv", ChronicleParticipantResource),
    ("healthcentre/facilities.csv", FacilityResource),
]
