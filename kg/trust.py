"""Trust as a filter: keep the relations stated with enough confidence by enough independent reports.

One function for every command that writes a graph out (kg export, kg viz, kg load): relations
under either threshold are dropped, and so are the entities that the dropped relations leave with
no relation at all (they were known only through facts not trusted; as kg viz's --relation keeps
"the relations and the entities they link"). Entities that had no relation to begin with stay:
the filter judges facts, not mentions.

`independent_reports` is the relation's prop `reports` (kg.store.merge: distinct stories among its
supporting reports, reprints counted once); a relation from elsewhere without it (a JSONL file)
counts the distinct reports of its evidence.
"""

from __future__ import annotations

from kg.errors import KgError
from kg.model import REPORTS, Graph, Relation


def independent_reports(relation: Relation) -> int:
    """How many independent reports state the relation (at least 1)."""
    stated = relation.props.get(REPORTS)
    if isinstance(stated, int) and not isinstance(stated, bool):
        return stated
    return max(1, len({ev.doc for ev in relation.evidence}))


def check(min_confidence: float = 0.0, min_reports: int = 1) -> None:
    """KgError for thresholds that cannot apply."""
    if not 0.0 <= min_confidence <= 1.0:
        raise KgError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    if min_reports < 1:
        raise KgError(f"--min-reports must be 1 or more, not {min_reports}")


def active(min_confidence: float = 0.0, min_reports: int = 1) -> bool:
    """Whether the thresholds drop anything at all (the defaults keep every relation)."""
    return min_confidence > 0.0 or min_reports > 1


def trusted(graph: Graph, min_confidence: float = 0.0, min_reports: int = 1) -> Graph:
    """The graph without the relations under `min_confidence` or stated by fewer than
    `min_reports` independent reports, nor the entities left with no relation by that (a new
    Graph sharing the kept objects; `graph` is not changed). The defaults keep everything."""
    check(min_confidence, min_reports)
    if not active(min_confidence, min_reports):
        return graph
    kept, dropped = [], []
    for rel in graph.relations:
        ok = rel.confidence >= min_confidence and independent_reports(rel) >= min_reports
        (kept if ok else dropped).append(rel)
    linked = {end for rel in kept for end in (rel.source, rel.target)}
    orphaned = {end for rel in dropped for end in (rel.source, rel.target)} - linked
    entities = {gid: ent for gid, ent in graph.entities.items() if gid not in orphaned}
    return Graph(entities=entities, relations=kept, documents=dict(graph.documents))


def describe(min_confidence: float = 0.0, min_reports: int = 1) -> str:
    """The thresholds in words ("" when they keep everything), for notes and summaries."""
    parts = []
    if min_confidence > 0.0:
        parts.append(f"confidence ≥ {min_confidence:g}")
    if min_reports > 1:
        parts.append(f"≥ {min_reports} independent reports")
    return "only relations with " + " and ".join(parts) if parts else ""
