"""Reading the merged graph (or one entity's neighbourhood) out of the source of truth."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kg import resolve
from kg.model import DocumentInfo, Entity, Graph, Relation
from kg.store.merge import FactRow, MentionRow, merge_entity, merge_relation, report_order

_MENTION_COLS = "m.gid, m.doc, d.date, m.type, m.name, m.aliases, m.props, m.evidence"
_FACT_COLS = "f.rkey, f.doc, d.date, f.seq, f.type, f.source, f.target, f.props, f.evidence, f.confidence"


def _json(text: str) -> Any:
    # most aliases, props and relation props are empty: skip the parser for them
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return json.loads(text)


def _mention(row: tuple, evidence: bool) -> tuple[str, MentionRow]:
    gid, doc, date, etype, name, aliases, props, ev = row
    return gid, MentionRow(
        doc, report_order(date, doc), etype, name, _json(aliases), _json(props), _json(ev) if evidence else []
    )


def _fact(row: tuple, evidence: bool) -> tuple[str, FactRow]:
    rkey, doc, date, seq, rtype, source, target, props, ev, conf = row
    return rkey, FactRow(
        doc, report_order(date, doc), seq, rtype, source, target, _json(props), _json(ev) if evidence else [], conf
    )


def documents(conn: sqlite3.Connection, doc_id: str | None = None) -> list[DocumentInfo]:
    """The stored reports (or the one named), each with the paths of the files that hold it."""
    where, args = ("WHERE id=?", (doc_id,)) if doc_id is not None else ("", ())
    paths: dict[str, list[str]] = defaultdict(list)
    path_where = "WHERE doc=?" if doc_id is not None else ""
    for path, doc in conn.execute(f"SELECT path, doc FROM paths {path_where} ORDER BY path", args):
        paths[doc].append(path)
    infos = []
    for rid, text in conn.execute(f"SELECT id, info FROM documents {where} ORDER BY id", args):
        info = DocumentInfo.from_dict(json.loads(text))
        info.paths = paths.get(rid, [])
        infos.append(info)
    return infos


def read_graph(conn: sqlite3.Connection, *, evidence: bool = True) -> Graph:
    """The merged graph. Run inside a read transaction for a consistent snapshot.

    Rows are read in table order and grouped in memory: ORDER BY gid walked the index and then
    the table in random order, several times slower on a large store.
    """
    graph = Graph()
    for info in documents(conn):
        graph.documents[info.id] = info
    dates = {doc: info.date for doc, info in graph.documents.items()}
    ev = "evidence" if evidence else "'[]'"
    mentions: dict[str, list[MentionRow]] = defaultdict(list)
    for gid, doc, etype, name, aliases, props, evs in conn.execute(
        f"SELECT gid, doc, type, name, aliases, props, {ev} FROM mentions"
    ):
        mentions[gid].append(MentionRow(doc, report_order(dates.get(doc), doc), etype, name, _json(aliases),
                                        _json(props), _json(evs)))
    for gid in sorted(mentions):
        graph.entities[gid] = merge_entity(gid, mentions.pop(gid), evidence=evidence)
    facts: dict[str, list[FactRow]] = defaultdict(list)
    for rkey, doc, seq, rtype, source, target, props, evs, conf in conn.execute(
        f"SELECT rkey, doc, seq, type, source, target, props, {ev}, confidence FROM facts"
    ):
        facts[rkey].append(FactRow(doc, report_order(dates.get(doc), doc), seq, rtype, source, target, _json(props),
                                   _json(evs), conf))
    graph.relations = [merge_relation(rows, evidence=evidence) for rows in facts.values()]
    graph.relations.sort(key=lambda r: (r.type, r.source, r.target, r.id))
    return graph


def entity(conn: sqlite3.Connection, gid: str) -> Entity | None:
    rows = conn.execute(
        f"SELECT {_MENTION_COLS} FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.gid=?", (gid,)
    ).fetchall()
    if not rows:
        return None
    return merge_entity(gid, [_mention(r, True)[1] for r in rows])


def relations_of(conn: sqlite3.Connection, gid: str) -> list[Relation]:
    """Every relation with this entity at either end, merged across reports."""
    rkeys = [
        r[0] for r in conn.execute("SELECT rkey FROM facts WHERE source=? UNION SELECT rkey FROM facts WHERE target=?",
                                   (gid, gid))
    ]
    out = []
    for rkey in sorted(rkeys):
        rows = conn.execute(
            f"SELECT {_FACT_COLS} FROM facts f JOIN documents d ON d.id = f.doc WHERE f.rkey=?", (rkey,)
        ).fetchall()
        out.append(merge_relation([_fact(r, True)[1] for r in rows]))
    return sorted(out, key=lambda r: (r.source != gid, r.type, r.target, r.source))


def find(conn: sqlite3.Connection, ref: str) -> list[str]:
    """Global ids matching an id, or a name or alias (case, tones, abbreviations ignored)."""
    ref = ref.strip()
    if conn.execute("SELECT 1 FROM mentions WHERE gid=? LIMIT 1", (ref,)).fetchone():
        return [ref]
    for key in (resolve.lookup_key(ref), resolve.folded_key(ref)):
        rows = conn.execute(
            "SELECT DISTINCT m.gid FROM names n JOIN mentions m ON m.doc = n.doc AND m.local_id = n.local_id "
            "WHERE n.key=? ORDER BY m.gid",
            (key,),
        ).fetchall()
        if rows:
            return [r[0] for r in rows]
    return []


def names(conn: sqlite3.Connection, gids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """gid -> (type, canonical name), for labelling the other end of relations."""
    out: dict[str, tuple[str, str]] = {}
    for gid in set(gids):
        ent = entity_light(conn, gid)
        if ent is not None:
            out[gid] = (ent.type, ent.name)
    return out


def entity_light(conn: sqlite3.Connection, gid: str) -> Entity | None:
    rows = conn.execute(
        f"SELECT {_MENTION_COLS} FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.gid=?", (gid,)
    ).fetchall()
    if not rows:
        return None
    return merge_entity(gid, [_mention(r, False)[1] for r in rows], evidence=False)


def counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Canonical entities and relations by type (what `kg stats` and `kg ingest` print)."""
    entities = dict(conn.execute("SELECT type, COUNT(DISTINCT gid) FROM mentions GROUP BY type ORDER BY type"))
    relations = dict(conn.execute("SELECT type, COUNT(DISTINCT rkey) FROM facts GROUP BY type ORDER BY type"))
    return entities, relations


def stats(conn: sqlite3.Connection) -> dict[str, object]:
    entities, relations = counts(conn)
    return {
        "reports": conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        "entities": entities,
        "relations": relations,
        "entities_total": sum(entities.values()),
        "relations_total": sum(relations.values()),
        # who published the reports, most first (reports whose files name none are left out)
        "outlets": dict(conn.execute(
            "SELECT json_extract(info, '$.outlet') AS o, COUNT(*) AS n FROM documents WHERE o != '' "
            "GROUP BY o ORDER BY n DESC, o").fetchall()),
    }
