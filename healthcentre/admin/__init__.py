from . import areas, imports, organisations, people, users

__all__ = ["areas", "imports", "organisations", "people", "users"]
