"""The platform's admin: organisations, people, divisions, imports and users. The history
domain registers its own admin (healthcentre.history.admin), imported by the app's ready()."""

from . import areas, imports, layouts, organisations, people, users

__all__ = ["areas", "imports", "layouts", "organisations", "people", "users"]
