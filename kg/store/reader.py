"""Reading the merged graph (or one entity's neighbourhood) out of the source of truth."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kg import resolve
from kg.model import DocumentInfo, Entity, Graph, Relation
from kg.store import judgements, reprints, sentences, splits
from kg.store.judgements import REJECTED, Judgement, Rules
from kg.store.merge import FactRow, MentionRow, merge_entity, merge_relation, report_order

_MENTION_COLS = "m.gid, m.local_id, m.doc, d.date, m.type, m.name, m.aliases, m.props, m.evidence"
_FACT_COLS = ("f.rkey, f.doc, d.date, f.seq, f.type, f.source, f.target, f.props, f.evidence, f.confidence, "
              "f.source_local, f.target_local")


def _json(text: str) -> Any:
    # most aliases, props and relation props are empty: skip the parser for them
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return json.loads(text)


def _sentences(conn: sqlite3.Connection, rows: list[tuple], doc_at: int) -> dict[str, list[str]]:
    """The sentence lists of the reports of `rows` (each row's report id at `doc_at`), to decode
    their evidence with."""
    return sentences.load(conn, {r[doc_at] for r in rows}) if rows else {}


def _mention(row: tuple, texts: dict[str, list[str]] | None) -> tuple[str, str, MentionRow]:
    """A mention row; its evidence decoded with `texts` (None: without evidence)."""
    gid, local_id, doc, date, etype, name, aliases, props, ev = row
    return gid, local_id, MentionRow(
        doc, report_order(date, doc), etype, name, _json(aliases), _json(props),
        sentences.decode(ev, texts.get(doc, [])) if texts is not None else []
    )


def _fact(row: tuple, texts: dict[str, list[str]] | None, stories: dict[str, str]) -> tuple[str, FactRow, str, str]:
    """A fact row; its evidence decoded with `texts` (None: without evidence)."""
    rkey, doc, date, seq, rtype, source, target, props, ev, conf, source_local, target_local = row
    return rkey, FactRow(
        doc, report_order(date, doc), seq, rtype, source, target, _json(props),
        sentences.decode(ev, texts.get(doc, [])) if texts is not None else [], conf, stories.get(doc, ""),
    ), source_local, target_local


def rules_of(conn: sqlite3.Connection, extra: Iterable[Judgement] = ()) -> Rules:
    """The active judgements (and `extra`, not stored: a judgement tried before it is made) as the
    reader applies them, with the mentions that split and distinct judgements move."""
    rules = Rules([*judgements.load(conn), *extra])
    if rules.parting:
        rules.moves, rules.origins, rules.moved_to = splits.moves(conn, rules)
    return rules


def known(conn: sqlite3.Connection, rules: Rules, gid: str) -> bool:
    """Whether `gid` is an entity id of the store as stored (a merged-away id too) or as a split
    or distinct judgement made it."""
    if conn.execute("SELECT 1 FROM mentions WHERE gid=? LIMIT 1", (gid,)).fetchone() is not None:
        return True
    return gid in rules.moved_to and rules.canon(gid) in set(rules.moves.values())


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
    """The merged graph with merges, splits and aliases applied, rejected facts still in; the ids
    each merged relation had before judgements moved it (see _merge_facts); the rules applied."""
    rules = rules_of(conn)
    graph = Graph()
    for info in documents(conn):
        graph.documents[info.id] = info
    dates = {doc: info.date for doc, info in graph.documents.items()}
    stories = reprints.stories(conn)
    ev = "evidence" if evidence else "'[]'"
    texts = sentences.load(conn) if evidence else {}  # every report's: the graph holds them all anyway
    mentions: dict[str, list[MentionRow]] = defaultdict(list)
    own: dict[str, list[MentionRow]] = defaultdict(list)  # an entity others merged into: its own rows
    targets = rules.members
    for gid, local_id, doc, etype, name, aliases, props, evs in conn.execute(
        f"SELECT gid, local_id, doc, type, name, aliases, props, {ev} FROM mentions"
    ):
        row = MentionRow(doc, report_order(dates.get(doc), doc), etype, name, _json(aliases), _json(props),
                         sentences.decode(evs, texts.get(doc, [])))
        at = rules.place(doc, local_id, gid)
        mentions[at].append(row)
        if gid in targets and at == gid:
            own[gid].append(row)
    for gid in sorted(mentions):
        graph.entities[gid] = _merge_mentions(gid, mentions.pop(gid), own.get(gid), rules, evidence)
    rows = (
        (rkey, FactRow(doc, report_order(dates.get(doc), doc), seq, rtype, source, target, _json(props),
                       sentences.decode(evs, texts.get(doc, [])), conf, stories.get(doc, "")), source_local,
         target_local)
        for rkey, doc, seq, rtype, source, target, props, evs, conf, source_local, target_local in conn.execute(
            f"SELECT rkey, doc, seq, type, source, target, props, {ev}, confidence, source_local, target_local "
            "FROM facts")
    )
    graph.relations, aka = _merge_facts(rows, rules, evidence)
    graph.relations.sort(key=lambda r: (r.type, r.source, r.target, r.id))
    return graph, aka, rules


def _merge_mentions(gid: str, rows: list[MentionRow], own: list[MentionRow] | None, rules: Rules,
                    evidence: bool) -> Entity:
    """One entity from its mentions. An entity others were merged into keeps its own name (from
    `own`, its own rows) when it still has mentions of its own."""
    return rules.entity(merge_entity(gid, rows, evidence=evidence, name_rows=own or None))


def _merge_facts(rows: Iterable[tuple[str, FactRow, str, str]], rules: Rules,
                 evidence: bool) -> tuple[list[Relation], dict[str, set[str]]]:
    """Relations from fact rows (rkey, row, source local id, target local id), their ends moved by
    merges and splits: rows that come to join the same ends merge like rows of one relation. Also
    returns, for each relation that judgements moved, the ids its parts had before (a rejection
    names a relation as the analyst saw it)."""
    facts: dict[str, list[FactRow]] = defaultdict(list)
    before: dict[tuple[str, int], tuple[str, FactRow]] = {}  # a moved row -> its rkey and row as stored
    moving = bool(rules.remap or rules.moves)
    for rkey, row, source_local, target_local in rows:
        if moving:
            source = rules.place(row.doc, source_local, row.source)
            target = rules.place(row.doc, target_local, row.target)
            if source != row.source or target != row.target:
                before[(row.doc, row.seq)] = (rkey, row)
                row = replace(row, source=source, target=target)
                rkey = resolve.relation_key(row.type, source, target, str(row.props.get("role", "") or ""))
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


def _entity_rows(conn: sqlite3.Connection, gids: set[str], evidence: bool) -> list[tuple[str, str, MentionRow]]:
    rows = conn.execute(
        f"SELECT {_MENTION_COLS} FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.gid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(gids)),)).fetchall()
    texts = _sentences(conn, rows, 2) if evidence else None
    return [_mention(r, texts) for r in rows]


def entity(conn: sqlite3.Connection, gid: str, *, evidence: bool = True, rules: Rules | None = None) -> Entity | None:
    """One entity with the judgements applied (a merged-away id gives the entity it is in now);
    a rejected one carries the prop judgements.REJECTED."""
    rules = rules if rules is not None else rules_of(conn)
    gid = rules.canon(gid)
    rows = [(stored, row) for stored, local_id, row in _entity_rows(conn, rules.sources(gid), evidence)
            if rules.place(row.doc, local_id, stored) == gid]
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
    rules = rules_of(conn)
    gid = rules.canon(gid)
    group = json.dumps(sorted(rules.sources(gid)))
    rows = conn.execute(
        f"SELECT {_FACT_COLS} FROM facts f JOIN documents d ON d.id = f.doc WHERE f.rkey IN ("
        "SELECT rkey FROM facts WHERE source IN (SELECT value FROM json_each(?1)) "
        "UNION SELECT rkey FROM facts WHERE target IN (SELECT value FROM json_each(?1)))", (group,)
    ).fetchall()
    stories = reprints.stories(conn)
    texts = _sentences(conn, rows, 1)
    relations, aka = _merge_facts((_fact(r, texts, stories) for r in rows), rules, True)
    # a split may have moved some of these rows to another entity
    out = [r for r in rules.relations(relations, aka, include_rejected=True) if gid in (r.source, r.target)]
    return sorted(out, key=lambda r: (r.source != gid, r.type, r.target, r.source))


def relation_rows(conn: sqlite3.Connection, gid: str) -> list[tuple[Relation, list[FactRow]]]:
    """Every relation at this entity (rejected ones left out), each with the report rows it merges,
    their ends placed by the judgements: what each report said on its own date (kg.timeline needs
    a post's status per report, which the merged relation keeps only from the latest report)."""
    rules = rules_of(conn)
    gid = rules.canon(gid)
    group = json.dumps(sorted(rules.sources(gid)))
    stored = conn.execute(
        f"SELECT {_FACT_COLS} FROM facts f JOIN documents d ON d.id = f.doc WHERE f.rkey IN ("
        "SELECT rkey FROM facts WHERE source IN (SELECT value FROM json_each(?1)) "
        "UNION SELECT rkey FROM facts WHERE target IN (SELECT value FROM json_each(?1)))", (group,)).fetchall()
    texts = _sentences(conn, stored, 1)
    rows = [_fact(r, texts, {}) for r in stored]
    relations, aka = _merge_facts(iter(rows), rules, False)
    kept = {r.id for r in rules.relations(relations, aka, include_rejected=False) if gid in (r.source, r.target)}
    # the same grouping _merge_facts makes (type, placed ends, normalized role), rows kept
    groups: dict[tuple[str, str, str, str], list[FactRow]] = defaultdict(list)
    for _, row, source_local, target_local in rows:
        row = replace(row, source=rules.place(row.doc, source_local, row.source),
                      target=rules.place(row.doc, target_local, row.target))
        groups[(row.type, row.source, row.target, resolve.role_key(str(row.props.get("role", "") or "")))].append(row)
    out = []
    for group_rows in groups.values():
        rel = merge_relation(group_rows, evidence=True)
        if rel.id in kept:
            out.append((rel, sorted(group_rows, key=lambda r: (r.order, r.seq))))
    return sorted(out, key=lambda pair: (pair[0].type, pair[0].source, pair[0].target, pair[0].id))


def find(conn: sqlite3.Connection, ref: str) -> list[str]:
    """Global ids matching an id, or a name or alias (case, tones, abbreviations ignored), with
    the judgements applied: a merged-away id or name gives the entity it is in now, and names
    alias judgements added are found too."""
    rules = rules_of(conn)
    ref = ref.strip()
    gid = rules.canon(ref)
    if _holds(conn, rules, gid):
        return [gid]
    for key in (resolve.lookup_key(ref), resolve.folded_key(ref)):
        rows = conn.execute(
            "SELECT DISTINCT m.doc, m.local_id, m.gid FROM names n JOIN mentions m ON m.doc = n.doc "
            "AND m.local_id = n.local_id WHERE n.key=?",
            (key,),
        ).fetchall()
        found = {rules.place(*r) for r in rows} | rules.find(key)
        if found:
            return sorted(found)
    return []


def _holds(conn: sqlite3.Connection, rules: Rules, gid: str) -> bool:
    """Whether entity `gid` (after judgements) has a mention."""
    query = "SELECT doc, local_id, gid FROM mentions WHERE gid IN (SELECT value FROM json_each(?))"
    if not rules.moves:  # no mention moved: any stored row of its ids will do
        query += " LIMIT 1"
    rows = conn.execute(query, (json.dumps(sorted(rules.sources(gid))),))
    return any(rules.place(*row) == gid for row in rows)


def names(conn: sqlite3.Connection, gids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """gid -> (type, canonical name), for labelling the other end of relations."""
    rules = rules_of(conn)
    out: dict[str, tuple[str, str]] = {}
    for gid in set(gids):
        ent = entity(conn, gid, evidence=False, rules=rules)
        if ent is not None:
            out[gid] = (ent.type, ent.name)
    return out


def counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Canonical entities and relations by type as the reports say them, before judgements (what
    `kg ingest` prints; `kg stats` prints judged_counts when judgements are in force)."""
    entities = dict(conn.execute("SELECT type, COUNT(DISTINCT gid) FROM mentions GROUP BY type ORDER BY type"))
    relations = dict(conn.execute("SELECT type, COUNT(DISTINCT rkey) FROM facts GROUP BY type ORDER BY type"))
    return entities, relations


def judged_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Entities and relations by type in the graph as judged (merges, splits and rejections applied)."""
    graph = read_graph(conn, evidence=False)
    entities = Counter(e.type for e in graph.entities.values())
    relations = Counter(r.type for r in graph.relations)
    return dict(sorted(entities.items())), dict(sorted(relations.items()))


def stats(conn: sqlite3.Connection) -> dict[str, object]:
    """What `kg stats` prints: the counts are of the graph as judged; `as_reported` has them
    before the judgements (what the reports say), when judgements are in force."""
    reported = counts(conn)
    in_force = len(judgements.load(conn))
    # the judged graph is read only when there are judgements: counting rows is far cheaper
    entities, relations = judged_counts(conn) if in_force else reported
    out: dict[str, object] = {
        "reports": conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        # reports that are reprints of an earlier one (the same story from another outlet)
        "reprints": reprints.reprint_count(conn),
        "judgements": in_force,
        "entities": entities,
        "relations": relations,
        "entities_total": sum(entities.values()),
        "relations_total": sum(relations.values()),
        # who published the reports, most first (reports whose files name none are left out)
        "outlets": dict(conn.execute(
            "SELECT json_extract(info, '$.outlet') AS o, COUNT(*) AS n FROM documents WHERE o != '' "
            "GROUP BY o ORDER BY n DESC, o").fetchall()),
    }
    if in_force:
        out["as_reported"] = {"entities_total": sum(reported[0].values()),
                              "relations_total": sum(reported[1].values())}
    return out
