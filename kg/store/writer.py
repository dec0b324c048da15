"""Writing reports into the source of truth, inside a transaction the caller opened (kg.store.store).

`write_report` takes a report's rows (kg.store.prepared, made without the database), replaces the
report's old rows, resolves its persons again from all the mentions of their names (kg.resolve)
and says what changed; `remove_report` takes a report out; `count_new` counts what a write added.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kg import resolve
from kg.store import reprints
from kg.store.prepared import Prepared, dumps


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
    """Delete a report's rows; return the person keys it had (none: it was not stored)."""
    keys: set[str] = set()
    for gid, etype, key in conn.execute("SELECT gid, type, key FROM mentions WHERE doc=?", (doc_id,)):
        changes.old_gids.add(gid)
        if etype == "Person":
            keys.add(key)
    changes.old_rkeys.update(r[0] for r in conn.execute("SELECT rkey FROM facts WHERE doc=?", (doc_id,)))
    reprints.unlink(conn, doc_id)
    for table in ("mentions", "names", "facts", "sentences"):
        conn.execute(f"DELETE FROM {table} WHERE doc=?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))
    return keys


def claim_paths(conn: sqlite3.Connection, doc_id: str, paths: list[str]) -> list[str]:
    """The files at `paths` hold report `doc_id` now: take them from any report that had them;
    a report left in no file (its content exists nowhere the store knows) is removed. Returns the
    ids of the removed reports."""
    before = {r[0] for r in conn.execute(
        "SELECT DISTINCT p.doc FROM paths p JOIN json_each(?) v ON p.path = v.value WHERE p.doc <> ?",
        (json.dumps(paths), doc_id))}
    conn.executemany("INSERT OR REPLACE INTO paths(path, doc) VALUES (?, ?)", [(p, doc_id) for p in paths])
    return [doc for doc in sorted(before) if _drop_if_fileless(conn, doc)]


def drop_paths(conn: sqlite3.Connection, paths: list[str]) -> list[str]:
    """The files at `paths` are gone: forget them; reports left in no file are removed (ids)."""
    docs = {r[0] for r in conn.execute(
        "SELECT DISTINCT p.doc FROM paths p JOIN json_each(?) v ON p.path = v.value", (json.dumps(paths),))}
    conn.execute("DELETE FROM paths WHERE path IN (SELECT value FROM json_each(?))", (json.dumps(paths),))
    return [doc for doc in sorted(docs) if _drop_if_fileless(conn, doc)]


def _drop_if_fileless(conn: sqlite3.Connection, doc_id: str) -> bool:
    if conn.execute("SELECT 1 FROM paths WHERE doc=? LIMIT 1", (doc_id,)).fetchone() is not None:
        return False
    return remove_report(conn, doc_id)


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
        groups = resolve.group_persons(mentions, key)
        clusters = [resolve.Cluster.of(g) for g in groups]
        gids = resolve.cluster_ids(key, clusters)
        assignment = {m.ref: gid for members, gid in zip(groups, gids, strict=True) for m in members}
        plain = resolve.global_id("Person", key)
        for m in mentions:
            gid = assignment.get(m.ref, plain)
            if current[m.ref] != gid:
                _assign(conn, m.ref, current[m.ref], gid, changes)
        _save_clusters(conn, key, clusters, gids)


def recluster_all(conn: sqlite3.Connection) -> Changes:
    """Re-resolve every person name from its stored mentions (after the resolution rules change)."""
    changes = Changes()
    keys = {r[0] for r in conn.execute("SELECT DISTINCT key FROM mentions WHERE type='Person'")}
    _recluster(conn, keys, changes)
    return changes


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
        new_key = resolve.relation_key(rtype, source, target, str(json.loads(props).get("role", "") or ""))
        conn.execute(
            "UPDATE facts SET source=?, target=?, rkey=? WHERE doc=? AND seq=?", (source, target, new_key, doc, seq)
        )
        changes.remapped.setdefault((doc, seq), rkey)
        changes.new_rkeys.add(new_key)


def _gid_map(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    return dict(conn.execute("SELECT local_id, gid FROM mentions WHERE doc=?", (doc_id,)).fetchall())


@dataclass
class Written:
    """What write_report did: the changes to other rows, and the report's ids and relation keys."""

    changes: Changes
    gids: set[str]
    rkeys: set[str]
    removed: list[str] = field(default_factory=list)  # reports that lost their last file to this one


def write_report(conn: sqlite3.Connection, prep: Prepared) -> Written:
    """Replace one report's rows (inside the caller's transaction)."""
    changes = Changes()
    stored = conn.execute("SELECT 1 FROM documents WHERE id=?", (prep.doc_id,)).fetchone() is not None
    keys = _delete_report(conn, prep.doc_id, changes) if stored else set()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO documents(id, sha256, date, info, added) VALUES (?, ?, ?, ?, ?)",
        (prep.doc_id, prep.sha256, prep.date, prep.info, now),
    )
    conn.execute("INSERT INTO sentences(doc, texts) VALUES (?, ?)", (prep.doc_id, prep.sentences))
    removed = claim_paths(conn, prep.doc_id, prep.paths)
    reprints.link(conn, prep.doc_id, prep.signature)
    # every person name of the report is resolved again from all its mentions: a career join
    # (kg.careers) weighs whole groups, so a summary of the stored clusters is not enough; a new
    # report's persons go in without an id ("" is no rename) and get theirs here
    conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", prep.mentions)
    _recluster(conn, keys | prep.person_keys, changes)
    gids = _gid_map(conn, prep.doc_id)
    conn.executemany("INSERT OR IGNORE INTO names(key, doc, local_id) VALUES (?, ?, ?)", prep.names)
    facts = []
    for seq, rtype, src_local, dst_local, props, role, evidence, confidence in prep.facts:
        source, target = gids[src_local], gids[dst_local]
        rkey = resolve.relation_key(rtype, source, target, role)
        facts.append((prep.doc_id, seq, rtype, src_local, dst_local, source, target, rkey, props, evidence, confidence))
    conn.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
    return Written(changes, set(gids.values()), {f[7] for f in facts}, removed)


def remove_report(conn: sqlite3.Connection, doc_id: str) -> bool:
    if conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is None:
        return False
    changes = Changes()
    keys = _delete_report(conn, doc_id, changes)
    conn.execute("DELETE FROM paths WHERE doc=?", (doc_id,))
    _recluster(conn, keys, changes)
    return True


def _found(conn: sqlite3.Connection, query: str, values: set[str], doc_id: str) -> set[str]:
    """The values `query` finds in rows of other reports: one query for the lot (an EXISTS per
    value, so a body named in thousands of reports costs one index probe, not a scan)."""
    if not values:
        return set()
    return {r[0] for r in conn.execute(query, (json.dumps(sorted(values)), doc_id))}


def count_new(conn: sqlite3.Connection, doc_id: str, written: Written) -> tuple[int, int]:
    """Canonical entities and relations that exist now and did not before this write.

    An id existed before if the replaced version of the report had it, if a row this write
    re-labelled had it, or if some other report's row has it and this write did not re-label it
    (the re-labelled rows are listed in temporary tables for that last test).
    """
    changes = written.changes
    gids = written.gids | changes.new_gids
    rkeys = written.rkeys | changes.new_rkeys
    relabelled = ""
    if changes.renamed or changes.remapped:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS relabelled_m (doc TEXT, local_id TEXT, "
                     "PRIMARY KEY (doc, local_id))")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS relabelled_f (doc TEXT, seq INTEGER, PRIMARY KEY (doc, seq))")
        conn.execute("DELETE FROM relabelled_m")
        conn.execute("DELETE FROM relabelled_f")
        conn.executemany("INSERT INTO relabelled_m VALUES (?, ?)", list(changes.renamed))
        conn.executemany("INSERT INTO relabelled_f VALUES (?, ?)", list(changes.remapped))
        relabelled = " AND NOT EXISTS (SELECT 1 FROM relabelled_{0} r WHERE r.doc=t.doc AND r.{1}=t.{1})"
    exists = "SELECT v.value FROM json_each(?1) v WHERE EXISTS (SELECT 1 FROM {2} t WHERE t.{3}=v.value AND t.doc<>?2"
    had_gid = (exists + relabelled + ")").format("m", "local_id", "mentions", "gid")
    had_rkey = (exists + relabelled + ")").format("f", "seq", "facts", "rkey")
    new_gids = gids - changes.old_gids - set(changes.renamed.values())
    new_rkeys = rkeys - changes.old_rkeys - set(changes.remapped.values())
    return (len(new_gids - _found(conn, had_gid, new_gids, doc_id)),
            len(new_rkeys - _found(conn, had_rkey, new_rkeys, doc_id)))
