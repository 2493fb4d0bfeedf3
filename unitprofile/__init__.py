"""A unit's profile: the "chặng đường phát triển" an office writes for every anniversary, told
from the records — identity and structure today, then every domain's section (the lineage and
its timeline, key figures against plan, supervision given and received, awards, facilities and
chronicle) for a chosen span of years. It stands above the domains: they declare their
sections (healthcentre.domains), and `build.build_profile` gathers them; the page, the
printout and the xlsx all read it."""
