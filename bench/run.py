"""Run every benchmark in bench/ on SQLite, then on PostgreSQL when one answers.

Each script reads DATABASE_URL like the application does, works in a scratch database of
its own and prints its figures; nothing here asserts a timing.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PG_URL = os.environ.get("DATABASE_URL") or "postgres://root@127.0.0.1:5432/test"


def pg_reachable() -> bool:
    env = {**os.environ, "DATABASE_URL": PG_URL}
    return subprocess.run([sys.executable, "-m", "config.pg_reachable"], cwd=ROOT, env=env).returncode == 0


def main() -> int:
    databases = [("SQLite", None)]
    if pg_reachable():
        databases.append(("PostgreSQL", PG_URL))
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name == "run.py":
            continue
        for label, url in databases:
            print(f"== {script.name} — {label}", flush=True)
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            if url:
                env["DATABASE_URL"] = url
            failed |= subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
