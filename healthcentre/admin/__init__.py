from . import areas, chronicle, history, imports, organisations, people, users

__all__ = ["areas", "chronicle", "history", "imports", "organisations", "people", "users"]
