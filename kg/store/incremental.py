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

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from kg import resolve
from kg.model import DocumentInfo, Entity, Relation
from kg.store import changelog, reader
from kg.store.changelog import Dirty
from kg.store.merge import FactRow, merge_relation, report_order

# a change touching more than this share of the graph's entities (and more than SMALL ids) is rebuilt
# instead: reading a large part of the graph piecemeal costs more than reading it whole
MAX_SHARE, SMALL = 0.2, 2000


@dataclass
class Delta:
    """The changed part of the graph, now: what a dirty id, link or report is (absent: it is gone)."""

    dirty: Dirty
    entities: dict[str, Entity] = field(default_factory=dict)  # the dirty ids that are entities now
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
    delta.entities = _entities(conn, dirty.entities)
    delta.typed = {doc for doc in delta.docs if resolve.document_id(doc) in delta.entities}
    delta.relations = _relations(conn, dirty.links)
    return delta


def _count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(DISTINCT gid) FROM mentions").fetchone()[0]


def _document(conn: sqlite3.Connection, doc: str) -> DocumentInfo | None:
    found = reader.documents(conn, doc)
    return found[0] if found else None


def _entities(conn: sqlite3.Connection, gids: set[str]) -> dict[str, Entity]:
    rules = reader.rules_of(conn)  # none in force (see read): names as stored
    rows: dict[str, list] = defaultdict(list)
    for gid, _, row in sorted(reader._entity_rows(conn, gids, True), key=lambda r: (r[0], r[2].doc)):
        rows[gid].append(row)
    return {gid: reader._merge_mentions(gid, rows[gid], None, rules, True) for gid in sorted(rows)}


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
