from . import catalogue, values

__all__ = ["catalogue", "values"]
