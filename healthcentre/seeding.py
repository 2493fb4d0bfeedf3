"""Seed data goes in through the same import code an administrator uses.

Each domain app declares its seed files (`DomainConfig.seed_files`: by default its
`seeds.SEED_FILES`, (file under seeds/, resource class)); the domains load in their seed order,
each domain's files in theirs. A seed file with any problem stops the load and names the row and column,
exactly as the admin would.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from .domains import domains
from .importing.formats import SafeCSV, SafeXLSX
from .importing.resources import sha256_of

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
    for relative, resource_class in (seed for config in domains() for seed in config.seed_files()):
        result = import_seed_file(resource_class, SEEDS_DIR / relative)
        totals = result.totals
        stdout.write(
            f"seeds/{relative}: {totals.get('new', 0)} mới, {totals.get('update', 0)} cập nhật, "
            f"{totals.get('skip', 0)} không đổi"
        )
