"""What a derived store needs to take in a change: the changed part of the graph as it is now.

kg.store.changelog says which entity ids, links (type, source, target) and reports the writes since a
derived store's generation touched; `read` reads just those out of the source of truth, merged across
reports exactly as kg.store.reader merges the whole graph: the entities with those ids, every relation
on those links, the reports. A derived store's update (kg.store.rdf_delta) replaces what it holds of
them with this, so its cost follows the size of the change, not of the archive.

Judgements (merges, splits, rejections) are applied when the whole graph is read and can move any
fact: while one is in force, or one changed, there is no delta (`None`) and the stores are rebuilt.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import reorganisation, resolve
from kg.model import DocumentInfo, Entity, Graph, Relation
from kg.store import changelog, reader
from kg.store.changelog import Dirty
from kg.store.merge import FactRow, MentionRow, merge_entity, merge_relation, report_order
from kg.text import name_key

# a change touching more than this share of the graph's entities (and more than SMALL ids) is rebuilt
# instead: reading a large part of the graph piecemeal costs more than reading it whole
MAX_SHARE, SMALL = 0.2, 2000
SUCCESSION_FILE = "succession.json"  # the bodies of the graph that data/reorganisation_2025.yaml names


@dataclass
class Delta:
    """The changed part of the graph, now: what a dirty id, link or report is (absent: it is gone)."""

    dirty: Dirty
    entities: dict[str, Entity] = field(default_factory=dict)  # the dirty ids that are entities now
    # their evidence is not read: the reports that have some of it (what the derived stores hold)
    entity_docs: dict[str, list[str]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)  # every relation on a dirty link now
    docs: dict[str, DocumentInfo] = field(default_factory=dict)  # the dirty reports stored now
    typed: set[str] = field(default_factory=set)  # those of them with a Document entity


def read(conn: sqlite3.Connection, generation: int) -> Delta | None:
    """The change since `generation`, inside the caller's read transaction; None when a rebuild is
    needed instead (the change is not known, judgements apply, or it is a large part of the graph)."""
    dirty = changelog.since(conn, generation)
    if dirty is None or conn.execute("SELECT 1 FROM judgements WHERE active=1 LIMIT 1").fetchone():
        return None
    # a report's Document entity and report node are one IRI: changing either rewrites both
    dirty.entities |= {resolve.document_id(doc) for doc in dirty.docs}
    if len(dirty) > SMALL and len(dirty.entities) > MAX_SHARE * _count(conn):
        return None
    delta = Delta(dirty)
    delta.docs = {doc: info for doc in sorted(dirty.docs) if (info := _document(conn, doc)) is not None}
    delta.entities, delta.entity_docs = _entities(conn, dirty.entities)
    delta.typed = {doc for doc in delta.docs if resolve.document_id(doc) in delta.entities}
    delta.relations = _relations(conn, dirty.links)
    return delta


def _count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(DISTINCT gid) FROM mentions").fetchone()[0]


def _document(conn: sqlite3.Connection, doc: str) -> DocumentInfo | None:
    found = reader.documents(conn, doc)
    return found[0] if found else None


def _entities(conn: sqlite3.Connection, gids: set[str]) -> tuple[dict[str, Entity], dict[str, list[str]]]:
    """The entities with these ids, without their evidence (which the derived stores do not hold: only
    which reports have some, the second dict), so no report's sentences are read for them."""
    rows: dict[str, list[MentionRow]] = defaultdict(list)
    docs: dict[str, set[str]] = defaultdict(set)
    for gid, doc, date, etype, name, aliases, props, cited in conn.execute(
            "SELECT m.gid, m.doc, d.date, m.type, m.name, m.aliases, m.props, m.evidence <> '[]' FROM mentions m "
            "JOIN documents d ON d.id = m.doc WHERE m.gid IN (SELECT value FROM json_each(?)) ORDER BY m.gid, m.doc",
            (json.dumps(sorted(gids)),)):
        rows[gid].append(MentionRow(doc, report_order(date, doc), etype, name, reader._json(aliases),
                                    reader._json(props), []))
        if cited:
            docs[gid].add(doc)
    entities = {gid: merge_entity(gid, rows[gid], evidence=False) for gid in sorted(rows)}
    return entities, {gid: sorted(docs[gid]) for gid in entities}


def _relations(conn: sqlite3.Connection, links: set[tuple[str, str, str]]) -> list[Relation]:
    """Every relation on these links, merged from all its reports' rows."""
    if not links:
        return []
    found = conn.execute(
        "SELECT f.rkey, f.doc, d.date, f.seq, f.type, f.source, f.target, f.props, f.evidence, f.confidence "
        "FROM json_each(?) v JOIN facts f ON f.source = json_extract(v.value, '$[1]') "
        "AND f.type = json_extract(v.value, '$[0]') AND f.target = json_extract(v.value, '$[2]') "
        "JOIN documents d ON d.id = f.doc ORDER BY f.doc, f.seq", (json.dumps(sorted(links)),)).fetchall()
    docs = sorted({r[1] for r in found})
    texts = reader._sentences(conn, found, 1)
    stories = dict(conn.execute("SELECT doc, story FROM stories WHERE story<>doc AND doc IN "
                                "(SELECT value FROM json_each(?))", (json.dumps(docs),)))
    groups: dict[str, list[FactRow]] = defaultdict(list)
    for rkey, doc, date, seq, rtype, source, target, props, evidence, confidence in found:
        groups[rkey].append(FactRow(doc, report_order(date, doc), seq, rtype, source, target, reader._json(props),
                                    reader.sentences.decode(evidence, texts.get(doc, [])), confidence,
                                    stories.get(doc, "")))
    relations = [merge_relation(rows, evidence=True) for rows in groups.values()]
    return sorted(relations, key=lambda r: (r.type, r.source, r.target, r.id))


# -- the 2025 successions (kg.succession): decided by the bodies the data file names, kept beside each
# derived store in SUCCESSION_FILE, so an update recomputes them without reading every body
@functools.cache
def _data_keys() -> frozenset[str]:
    return frozenset(name_key(n) for b in reorganisation.bodies()
                     for n in (b.name, *b.aliases, *b.replaces, *b.functions_to))


def succession_bodies(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """The bodies among `entities` that a change of the data file may name: id -> names."""
    keys = _data_keys()
    return {e.id: [e.name, *e.aliases] for e in entities
            if e.type == "Organization" and any(name_key(n) in keys for n in (e.name, *e.aliases))}


def succession_after(before: dict[str, list[str]], delta: Delta) -> dict[str, list[str]]:
    after = {gid: names for gid, names in before.items() if gid not in delta.dirty.entities}
    after.update(succession_bodies(delta.entities.values()))
    return dict(sorted(after.items()))  # in id order, as the whole graph lists its entities


def bodies_graph(bodies: dict[str, list[str]]) -> Graph:
    graph = Graph()
    for gid, (name, *aliases) in sorted(bodies.items()):
        graph.entities[gid] = Entity(gid, "Organization", name, aliases)
    return graph


def read_succession(folder: Path) -> dict[str, list[str]] | None:
    try:
        return json.loads((folder / SUCCESSION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_succession(folder: Path, bodies: dict[str, list[str]]) -> None:
    (folder / SUCCESSION_FILE).write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
