from .catalogue import AwardCategory, AwardForm, AwardLevel, EligibleRecipients
from .decisions import AwardDecision
from .records import AwardRecord, AwardStatus, RecipientKind

__all__ = [
    "AwardCategory",
    "AwardDecision",
    "AwardForm",
    "AwardLevel",
    "AwardRecord",
    "AwardStatus",
    "EligibleRecipients",
    "RecipientKind",
]
