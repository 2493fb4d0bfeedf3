"""Every translation catalogue of the project is complete: no entry left fuzzy (Django skips
it, so the page would show the English) and none left empty."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(path for path in ROOT.glob("**/locale/*/LC_MESSAGES/*.po") if ".venv" not in path.parts)


def entries(catalogue: Path, *selection: str) -> list[str]:
    """The msgids `msgattrib` selects from the catalogue (the header is never one)."""
    listed = subprocess.run(
        ["msgattrib", *selection, "--no-obsolete", "--no-wrap", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in listed.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


def test_the_project_has_catalogues():
    assert {path.relative_to(ROOT).parts[0] for path in CATALOGUES} >= {"locale", "indicators", "supervision", "awards"}


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_catalogue_has_no_fuzzy_and_no_empty_entry(catalogue):
    assert entries(catalogue, "--only-fuzzy") == []
    assert entries(catalogue, "--untranslated") == []
