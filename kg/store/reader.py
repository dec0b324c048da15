"""Reading the merged graph (or one entity's neighbourhood) out of the source of truth."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kg import resolve
from kg.model import DocumentInfo, Entity, Graph, Relation
from kg.store import judgements, reprints
from kg.store.judgements import REJECTED, Rules
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


def _fact(row: tuple, evidence: bool, stories: dict[str, str]) -> tuple[str, FactRow]:
    rkey, doc, date, seq, rtype, source, target, props, ev, conf = row
    return rkey, FactRow(
        doc, report_order(date, doc), seq, rtype, source, target, _json(props), _json(ev) if evidence else [], conf,
        stories.get(doc, ""),
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


def read_graph(conn: sqlite3.Connection, *, evidence: bool = True, include_rejected: bool = False) -> Graph:
    """The merged graph, with the judgements applied. Run inside a read transaction for a
    consistent snapshot. Rejected facts are left out unless `include_rejected` (then they carry
    the prop judgements.REJECTED).

    Rows are read in table order and grouped in memory: ORDER BY gid walked the index and then
    the table in random order, several times slower on a large store.
    """
    graph, aka, rules = _assemble(conn, evidence)
    rules.judge(graph, aka, include_rejected=include_rejected)
    return graph


def relation_ids(conn: sqlite3.Connection) -> set[str]:
    """Every id a relation of the store answers to, rejected ones included (kg judge check)."""
    graph, aka, _ = _assemble(conn, False)
    return {r.id for r in graph.relations}.union(*aka.values())


def _assemble(conn: sqlite3.Connection, evidence: bool) -> tuple[Graph, dict[str, set[str]], Rules]:
    """The merged graph with merges and aliases applied, rejected facts still in; the ids each
    merged relation had before merges made it (see _merge_facts); the rules applied."""
    rules = Rules(judgements.load(conn))
    graph = Graph()
    for info in documents(conn):
        graph.documents[info.id] = info
    dates = {doc: info.date for doc, info in graph.documents.items()}
    stories = reprints.stories(conn)
    ev = "evidence" if evidence else "'[]'"
    mentions: dict[str, list[MentionRow]] = defaultdict(list)
    own: dict[str, list[MentionRow]] = defaultdict(list)  # an entity others merged into: its own rows
    remap, targets = rules.remap, rules.members
    for gid, doc, etype, name, aliases, props, evs in conn.execute(
        f"SELECT gid, doc, type, name, aliases, props, {ev} FROM mentions"
    ):
        row = MentionRow(doc, report_order(dates.get(doc), doc), etype, name, _json(aliases), _json(props), _json(evs))
        mentions[remap.get(gid, gid)].append(row)
        if gid in targets:
            own[gid].append(row)
    for gid in sorted(mentions):
        graph.entities[gid] = _merge_mentions(gid, mentions.pop(gid), own.get(gid), rules, evidence)
    rows = (
        (rkey, FactRow(doc, report_order(dates.get(doc), doc), seq, rtype, source, target, _json(props), _json(evs),
                       conf, stories.get(doc, "")))
        for rkey, doc, seq, rtype, source, target, props, evs, conf in conn.execute(
            f"SELECT rkey, doc, seq, type, source, target, props, {ev}, confidence FROM facts")
    )
    graph.relations, aka = _merge_facts(rows, remap, evidence)
    graph.relations.sort(key=lambda r: (r.type, r.source, r.target, r.id))
    return graph, aka, rules


def _merge_mentions(gid: str, rows: list[MentionRow], own: list[MentionRow] | None, rules: Rules,
                    evidence: bool) -> Entity:
    """One entity from its mentions. An entity others were merged into keeps its own name (from
    `own`, its own rows) when it still has mentions of its own."""
    return rules.entity(merge_entity(gid, rows, evidence=evidence, name_rows=own or None))


def _merge_facts(rows: Iterable[tuple[str, FactRow]], remap: dict[str, str],
                 evidence: bool) -> tuple[list[Relation], dict[str, set[str]]]:
    """Relations from fact rows (rkey, row), their ends moved by merges: rows that come to join
    the same ends merge like rows of one relation. Also returns, for each relation that merges
    moved, the ids its parts had before (a rejection names a relation as the analyst saw it)."""
    facts: dict[str, list[FactRow]] = defaultdict(list)
    before: dict[tuple[str, int], tuple[str, FactRow]] = {}  # a moved row -> its rkey and row as stored
    for rkey, row in rows:
        if remap and (row.source in remap or row.target in remap):
            before[(row.doc, row.seq)] = (rkey, row)
            row = replace(row, source=remap.get(row.source, row.source), target=remap.get(row.target, row.target))
            rkey = resolve.relation_key(row.type, row.source, row.target, str(row.props.get("role", "") or ""))
        facts[rkey].append(row)
    relations, aka = [], {}
    for key, group in facts.items():
        rel = merge_relation(group, evidence=evidence)
        relations.append(rel)
        if before and any((r.doc, r.seq) in before for r in group):
            parts: dict[str, list[FactRow]] = defaultdict(list)
            for r in group:
                rkey, stored = before.get((r.doc, r.seq), (key, r))
                parts[rkey].append(stored)
            aka[rel.id] = {merge_relation(p, evidence=False).id for p in parts.values()} - {rel.id}
    return relations, aka


def _entity_rows(conn: sqlite3.Connection, gids: set[str], evidence: bool) -> list[tuple[str, MentionRow]]:
    return [_mention(r, evidence) for r in conn.execute(
        f"SELECT {_MENTION_COLS} FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.gid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(gids)),))]


def entity(conn: sqlite3.Connection, gid: str, *, evidence: bool = True, rules: Rules | None = None) -> Entity | None:
    """One entity with the judgements applied (a merged-away id gives the entity it is in now);
    a rejected one carries the prop judgements.REJECTED."""
    rules = rules if rules is not None else Rules(judgements.load(conn))
    gid = rules.canon(gid)
    rows = _entity_rows(conn, rules.group(gid), evidence)
    if not rows:
        return None
    ent = _merge_mentions(gid, [row for _, row in rows], [row for stored, row in rows if stored == gid], rules,
                          evidence)
    j = rules.rejection([gid])
    if j is not None:
        ent.props[REJECTED] = j.note()
    return ent


def relations_of(conn: sqlite3.Connection, gid: str) -> list[Relation]:
    """Every relation with this entity at either end, merged across reports, with the judgements
    applied; rejected ones are kept and carry the prop judgements.REJECTED (kg show lists them)."""
    rules = Rules(judgements.load(conn))
    gid = rules.canon(gid)
    group = json.dumps(sorted(rules.group(gid)))
    rows = conn.execute(
        f"SELECT {_FACT_COLS} FROM facts f JOIN documents d ON d.id = f.doc WHERE f.rkey IN ("
        "SELECT rkey FROM facts WHERE source IN (SELECT value FROM json_each(?1)) "
        "UNION SELECT rkey FROM facts WHERE target IN (SELECT value FROM json_each(?1)))", (group,)
    ).fetchall()
    stories = reprints.stories(conn)
    relations, aka = _merge_facts((_fact(r, True, stories) for r in rows), rules.remap, True)
    out = rules.relations(relations, aka, include_rejected=True)
    return sorted(out, key=lambda r: (r.source != gid, r.type, r.target, r.source))


def find(conn: sqlite3.Connection, ref: str) -> list[str]:
    """Global ids matching an id, or a name or alias (case, tones, abbreviations ignored), with
    the judgements applied: a merged-away id or name gives the entity it is in now, and names
    alias judgements added are found too."""
    rules = Rules(judgements.load(conn))
    ref = ref.strip()
    gid = rules.canon(ref)
    if conn.execute("SELECT 1 FROM mentions WHERE gid IN (SELECT value FROM json_each(?)) LIMIT 1",
                    (json.dumps(sorted(rules.group(gid))),)).fetchone():
        return [gid]
    for key in (resolve.lookup_key(ref), resolve.folded_key(ref)):
        rows = conn.execute(
            "SELECT DISTINCT m.gid FROM names n JOIN mentions m ON m.doc = n.doc AND m.local_id = n.local_id "
            "WHERE n.key=?",
            (key,),
        ).fetchall()
        found = {rules.canon(r[0]) for r in rows} | rules.find(key)
        if found:
            return sorted(found)
    return []


def names(conn: sqlite3.Connection, gids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """gid -> (type, canonical name), for labelling the other end of relations."""
    rules = Rules(judgements.load(conn))
    out: dict[str, tuple[str, str]] = {}
    for gid in set(gids):
        ent = entity(conn, gid, evidence=False, rules=rules)
        if ent is not None:
            out[gid] = (ent.type, ent.name)
    return out


def counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Canonical entities and relations by type (what `kg stats` and `kg ingest` print)."""
    entities = dict(conn.execute("SELECT type, COUNT(DISTINCT gid) FROM mentions GROUP BY type ORDER BY type"))
    relations = dict(conn.execute("SELECT type, COUNT(DISTINCT rkey) FROM facts GROUP BY type ORDER BY type"))
    return entities, relations


def stats(conn: sqlite3.Connection) -> dict[str, object]:
    entities, relations = counts(conn)
    return {
        "reports": conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        # reports that are reprints of an earlier one (the same story from another outlet)
        "reprints": reprints.reprint_count(conn),
        "entities": entities,
        "relations": relations,
        "entities_total": sum(entities.values()),
        "relations_total": sum(relations.values()),
        # who published the reports, most first (reports whose files name none are left out)
        "outlets": dict(conn.execute(
            "SELECT json_extract(info, '$.outlet') AS o, COUNT(*) AS n FROM documents WHERE o != '' "
            "GROUP BY o ORDER BY n DESC, o").fetchall()),
    }
