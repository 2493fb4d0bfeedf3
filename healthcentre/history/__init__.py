"""Questions asked of a unit's history: contradictions, lineage, state on a date, reports."""
