"""Exit 0 when the PostgreSQL server named by DATABASE_URL answers, 1 otherwise.

`make test` uses it to decide whether to run the suite a second time on PostgreSQL.
"""

import os
import sys

import psycopg


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return 1
    try:
        psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
    except psycopg.Error:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
