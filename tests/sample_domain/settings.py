from config.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.sample_domain"]  # noqa: F405

# A test database of its own: this runs while the main test run holds its own.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {**DATABASES["default"].get("TEST", {}), "NAME": "test_sample_domain"}  # noqa: F405
