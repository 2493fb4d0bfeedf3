from . import areas, history, imports, organisations, people, users

__all__ = ["areas", "history", "imports", "organisations", "people", "users"]
