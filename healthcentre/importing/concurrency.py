"""Two confirms at once: one waits for the other, and what still collides is a message.

Every import that writes takes its target's turn first (`take_turn`), inside its transaction
and before it reads what is stored: the second of two overlapping confirms waits until the
first has committed, then reads the figures the first wrote and applies its own on top, as it
would have a minute later. On PostgreSQL the turn is a transaction-level advisory lock, freed
by the commit or the rollback, so a crash cannot leave it held; SQLite needs none, since it lets
one writer at a time in (`BEGIN IMMEDIATE` with a busy timeout, config/settings.py).

A writer that takes no turn (a form saved meanwhile) can still collide with a confirm; the
database then refuses one of them (a unique violation, a deadlock, a lock wait that timed out),
and `CONFLICTS` are the errors that the importers turn into `conflict_message()`.
"""

import hashlib

from django.db import IntegrityError, OperationalError, connections
from django.db.transaction import TransactionManagementError
from django.utils.translation import gettext as _

CONFLICTS = (IntegrityError, OperationalError)


def conflict_message() -> str:
    return _("Another import wrote the same figures at the same time. Upload the file again.")


def _lock_key(target: str) -> int:
    """A stable signed 64-bit key for the target's name (PostgreSQL's advisory lock space)."""
    return int.from_bytes(hashlib.sha256(target.encode()).digest()[:8], "big", signed=True)


def take_turn(target: str, using: str = "default") -> None:
    """Waits until no other transaction is importing into `target`, then holds the target
    until this transaction ends."""
    connection = connections[using]
    if not connection.in_atomic_block:
        raise TransactionManagementError("An import takes its turn inside its transaction.")
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(target)])
