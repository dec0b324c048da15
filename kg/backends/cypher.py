"""Cypher that writes the property-graph mapping (kg.pgmodel) into Neo4j 5.

Shared by the Bolt loader (kg.backends.bolt) and the cypher-shell script export
(kg.export.cypher), so both write exactly the same graph. Labels and relationship types are only
ever taken from the fixed model (checked here, then back-quoted); every value travels as a
parameter (`$rows`, `$ids`), or in exported scripts as an escaped literal (kg.export.cypher).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from kg.errors import KgError
from kg.model import RELATION_TYPES, Graph
from kg.pgmodel import NODE_LABELS, edge_row, node_row, relations

log = logging.getLogger(__name__)


def label(name: str) -> str:
    """A node label from the model, back-quoted; anything else is refused."""
    if name not in NODE_LABELS:
        raise KgError(f"entity type {name!r} is not in the model ({', '.join(NODE_LABELS)})")
    return f"`{name}`"


def rel_type(name: str) -> str:
    """A relationship type from the model, back-quoted; anything else is refused."""
    if name not in RELATION_TYPES:
        raise KgError(f"relation type {name!r} is not in the model ({', '.join(RELATION_TYPES)})")
    return f"`{name}`"


@dataclass(frozen=True)
class SchemaStatement:
    """One schema command, and what to run instead where the server refuses it."""

    cypher: str
    fallback: str | None = None


def schema_statements() -> list[SchemaStatement]:
    """Uniqueness constraints on `id` for every label and relationship type, and name indexes.

    Neo4j 5 syntax. Relationship uniqueness constraints need Neo4j >= 5.7; older 5.x servers get
    a plain relationship index on `id` instead (the fallback), which still makes MERGE fast.
    """
    out = []
    for name in NODE_LABELS:
        low = name.lower()
        out.append(
            SchemaStatement(f"CREATE CONSTRAINT kg_{low}_id IF NOT EXISTS FOR (n:{label(name)}) REQUIRE n.id IS UNIQUE")
        )
        out.append(SchemaStatement(f"CREATE INDEX kg_{low}_name IF NOT EXISTS FOR (n:{label(name)}) ON (n.name)"))
    for name in RELATION_TYPES:
        low = name.lower()
        out.append(
            SchemaStatement(
                f"CREATE CONSTRAINT kg_{low}_id IF NOT EXISTS FOR ()-[r:{rel_type(name)}]-() REQUIRE r.id IS UNIQUE",
                f"CREATE INDEX kg_{low}_id IF NOT EXISTS FOR ()-[r:{rel_type(name)}]-() ON (r.id)",
            )
        )
    return out


def merge_nodes(node_label: str, rows: str = "$rows") -> str:
    """Upsert nodes of one label from `$rows` (maps with id, name, aliases, scalar props).

    `rows` may instead be a Cypher list literal (kg.export.cypher writes scripts that way).
    """
    return f"UNWIND {rows} AS row MERGE (n:{label(node_label)} {{id: row.id}}) SET n += row RETURN count(n) AS n"


def merge_edges(edge_type: str, source_label: str, target_label: str, rows: str = "$rows") -> str:
    """Upsert relationships from `$rows` (maps with source, target and props incl. id).

    Returns how many were written, so a caller sees rows whose end nodes were missing.
    """
    return (
        f"UNWIND {rows} AS row "
        f"MATCH (a:{label(source_label)} {{id: row.source}}) "
        f"MATCH (b:{label(target_label)} {{id: row.target}}) "
        f"MERGE (a)-[r:{rel_type(edge_type)} {{id: row.props.id}}]->(b) "
        f"SET r += row.props RETURN count(r) AS n"
    )


def delete_nodes(node_label: str) -> str:
    """Delete nodes of one label (and their relationships) whose id is in `$ids`."""
    return f"UNWIND $ids AS id MATCH (n:{label(node_label)} {{id: id}}) DETACH DELETE n RETURN count(*) AS n"


def delete_edges(edge_type: str) -> str:
    """Delete relationships of one type whose id is in `$ids`."""
    return f"UNWIND $ids AS id MATCH ()-[r:{rel_type(edge_type)} {{id: id}}]->() DELETE r RETURN count(*) AS n"


def count_nodes(node_label: str) -> str:
    return f"MATCH (n:{label(node_label)}) RETURN count(n) AS n"


def _absent_if_empty(row: dict[str, Any]) -> dict[str, Any]:
    """kg.pgmodel writes a missing scalar as ""; stored as null (no property), as the embedded
    store does, so `n.date IS NULL` means the same everywhere (and SET removes a stale value)."""
    return {key: None if value == "" else value for key, value in row.items()}


@dataclass(frozen=True)
class Item:
    """One node or relationship to write: its group (label, or type/source/target) and row."""

    group: tuple[str, ...]
    row: dict[str, Any]


def node_items(graph: Graph) -> dict[str, Item]:
    """Every entity as a node row, keyed by id, grouped by label."""
    items = {}
    for entity in graph.entities.values():
        label(entity.type)
        items[entity.id] = Item((entity.type,), _absent_if_empty(node_row(entity)))
    return items


def edge_items(graph: Graph) -> dict[str, Item]:
    """Every relation whose ends exist (and every succession of bodies) as a relationship row, keyed by id.

    Grouped by (type, source label, target label) so each group is one MERGE statement.
    """
    items: dict[str, Item] = {}
    dangling = 0
    for relation in relations(graph):
        src, dst = graph.entities.get(relation.source), graph.entities.get(relation.target)
        if src is None or dst is None:
            dangling += 1
            continue
        rel_type(relation.type)
        row = _absent_if_empty(edge_row(relation))
        source, target = row.pop("source"), row.pop("target")
        items[relation.id] = Item(
            (relation.type, src.type, dst.type), {"source": source, "target": target, "props": row}
        )
    if dangling:
        log.warning("skipped %d relations whose source or target entity is not in the graph", dangling)
    return items
