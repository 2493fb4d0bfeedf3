from .access import Membership
from .areas import Commune, CommuneConversion, LegacyCommune, LegacyDistrict, LegacyProvince, Province
from .base import ImportedRecord
from .chronicle import (
    ChronicleEntry,
    ChronicleKind,
    ChronicleParticipant,
    ChroniclePhoto,
    Facility,
    FacilityKind,
    ParticipantRole,
)
from .decisions import Decision
from .history import (
    DatePrecision,
    Event,
    EventKind,
    HospitalRank,
    Position,
    PositionTitle,
    RankRecord,
    RelationKind,
    StructureSnapshot,
    TechnicalLevel,
    UnitName,
    UnitRelation,
)
from .imports import ImportFailed, ImportRun
from .layouts import SheetLayout
from .organisations import Organisation, OrganisationKind
from .people import HonourTitle, Person

__all__ = [
    "ChronicleEntry",
    "ChronicleKind",
    "ChronicleParticipant",
    "ChroniclePhoto",
    "Commune",
    "CommuneConversion",
    "DatePrecision",
    "Decision",
    "Event",
    "EventKind",
    "Facility",
    "FacilityKind",
    "HonourTitle",
    "HospitalRank",
    "ImportFailed",
    "ImportRun",
    "ImportedRecord",
    "LegacyCommune",
    "LegacyDistrict",
    "LegacyProvince",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "ParticipantRole",
    "Person",
    "Position",
    "PositionTitle",
    "Province",
    "RankRecord",
    "RelationKind",
    "SheetLayout",
    "StructureSnapshot",
    "TechnicalLevel",
    "UnitName",
    "UnitRelation",
]
