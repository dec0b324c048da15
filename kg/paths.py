"""Graph algorithms an analyst asks for (networkx): paths between entities, most connected ones."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg import resolve
from kg.errors import KgError
from kg.model import RELATION_TYPES, Entity, Graph, Relation

MEASURES = ("degree", "betweenness")
EXACT_BETWEENNESS_MAX = 2000  # above this many nodes, betweenness is estimated from a sample


def to_networkx(graph: Graph, *, evidence: bool = False) -> nx.MultiDiGraph:
    """Nodes keyed by entity id (type, name, aliases, props); one edge per relation, keyed by its id."""
    g = nx.MultiDiGraph()
    for ent in graph.entities.values():
        g.add_node(ent.id, **{**ent.props, "type": ent.type, "name": ent.name, "aliases": list(ent.aliases)})
    for rel in graph.relations:
        if rel.source not in g or rel.target not in g:
            continue
        data = {**rel.props, "relation": rel.type, "confidence": rel.confidence,
                "reports": sorted({e.doc for e in rel.evidence})}
        if evidence:
            data["sentences"] = [e.sentence or e.text for e in rel.evidence]
        g.add_edge(rel.source, rel.target, key=rel.id, **data)
    return g


def find_entities(graph: Graph, ref: str) -> list[str]:
    """Ids of the entities an id, a name or an alias refers to (case, tones, abbreviations ignored)."""
    if ref in graph.entities:
        return [ref]
    for keyer in (resolve.lookup_key, resolve.folded_key):
        key = keyer(ref)
        found = sorted(
            e.id for e in graph.entities.values() if any(keyer(n) == key for n in (e.name, *e.aliases))
        )
        if found:
            return found
    return []


def resolve_one(graph: Graph, ref: str) -> str:
    """The one entity `ref` names, or a KgError saying it names none or several."""
    found = find_entities(graph, ref)
    if not found:
        raise KgError(f"no entity named {ref!r}")
    if len(found) > 1:
        raise KgError(f"{ref!r} names {len(found)} entities ({', '.join(found)}); give an id")
    return found[0]


@dataclass
class Path:
    """A chain of entities and the relation between each consecutive pair."""

    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def shortest_path(graph: Graph, a: str, b: str, *, via: Iterable[str] | None = None,
                  directed: bool = False) -> Path | None:
    """The shortest chain between entities `a` and `b` (ids), or None when they are not connected.

    `via` keeps only those relation types (PART_OF, REPORTS_TO: a chain of command); `directed`
    follows relations only from source to target.
    """
    for ref in (a, b):
        if ref not in graph.entities:
            raise KgError(f"no entity with id {ref!r}")
    allowed = set(via) if via else None
    if allowed:
        unknown = allowed - {r.type for r in graph.relations} - set(RELATION_TYPES)
        if unknown:
            raise KgError(f"unknown relation type(s): {', '.join(sorted(unknown))}")
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(graph.entities)
    by_pair: dict[tuple[str, str], Relation] = {}
    for rel in sorted(graph.relations, key=lambda r: r.id):
        if allowed and rel.type not in allowed:
            continue
        g.add_edge(rel.source, rel.target)
        by_pair.setdefault((rel.source, rel.target), rel)
    try:
        ids = nx.shortest_path(g, a, b)
    except nx.NetworkXNoPath:
        return None
    path = Path([graph.entities[i] for i in ids])
    for u, v in itertools.pairwise(ids):
        path.relations.append(by_pair.get((u, v)) or by_pair[(v, u)])
    return path


def top_entities(graph: Graph, n: int = 10, *, measure: str = "degree",
                 types: Iterable[str] | None = None) -> list[tuple[Entity, float]]:
    """The `n` most central entities: by degree (relations touching it) or betweenness.

    Reports (Document entities) are left out unless `types` asks for them. Betweenness is exact
    up to EXACT_BETWEENNESS_MAX nodes, estimated from a fixed-seed sample above.
    """
    if measure not in MEASURES:
        raise KgError(f"unknown measure {measure!r}; choose one of: {', '.join(MEASURES)}")
    wanted = set(types) if types else {t for t in {e.type for e in graph.entities.values()} if t != "Document"}
    g = to_networkx(graph)
    if measure == "degree":
        scores = {node: float(deg) for node, deg in g.degree()}
    else:
        simple = nx.Graph(g)
        k = None if simple.number_of_nodes() <= EXACT_BETWEENNESS_MAX else 200
        scores = nx.betweenness_centrality(simple, k=k, seed=0)
    ranked = sorted(
        (e for e in graph.entities.values() if e.type in wanted), key=lambda e: (-scores.get(e.id, 0.0), e.name, e.id)
    )
    return [(e, scores.get(e.id, 0.0)) for e in ranked[:n]]
