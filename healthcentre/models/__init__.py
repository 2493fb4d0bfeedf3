from .access import Membership
from .areas import Commune, CommuneConversion, LegacyCommune, LegacyDistrict, LegacyProvince, Province
from .base import ImportedRecord
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
from .imports import ImportRun
from .organisations import Organisation, OrganisationKind
from .people import HonourTitle, Person

__all__ = [
    "Commune",
    "CommuneConversion",
    "DatePrecision",
    "Decision",
    "Event",
    "EventKind",
    "HonourTitle",
    "HospitalRank",
    "ImportRun",
    "ImportedRecord",
    "LegacyCommune",
    "LegacyDistrict",
    "LegacyProvince",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Position",
    "PositionTitle",
    "Province",
    "RankRecord",
    "RelationKind",
    "StructureSnapshot",
    "TechnicalLevel",
    "UnitName",
    "UnitRelation",
]
