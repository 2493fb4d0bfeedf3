from ..resources import OrganisationResource
from .chronicle_resources import ChronicleEntryResource, ChronicleParticipantResource, FacilityResource
from .resources import (
    EventResource,
    PositionResource,
    RankRecordResource,
    StructureSnapshotResource,
    UnitNameResource,
    UnitRelationResource,
)

SEED_FILES = [
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
