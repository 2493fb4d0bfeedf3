"""The lineage of a unit: the units it came from and the units it led to, walked both ways.

An event draws an edge from each predecessor to the unit it is about, and from that unit to
each successor, so a merger, a split, a founding on an older unit and a station that became a
station point all read the same way in the graph.
"""

from collections import deque
from dataclasses import dataclass, field

from ..models import Organisation
from ..models.history import Event
from .asof import Lifespan, lifespans

MAX_NODES = 80


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    event: Event


@dataclass
class Lineage:
    focus: Organisation
    units: dict = field(default_factory=dict)
    edges: list = field(default_factory=list)
    spans: dict = field(default_factory=dict)

    def ancestors(self) -> list[Organisation]:
        return [self.units[i] for i in self._reach(self.focus.pk, backwards=True)]

    def descendants(self) -> list[Organisation]:
        return [self.units[i] for i in self._reach(self.focus.pk, backwards=False)]

    def span(self, unit_id) -> Lifespan:
        return self.spans.get(unit_id, Lifespan())

    def _reach(self, start, backwards):
        seen, queue = [], deque([start])
        while queue:
            current = queue.popleft()
            for edge in self.edges:
                source, target = (edge.target, edge.source) if backwards else (edge.source, edge.target)
                if source == current and target not in seen and target != start:
                    seen.append(target)
                    queue.append(target)
        return seen


def all_edges() -> list[Edge]:
    edges = []
    for event in Event.objects.select_related("decision").prefetch_related("predecessors", "successors"):
        for pred in event.predecessors.all():
            if pred.pk != event.organisation_id:
                edges.append(Edge(pred.pk, event.organisation_id, event))
        for succ in event.successors.all():
            if succ.pk != event.organisation_id:
                edges.append(Edge(event.organisation_id, succ.pk, event))
    return edges


def lineage_of(unit: Organisation) -> Lineage:
    """The unit, everything it descends from and everything descended from it."""
    edges = all_edges()
    keep = {unit.pk}
    for backwards in (True, False):
        queue = deque([unit.pk])
        seen = {unit.pk}
        while queue and len(keep) < MAX_NODES:
            current = queue.popleft()
            for edge in edges:
                source, target = (edge.target, edge.source) if backwards else (edge.source, edge.target)
                if source == current and target not in seen:
                    seen.add(target)
                    keep.add(target)
                    queue.append(target)
    kept_edges = [e for e in edges if e.source in keep and e.target in keep]
    units = Organisation.objects.in_bulk(keep)
    return Lineage(focus=unit, units=units, edges=kept_edges, spans=lifespans(list(keep)))
