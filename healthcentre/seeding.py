"""Seed data goes in through the same import code an administrator uses.

Each domain app declares its seed files (`DomainConfig.seed_files`: by default its
`seeds.SEED_FILES`, (file under seeds/ or a path of the app's own, resource class)); the
domains load in their seed order, each domain's files in theirs. A seed file with any problem
stops the load and names the row and column, exactly as the admin would.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError, OutputWrapper
from import_export.results import Result
from tablib import Dataset

from .domains import domains
from .importing.formats import SafeCSV, SafeXLSX
from .importing.resources import RecordResource, sha256_of

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


def read_dataset(path: Path) -> tuple[bytes, Dataset]:
    data = path.read_bytes()
    reader = SafeXLSX() if path.suffix == ".xlsx" else SafeCSV()
    return data, reader.create_dataset(data)


def shown_path(path: Path) -> str:
    """The seed file as the import log and the messages name it: seeds/healthcentre/people.csv."""
    return str(path.relative_to(settings.BASE_DIR))


def import_seed_file(resource_class: type[RecordResource], path: Path) -> Result:
    data, dataset = read_dataset(path)
    result = resource_class().import_data(
        dataset, dry_run=False, file_name=shown_path(path), file_sha256=sha256_of(data)
    )
    if result.problems:
        listed = "\n".join(f"  {problem}" for problem in result.problems[:50])
        raise CommandError(f"{shown_path(path)}:\n{listed}")
    return result


def load_all(stdout: OutputWrapper) -> None:
    for relative, resource_class in (seed for config in domains() for seed in config.seed_files()):
        path = SEEDS_DIR / relative  # an absolute path (a file of the app's own) stays as it is
        result = import_seed_file(resource_class, path)
        totals = result.totals
        stdout.write(
            f"{shown_path(path)}: {totals.get('new', 0)} mới, {totals.get('update', 0)} cập nhật, "
            f"{totals.get('skip', 0)} không đổi"
        )
