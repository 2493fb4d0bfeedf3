"""A unit's profile: the "chặng đường phát triển" an office writes for every anniversary, told
from the records — identity and structure today, the lineage and its timeline, key figures
against plan, supervision given and received, awards, facilities and chronicle — for a chosen
span of years. `build_profile` gathers it; the page, the printout and the xlsx all read it."""

from .build import Profile, build_profile

__all__ = ["Profile", "build_profile"]
