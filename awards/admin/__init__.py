from . import catalogue, decisions, records

__all__ = ["catalogue", "decisions", "records"]
