"""A fifth domain is added by writing it: the throwaway domain in tests/sample_domain (a model
with scope_paths, an admin, a resource, a seed file, a profile section, a report page, and no
edit to the platform) is installed in a settings module of its own, and the checks of
tests/sample_domain/checks.py run against it in a pytest of their own."""

import os
import subprocess
import sys

from django.conf import settings


def test_a_new_domain_gets_roles_seeds_smoke_tests_scoping_imports_profile_and_pages():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.sample_domain.settings"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/sample_domain/checks.py"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout
