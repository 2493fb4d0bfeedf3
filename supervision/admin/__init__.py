from . import actions, catalogue, findings, rounds, visits

__all__ = ["actions", "catalogue", "findings", "rounds", "visits"]
