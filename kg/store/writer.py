"""Writing reports into the source of truth: one transaction per report (see kg.store.schema).

`put_report` and `remove_report` run inside a transaction the caller opened; they prepare the
report's rows (resolution, kg.resolve), replace its old rows, re-cluster the persons whose name it
shares with other reports, and return what was new.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kg import resolve
from kg.errors import StoreError
from kg.model import Entity, Evidence, Extraction

DOC_LOCAL_ID = "__report__"  # the local id of a Document entity the store adds to a report


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@dataclass
class Prepared:
    """A report's rows, resolved, ready to insert."""

    doc_id: str
    mentions: list[tuple[str, ...]] = field(default_factory=list)  # rows for `mentions`
    names: list[tuple[str, str, str]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)  # ends as local ids
    person_keys: set[str] = field(default_factory=set)
    gids: dict[str, str] = field(default_factory=dict)  # local id -> global id (non-persons)
    date: str | None = None  # the report's date (see report_date)


def report_date(stated: str | None, documents: list[Entity], entities: Iterable[Entity]) -> str | None:
    """The date a report is filed under (ordering persons first seen, `since` of posts): the file's
    stated date, else its Document entity's, else the date of the one meeting it reports (the
    extractor marks it `main`)."""
    for candidate in [stated, *(d.props.get("date") for d in documents)]:
        if candidate:
            return str(candidate)
    main = {str(e.props["date"]) for e in entities if e.type == "Event" and e.props.get("main") and e.props.get("date")}
    return main.pop() if len(main) == 1 else None


def _evidence(items: list[Evidence]) -> str:
    """Evidence as [start, end, text, sentence] arrays; the report is the row's (whatever id the
    extractor wrote), and the sentence is "" when it is the text itself (relations)."""
    return json.dumps(
        [[ev.start, ev.end, ev.text, "" if ev.sentence in ("", ev.text) else ev.sentence] for ev in items],
        ensure_ascii=False, separators=(",", ":"),
    )


def prepare(extraction: Extraction) -> Prepared:
    """Resolve one extraction's entities and check its relations (StoreError if inconsistent)."""
    info = extraction.document
    doc_id = info.id
    if not doc_id:
        raise StoreError("cannot store a report without an id")
    entities: dict[str, Entity] = {}
    for ent in extraction.entities:
        if not ent.id or not ent.type or not (ent.name or "").strip():
            raise StoreError(f"{doc_id}: entity {ent.id!r} has no id, type or name")
        if ent.id in entities:  # the same local id twice: one entity, both sets of evidence
            prev = entities[ent.id]
            for alias in [ent.name, *ent.aliases]:
                prev.add_alias(alias)
            prev.evidence = [*prev.evidence, *ent.evidence]
            continue
        entities[ent.id] = Entity(ent.id, ent.type, ent.name, list(ent.aliases), dict(ent.props), list(ent.evidence))
    prep = Prepared(doc_id)
    doc_gid = resolve.document_id(doc_id)
    documents = [e for e in entities.values() if e.type == "Document"]
    if not documents:
        title = info.title or doc_id
        entities[DOC_LOCAL_ID] = Entity(DOC_LOCAL_ID, "Document", title)
        documents = [entities[DOC_LOCAL_ID]]
    prep.date = report_date(info.date, documents, entities.values())
    for doc_ent in documents:
        doc_ent.props.setdefault("title", info.title or doc_ent.name)
        if prep.date:
            doc_ent.props.setdefault("date", prep.date)

    relations = []
    for seq, rel in enumerate(extraction.relations):
        for end in (rel.source, rel.target):
            if end not in entities:
                raise StoreError(f"{doc_id}: {rel.type} relation refers to unknown entity {end!r}")
        relations.append((seq, rel))

    keys: dict[str, str] = {}
    for local_id, ent in entities.items():
        if ent.type == "Document":
            keys[local_id] = doc_id
            prep.gids[local_id] = doc_gid
        else:
            keys[local_id] = resolve.entity_key(ent, doc_id)
            if ent.type != "Person":
                prep.gids[local_id] = resolve.global_id(ent.type, keys[local_id])

    contexts: dict[str, dict[str, set[str]]] = {}
    for _, rel in relations:
        src, dst = entities[rel.source], entities[rel.target]
        if src.type != "Person":
            continue
        ctx = contexts.setdefault(rel.source, {"orgs": set(), "events": set()})
        if rel.type == "HOLDS_POSITION" and dst.type == "Organization":
            ctx["orgs"].add(keys[rel.target])
        elif rel.type == "ATTENDED" and dst.type == "Event":
            ctx["events"].add(prep.gids[rel.target])

    for local_id, ent in entities.items():
        context = ""
        gid = prep.gids.get(local_id, "")
        if ent.type == "Person":
            prep.person_keys.add(keys[local_id])
            ctx = contexts.get(local_id)
            context = dumps({k: sorted(v) for k, v in ctx.items()}) if ctx and any(ctx.values()) else ""
        prep.mentions.append(
            (doc_id, local_id, ent.type, keys[local_id], gid, ent.name, dumps(ent.aliases),
             dumps(ent.props), _evidence(ent.evidence), context)
        )
        for name in [ent.name, *ent.aliases]:
            for key in {resolve.lookup_key(name), resolve.folded_key(name)}:
                if key:  # duplicates are dropped by the table's primary key
                    prep.names.append((key, doc_id, local_id))
    for seq, rel in relations:
        prep.facts.append(
            {"seq": seq, "type": rel.type, "source_local": rel.source, "target_local": rel.target,
             "props": dict(rel.props), "evidence": _evidence(rel.evidence),
             "confidence": float(rel.confidence)}
        )
    return prep


@dataclass
class Changes:
    """What a write did to global ids, to count what is new (PutResult) and to find stale rows."""

    old_gids: set[str] = field(default_factory=set)  # gids of the replaced version of the report
    old_rkeys: set[str] = field(default_factory=set)
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)  # mention -> its old gid
    remapped: dict[tuple[str, int], str] = field(default_factory=dict)  # fact -> its old rkey
    new_gids: set[str] = field(default_factory=set)  # gids given to renamed mentions
    new_rkeys: set[str] = field(default_factory=set)  # rkeys given to re-mapped facts


def _delete_report(conn: sqlite3.Connection, doc_id: str, changes: Changes) -> set[str]:
    """Delete a report's rows; return the person keys it had."""
    keys: set[str] = set()
    for gid, etype, key in conn.execute("SELECT gid, type, key FROM mentions WHERE doc=?", (doc_id,)):
        changes.old_gids.add(gid)
        if etype == "Person":
            keys.add(key)
    changes.old_rkeys.update(r[0] for r in conn.execute("SELECT rkey FROM facts WHERE doc=?", (doc_id,)))
    for table in ("mentions", "names", "facts"):
        conn.execute(f"DELETE FROM {table} WHERE doc=?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))
    return keys


def _person_rows(conn: sqlite3.Connection, key: str) -> list[resolve.PersonMention]:
    rows = conn.execute(
        "SELECT m.doc, m.local_id, m.context, d.date FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.type='Person' AND m.key=?",
        (key,),
    )
    return [_mention(doc, local_id, context, date) for doc, local_id, context, date in rows]


def _mention(doc: str, local_id: str, context: str, date: str | None) -> resolve.PersonMention:
    ctx = json.loads(context) if context else {}
    return resolve.PersonMention(doc, local_id, frozenset(ctx.get("orgs", ())), frozenset(ctx.get("events", ())),
                                 date or "")


def _cluster_row(key: str, cluster: resolve.Cluster, gid: str) -> tuple[str, str, str, str, str]:
    return (key, gid, dumps(cluster.orgs), dumps(cluster.events), "\x1f".join(cluster.first))


def _save_clusters(conn: sqlite3.Connection, key: str, clusters: list[resolve.Cluster], gids: list[str]) -> None:
    conn.execute("DELETE FROM person_clusters WHERE key=?", (key,))
    conn.executemany("INSERT INTO person_clusters VALUES (?, ?, ?, ?, ?)",
                     [_cluster_row(key, c, gid) for c, gid in zip(clusters, gids, strict=True)])


def _assign(conn: sqlite3.Connection, ref: tuple[str, str], old: str, gid: str, changes: Changes) -> None:
    conn.execute("UPDATE mentions SET gid=? WHERE doc=? AND local_id=?", (gid, *ref))
    if old:  # "" = inserted by this write, not a rename
        changes.renamed.setdefault(ref, old)
        changes.new_gids.add(gid)
    _remap_facts(conn, ref, gid, changes)


def _recluster(conn: sqlite3.Connection, keys: set[str], changes: Changes) -> None:
    """Re-resolve these person name keys from all their mentions (after a removal or a change)."""
    for key in sorted(keys):
        mentions = _person_rows(conn, key)
        current = dict(
            ((doc, local_id), gid) for doc, local_id, gid in
            conn.execute("SELECT doc, local_id, gid FROM mentions WHERE type='Person' AND key=?", (key,))
        )
        groups = resolve.group_persons(mentions)
        clusters = [resolve.Cluster.of(g) for g in groups]
        gids = resolve.cluster_ids(key, clusters)
        assignment = {m.ref: gid for members, gid in zip(groups, gids, strict=True) for m in members}
        plain = resolve.global_id("Person", key)
        for m in mentions:
            gid = assignment.get(m.ref, plain)
            if current[m.ref] != gid:
                _assign(conn, m.ref, current[m.ref], gid, changes)
        _save_clusters(conn, key, clusters, gids)


def _resolve_new(conn: sqlite3.Connection, doc_id: str, keys: set[str], changes: Changes) -> None:
    """Resolve a new report's persons against the stored clusters of their names (incremental).

    Gives the same ids as _recluster: a new mention joins (and so merges) every cluster it agrees
    with, and stored clusters never agree with each other.
    """
    for key in sorted(keys):
        entries: list[tuple[list[str], resolve.Cluster, list[tuple[str, str]]]] = []
        for gid, orgs, events, first in conn.execute(
            "SELECT gid, orgs, events, first FROM person_clusters WHERE key=?", (key,)
        ):
            date, _, doc = first.partition("\x1f")
            cluster = resolve.Cluster(Counter(json.loads(orgs)), Counter(json.loads(events)), (date, doc))
            entries.append(([gid], cluster, []))
        loose: list[tuple[str, str]] = []
        for doc, local_id, context, date in conn.execute(
            "SELECT m.doc, m.local_id, m.context, d.date FROM mentions m JOIN documents d ON d.id = m.doc "
            "WHERE m.doc=? AND m.type='Person' AND m.key=?",
            (doc_id, key),
        ):
            m = _mention(doc, local_id, context, date)
            if not (m.orgs or m.events):
                loose.append(m.ref)
                continue
            merged = ([], resolve.Cluster.of([m]), [m.ref])
            rest = []
            for entry in entries:
                if entry[1].agrees(m):
                    merged[0].extend(entry[0])
                    merged[1].absorb(entry[1])
                    merged[2].extend(entry[2])
                else:
                    rest.append(entry)
            entries = [*rest, merged]
        clusters = [e[1] for e in entries]
        gids = resolve.cluster_ids(key, clusters)
        moves = []  # collected first: two clusters may swap ids
        for (olds, _, new_refs), gid in zip(entries, gids, strict=True):
            moves.extend((ref, "", gid) for ref in new_refs)
            for old in olds:
                if old != gid:
                    rows = conn.execute(
                        "SELECT doc, local_id FROM mentions WHERE gid=? AND context<>''", (old,)
                    ).fetchall()
                    moves.extend((tuple(r), old, gid) for r in rows)
        plain = resolve.global_id("Person", key)
        moves.extend((ref, "", plain) for ref in loose)
        for ref, old, gid in moves:
            _assign(conn, ref, old, gid, changes)
        # rewrite only the clusters this report touched or renamed
        paired = list(zip(entries, gids, strict=True))
        stale = [(key, old) for (olds, _, new_refs), gid in paired for old in olds if new_refs or old != gid]
        conn.executemany("DELETE FROM person_clusters WHERE key=? AND gid=?", stale)
        conn.executemany(
            "INSERT INTO person_clusters VALUES (?, ?, ?, ?, ?)",
            [_cluster_row(key, c, gid) for (olds, c, new_refs), gid in paired if new_refs or olds != [gid]],
        )


def _remap_facts(conn: sqlite3.Connection, ref: tuple[str, str], gid: str, changes: Changes) -> None:
    doc, local_id = ref
    rows = conn.execute(
        "SELECT seq, type, source_local, target_local, source, target, props, rkey FROM facts "
        "WHERE doc=? AND (source_local=? OR target_local=?)",
        (doc, local_id, local_id),
    ).fetchall()
    for seq, rtype, src_local, dst_local, source, target, props, rkey in rows:
        source = gid if src_local == local_id else source
        target = gid if dst_local == local_id else target
        new_key = resolve.relation_key(rtype, source, target, json.loads(props).get("role", "") or "")
        conn.execute(
            "UPDATE facts SET source=?, target=?, rkey=? WHERE doc=? AND seq=?", (source, target, new_key, doc, seq)
        )
        changes.remapped.setdefault((doc, seq), rkey)
        changes.new_rkeys.add(new_key)


def _gid_map(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    return dict(conn.execute("SELECT local_id, gid FROM mentions WHERE doc=?", (doc_id,)).fetchall())


def write_report(conn: sqlite3.Connection, prep: Prepared, info_json: str, sha256: str, date: str | None) -> Changes:
    """Replace one report's rows (inside the caller's transaction)."""
    changes = Changes()
    keys = _delete_report(conn, prep.doc_id, changes)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO documents(id, sha256, date, info, added) VALUES (?, ?, ?, ?, ?)",
        (prep.doc_id, sha256, date, info_json, now),
    )
    conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", prep.mentions)
    conn.executemany("INSERT OR IGNORE INTO names(key, doc, local_id) VALUES (?, ?, ?)", prep.names)
    if keys:  # a changed report: its old persons may have held clusters together
        _recluster(conn, keys | prep.person_keys, changes)
    else:
        _resolve_new(conn, prep.doc_id, prep.person_keys, changes)
    gids = _gid_map(conn, prep.doc_id)
    rows = []
    for f in prep.facts:
        source, target = gids[f["source_local"]], gids[f["target_local"]]
        rkey = resolve.relation_key(f["type"], source, target, f["props"].get("role", "") or "")
        rows.append(
            (prep.doc_id, f["seq"], f["type"], f["source_local"], f["target_local"], source, target, rkey,
             dumps(f["props"]), f["evidence"], f["confidence"])
        )
    conn.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return changes


def remove_report(conn: sqlite3.Connection, doc_id: str) -> bool:
    if conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is None:
        return False
    changes = Changes()
    keys = _delete_report(conn, doc_id, changes)
    _recluster(conn, keys, changes)
    return True


def count_new(conn: sqlite3.Connection, doc_id: str, changes: Changes) -> tuple[int, int]:
    """Canonical entities and relations that exist now and did not before this write.

    An id existed before if the replaced version of the report had it, if a row this write
    re-labelled had it, or if some other report's row has it and this write did not re-label it
    (the re-labelled rows are listed in temporary tables for that last test).
    """
    gids = set(_gid_map(conn, doc_id).values()) | changes.new_gids
    rkeys = {r[0] for r in conn.execute("SELECT rkey FROM facts WHERE doc=?", (doc_id,))} | changes.new_rkeys
    if changes.renamed or changes.remapped:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS relabelled_m (doc TEXT, local_id TEXT, "
                     "PRIMARY KEY (doc, local_id))")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS relabelled_f (doc TEXT, seq INTEGER, PRIMARY KEY (doc, seq))")
        conn.execute("DELETE FROM relabelled_m")
        conn.execute("DELETE FROM relabelled_f")
        conn.executemany("INSERT INTO relabelled_m VALUES (?, ?)", list(changes.renamed))
        conn.executemany("INSERT INTO relabelled_f VALUES (?, ?)", list(changes.remapped))
        had_gid = ("SELECT 1 FROM mentions m WHERE m.gid=? AND m.doc<>? AND NOT EXISTS "
                   "(SELECT 1 FROM relabelled_m r WHERE r.doc=m.doc AND r.local_id=m.local_id) LIMIT 1")
        had_rkey = ("SELECT 1 FROM facts f WHERE f.rkey=? AND f.doc<>? AND NOT EXISTS "
                    "(SELECT 1 FROM relabelled_f r WHERE r.doc=f.doc AND r.seq=f.seq) LIMIT 1")
    else:
        had_gid = "SELECT 1 FROM mentions WHERE gid=? AND doc<>? LIMIT 1"
        had_rkey = "SELECT 1 FROM facts WHERE rkey=? AND doc<>? LIMIT 1"
    old_gids = changes.old_gids | set(changes.renamed.values())
    old_rkeys = changes.old_rkeys | set(changes.remapped.values())
    entities = sum(
        1 for gid in gids if gid not in old_gids and conn.execute(had_gid, (gid, doc_id)).fetchone() is None
    )
    relations = sum(
        1 for rkey in rkeys if rkey not in old_rkeys and conn.execute(had_rkey, (rkey, doc_id)).fetchone() is None
    )
    return entities, relations
