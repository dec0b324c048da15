"""The property-graph view of the model, shared by every Cypher target (embedded, Neo4j, exports).

One mapping, so that one Cypher query serves the embedded store and a Neo4j server alike:
- a node per entity, labelled with its type (Person, Organization, Directive, Event, Location,
  Document), with `id`, `name`, `aliases` (list) and the entity's scalar props;
- a relationship per relation, typed with its relation type, with `id`, `confidence`, `reports`
  (how many independent reports state it: reprints of one story count once), the relation's props
  (`role`, `former`, `acting`, a post's `since`, `until` and `change` ...; a post's interval is `since` …
  `until`, with `since_basis` and `until_basis` saying what each bound rests on: kg.store.merge), and its
  provenance: `docs` (report ids) and `sentences` (the evidence sentences, aligned with `docs`),
  `spans` ("doc:start-end");
- a `BECAME` relationship from each body of the graph to each body of the graph it became in the 2025
  reorganisation (kg.succession, from data/reorganisation_2025.yaml): `change` (merged, renamed, created,
  ended), `since` (ISO, when known), `legal_source` (the act, as text); no evidence, `reports` 0;
- `name_en` and `role_en`: the English of a body's name and of a role where data/labels_en.tsv has
  one (the RDF's rdfs:label "…"@en), else empty;
- `rejected`: in a graph read with the facts judged wrong (`--include-rejected`), who rejected the
  entity or relation, when and why (kg.store.judgements); else empty.
"""

from __future__ import annotations

from typing import Any

from kg import labels_en, succession
from kg.model import Entity, Graph, Relation
from kg.trust import independent_reports

NODE_LABELS = ("Person", "Organization", "Directive", "Event", "Location", "Document")
# Scalar node properties beyond id/name/aliases that every target declares (as strings).
NODE_PROPS = ("date", "kind", "number", "symbol", "title", "historical", "url", "outlet", "name_en", "rejected")
EDGE_PROPS = ("role", "former", "acting", "newly_appointed", "since", "until", "change", "since_basis", "until_basis",
              "legal_source", "role_en", "rejected")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def node_row(entity: Entity) -> dict[str, Any]:
    row: dict[str, Any] = {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases)}
    for key in NODE_PROPS:
        row[key] = _scalar(entity.props.get(key))
    row["name_en"] = labels_en.entity(entity) or ""  # from data, not from the report
    return row


def edge_row(relation: Relation) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": relation.id,
        "source": relation.source,
        "target": relation.target,
        "confidence": float(relation.confidence),
        "reports": independent_reports(relation),
        "docs": [e.doc for e in relation.evidence],
        "sentences": [e.sentence or e.text for e in relation.evidence],
        "spans": [f"{e.doc}:{e.start}-{e.end}" for e in relation.evidence],
    }
    for key in EDGE_PROPS:
        row[key] = _scalar(relation.props.get(key))
    row["role_en"] = labels_en.title(row["role"]) or ""
    return row


def rows_by_label(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {label: [] for label in NODE_LABELS}
    for entity in graph.entities.values():
        out.setdefault(entity.type, []).append(node_row(entity))
    return out


def relations(graph: Graph) -> list[Relation]:
    """The relationships of the property graph: the graph's relations and the bodies' successions."""
    return [*graph.relations, *succession.relations(graph)]


def rows_by_type(graph: Graph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Relationship rows grouped by (type, source label, target label)."""
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for rel in relations(graph):
        src, dst = graph.entities.get(rel.source), graph.entities.get(rel.target)
        if src is None or dst is None:
            continue
        out.setdefault((rel.type, src.type, dst.type), []).append(edge_row(rel))
    return out
