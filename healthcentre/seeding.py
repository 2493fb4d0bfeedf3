"""Seed data goes in through the same import code an administrator uses.

Each domain app has a `seeds.py` with `SEED_FILES`: (file under seeds/, resource class),
loaded in order. A seed file with any problem stops the load and names the row and column,
exactly as the admin would.
"""

from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from .importing.formats import SafeCSV, SafeXLSX
from .importing.resources import sha256_of
from .roles import DOMAIN_APPS

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


def read_dataset(path: Path):
    data = path.read_bytes()
    reader = SafeXLSX() if path.suffix == ".xlsx" else SafeCSV()
    return data, reader.create_dataset(data)


def import_seed_file(resource_class, path: Path):
    data, dataset = read_dataset(path)
    result = resource_class().import_data(
        dataset, dry_run=False, file_name=f"seeds/{path.relative_to(SEEDS_DIR)}", file_sha256=sha256_of(data)
    )
    if result.problems:
        listed = "\n".join(f"  {problem}" for problem in result.problems[:50])
        raise CommandError(f"seeds/{path.relative_to(SEEDS_DIR)}:\n{listed}")
    return result


def load_all(stdout) -> None:
    for app in DOMAIN_APPS:
        try:
            module = import_module(f"{app}.seeds")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.seeds":
                raise
            continue
        for relative, resource_class in module.SEED_FILES:
            result = import_seed_file(resource_class, SEEDS_DIR / relative)
            totals = result.totals
            stdout.write(
                f"seeds/{relative}: {totals.get('new', 0)} mới, {totals.get('update', 0)} cập nhật, "
                f"{totals.get('skip', 0)} không đổi"
            )
