"""The platform stands under the domains: no module of it imports a domain, and no template of
it links to one. The domains plug in through what they declare (healthcentre.domains)."""

import ast
import re
from pathlib import Path

from django.conf import settings

from healthcentre.domains import contributors

ROOT = Path(settings.BASE_DIR)
# The history domain lives inside the healthcentre app, in its own package; the app's
# declaration (apps.py) names it, and its models sit in the app's models package, where
# Django looks for them.
HISTORY = "healthcentre.history"
HISTORY_OUTSIDE_ITS_PACKAGE = {"healthcentre.apps", "healthcentre.models.history", "healthcentre.models.chronicle"}


def above_the_platform() -> set[str]:
    """Every package built on the platform: the other apps and the history domain."""
    return {config.name for config in contributors() if config.name != "healthcentre"} | {HISTORY}


def platform_modules() -> list[Path]:
    return [
        path
        for path in (ROOT / "healthcentre").rglob("*.py")
        if "migrations" not in path.parts
        and not path.is_relative_to(ROOT / "healthcentre" / "history")
        and module_name(path) not in HISTORY_OUTSIDE_ITS_PACKAGE
    ]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, relative imports resolved (in functions too)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            prefix = ".".join([*base, node.module] if node.module else base)
            found.add(prefix)
            found |= {f"{prefix}.{alias.name}" for alias in node.names}
    return found


def test_no_module_of_the_platform_imports_a_domain():
    domains = above_the_platform()
    assert {"indicators", "supervision", "awards", "unitprofile"} <= domains  # the check sees them
    reaching_up = sorted(
        f"{module_name(path)} imports {name}"
        for path in platform_modules()
        for name in imported_modules(path)
        if any(name == domain or name.startswith(f"{domain}.") for domain in domains)
    )
    assert reaching_up == []


def test_the_check_would_see_an_import_of_a_domain():
    """The import reader resolves relative imports, so `from ..history import views` counts."""
    module = ROOT / "healthcentre" / "admin" / "organisations.py"
    assert "healthcentre.domains.contributors" in imported_modules(module)
    assert module_name(ROOT / "healthcentre" / "admin" / "__init__.py") == "healthcentre.admin"


def test_no_template_of_the_platform_links_to_a_domain():
    domains = {name.split(".")[-1] for name in above_the_platform()} - {"history"}
    # The platform's templates: the project's overrides and the healthcentre app's admin pages.
    folders = [ROOT / "templates", ROOT / "healthcentre" / "templates" / "admin"]
    alternatives = "|".join(sorted(domains))
    names = re.compile(r"\{%\s*(?:url|admin_permits)[^%]*['\"](?:admin:)?(" + alternatives + r")[_.]")
    linking = [
        str(path.relative_to(ROOT))
        for folder in folders
        for path in ([folder] if folder.is_file() else folder.rglob("*.html"))
        if names.search(path.read_text())
    ]
    assert linking == []
