"""Updating a copy of the Cypher store by a change of the graph (kg.store.incremental), not rebuilding it.

The property graph (kg.pgmodel) shares nothing between owners: a node is one entity, a relationship
one relation or one succession of bodies. So:
- each dirty entity's node is set to what the entity is now: created if new, deleted with its
  relationships if gone;
- the relationships on each dirty link (type, source, target) are deleted and created anew from the
  relations on it now (evidence, count of independent reports, interval ...);
- the BECAME relationships are recomputed from the bodies the data file names (SUCCESSION_FILE).

Values are written as the bulk load writes them (kg.store.cypherdb): an empty string is null, a
list holds no U+001F and an empty one is []. A change the store's schema cannot take (an entity
whose type changed, a type with no table, a relationship between labels its table does not join)
raises Unsupported, and the store is rebuilt. The copy is a copy of the database file: ladybug keeps
no immutable parts that two states could share.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import ladybug

from kg import succession
from kg.errors import StoreError
from kg.model import Relation
from kg.pgmodel import edge_row, node_row
from kg.store import cypherdb, incremental
from kg.store.incremental import Delta


class Unsupported(StoreError):
    """A change the store's schema cannot take: it is rebuilt instead."""


def update(base: Path, delta: Delta, dest: Path) -> None:
    """dest/graph.lbug: the store in `base` changed by `delta`; `base` is only read."""
    before = incremental.read_succession(base)
    if before is None:
        raise OSError(f"{base}: no {incremental.SUCCESSION_FILE} to start from")
    for part in base.glob(cypherdb.DB_FILE + "*"):  # the database and any log it left
        shutil.copyfile(part, dest / part.name)
    db = ladybug.Database(str(dest / cypherdb.DB_FILE))
    conn = ladybug.Connection(db)
    try:
        conn.execute("BEGIN TRANSACTION")
        after = _Update(conn).apply(delta, before)
        conn.execute("COMMIT")
    finally:
        conn.close()
        db.close()
    incremental.write_succession(dest, after)


def _value(value: Any) -> Any:
    """A property as COPY FROM a CSV cell reads it (cypherdb._cell, _list_expr)."""
    if isinstance(value, list):
        joined = cypherdb._cell(value)
        return [] if joined == "" else joined.split(cypherdb._SEP)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return cypherdb._cell(value) or None


def _rows(conn: ladybug.Connection, query: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
    return conn.execute(query, params or {}).get_all()


class _Update:
    def __init__(self, conn: ladybug.Connection) -> None:
        self.conn = conn
        tables = _rows(conn, "CALL show_tables() RETURN name, type")
        self.labels = [name for name, kind in tables if kind == "NODE"]
        self.pairs = {name: {(row[0], row[1]) for row in _rows(conn, f"CALL show_connection('{name}') RETURN *")}
                      for name, kind in tables if kind == "REL"}
        self.label_of: dict[str, str | None] = {}  # entity id -> the label of its node now (None: no node)

    def apply(self, delta: Delta, before: dict[str, list[str]]) -> dict[str, list[str]]:
        for gid in sorted(delta.dirty.entities):
            self._node(gid, delta)
        by_link: dict[tuple[str, str, str], list[Relation]] = {link: [] for link in delta.dirty.links}
        for rel in delta.relations:
            by_link[(rel.type, rel.source, rel.target)].append(rel)
        for link, relations in sorted(by_link.items()):
            self._link(link, relations)
        after = incremental.succession_after(before, delta)
        old = {r.id: r for r in succession.relations(incremental.bodies_graph(before))}
        new = {r.id: r for r in succession.relations(incremental.bodies_graph(after))}
        for rid, rel in old.items():
            if rid not in new or edge_row(new[rid]) != edge_row(rel):
                self._delete_edges(rel.type, rel.source, rel.target, rid)
        for rid, rel in new.items():
            if rid not in old or edge_row(old[rid]) != edge_row(rel):
                self._create_edge(rel)
        return after

    def _label(self, gid: str) -> str | None:
        if gid not in self.label_of:
            self.label_of[gid] = next((label for label in self.labels if _rows(
                self.conn, f"MATCH (n:{label} {{id: $id}}) RETURN count(n)", {"id": gid})[0][0]), None)
        return self.label_of[gid]

    def _node(self, gid: str, delta: Delta) -> None:
        entity = delta.entities.get(gid)
        label = self._label(gid)
        if entity is None:
            if label is not None:
                self.conn.execute(f"MATCH (n:{label} {{id: $id}}) DETACH DELETE n", {"id": gid})
            self.label_of[gid] = None
            return
        if entity.type not in self.labels:
            raise Unsupported(f"no node table for {entity.type} ({gid})")
        if label is not None and label != entity.type:
            raise Unsupported(f"{gid} was a {label} and is a {entity.type} now")
        row = {key: _value(value) for key, value in node_row(entity).items()}
        props = ", ".join(f"{key}: ${key}" for key in row)
        if label is None:
            self.conn.execute(f"CREATE (n:{entity.type} {{{props}}})", row)
        else:
            sets = ", ".join(f"n.{key} = ${key}" for key in row if key != "id")
            self.conn.execute(f"MATCH (n:{label} {{id: $id}}) SET {sets}", row)
        self.label_of[gid] = entity.type

    def _link(self, link: tuple[str, str, str], relations: list[Relation]) -> None:
        rtype, source, target = link
        self._delete_edges(rtype, source, target)
        for rel in relations:
            self._create_edge(rel)

    def _ends(self, rtype: str, source: str, target: str) -> tuple[str, str] | None:
        ends = self._label(source), self._label(target)
        return None if None in ends else ends  # type: ignore[return-value]

    def _delete_edges(self, rtype: str, source: str, target: str, rid: str | None = None) -> None:
        ends = self._ends(rtype, source, target)
        if ends is None or ends not in self.pairs.get(rtype, set()):
            return  # an end is gone (and its relationships with it), or none could join them
        only = " {id: $rid}" if rid else ""
        self.conn.execute(f"MATCH (a:{ends[0]} {{id: $s}})-[r:{rtype}{only}]->(b:{ends[1]} {{id: $t}}) DELETE r",
                          {"s": source, "t": target, **({"rid": rid} if rid else {})})

    def _create_edge(self, rel: Relation) -> None:
        ends = self._ends(rel.type, rel.source, rel.target)
        if ends is None:
            return  # as the bulk load leaves out a relation whose end is no entity
        if ends not in self.pairs.get(rel.type, set()):
            raise Unsupported(f"no {rel.type} relationship from {ends[0]} to {ends[1]} in the store's schema")
        row = {key: _value(value) for key, value in edge_row(rel).items()}
        source, target = row.pop("source"), row.pop("target")
        props = ", ".join(f"{key}: ${key}" for key in row)
        self.conn.execute(f"MATCH (a:{ends[0]} {{id: $source_}}), (b:{ends[1]} {{id: $target_}}) "
                          f"CREATE (a)-[:{rel.type} {{{props}}}]->(b)", {**row, "source_": source, "target_": target})
