from .actions import ActionItem, ActionStatus
from .catalogue import AreaSource, ContentArea
from .findings import Finding
from .rounds import SupervisionRound, TeamMember, TeamRole
from .visits import Visit, VisitKind

__all__ = [
    "ActionItem",
    "ActionStatus",
    "AreaSource",
    "ContentArea",
    "Finding",
    "SupervisionRound",
    "TeamMember",
    "TeamRole",
    "Visit",
    "VisitKind",
]
