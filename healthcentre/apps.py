from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HealthcentreConfig(AppConfig):
    name = "healthcentre"
    verbose_name = _("Organisations and history")

    def ready(self) -> None:
        from . import roles, search

        connection_created.connect(search.register_sqlite_fold)
        # After every app, not only this one: the roles need the permissions of all apps.
        post_migrate.connect(roles.sync_role_groups)
