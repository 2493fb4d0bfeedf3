from .access import Membership
from .areas import Commune, CommuneConversion, LegacyCommune, LegacyDistrict, LegacyProvince, Province
from .base import ImportedRecord
from .decisions import Decision
from .imports import ImportRun
from .organisations import Organisation, OrganisationKind
from .people import HonourTitle, Person

__all__ = [
    "Commune",
    "CommuneConversion",
    "Decision",
    "HonourTitle",
    "ImportRun",
    "ImportedRecord",
    "LegacyCommune",
    "LegacyDistrict",
    "LegacyProvince",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Province",
]
