"""A report turned into the store's rows, before any database is involved.

`prepare(extraction)` is pure: it reads nothing but the extraction (resolution keys, global ids of
everything but persons, evidence and props as JSON) and returns a small picklable `Prepared`, so
`kg ingest` runs it in its worker processes and the one writer only inserts rows and resolves
persons against the stored clusters (kg.store.writer).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg import resolve
from kg.errors import StoreError
from kg.model import Entity, Evidence, Extraction
from kg.store import reprints
from kg.store.sentences import Sentences

DOC_LOCAL_ID = "__report__"  # the local id of a Document entity the store adds to a report


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@dataclass
class Prepared:
    """One report's rows, resolved as far as the report alone allows, ready to insert.

    Person mentions carry their name key and context (bodies, events) but no global id yet: which
    person a name stands for depends on the other reports (kg.store.writer resolves it).
    """

    doc_id: str
    sha256: str = ""
    date: str | None = None  # the date the report is filed under (see report_date)
    info: str = ""  # the stored DocumentInfo as JSON (its date filled in from the content), paths apart
    paths: list[str] = field(default_factory=list)  # the files that hold it (rows of `paths`)
    # rows of `mentions`: (doc, local_id, type, key, gid, name, aliases, props, evidence, context)
    mentions: list[tuple[str, ...]] = field(default_factory=list)
    names: list[tuple[str, str, str]] = field(default_factory=list)  # rows of `names`
    # (seq, type, source_local, target_local, props JSON, role, evidence JSON, confidence)
    facts: list[tuple[int, str, str, str, str, str, str, float]] = field(default_factory=list)
    person_keys: set[str] = field(default_factory=set)
    signature: bytes | None = None  # MinHash of the text, to find reprints (kg.store.reprints)
    sentences: bytes = b""  # the evidence's sentences, each once (the row of `sentences`, kg.store.sentences)


def report_date(stated: str | None, documents: list[Entity], entities: Iterable[Entity]) -> str | None:
    """The date a report is filed under (ordering persons first seen, `since` of posts): the file's
    stated date, else its Document entity's, else the date of the one meeting it reports (the
    extractor marks it `main`)."""
    for candidate in [stated, *(d.props.get("date") for d in documents)]:
        if candidate:
            return str(candidate)
    main = {str(e.props["date"]) for e in entities if e.type == "Event" and e.props.get("main") and e.props.get("date")}
    return main.pop() if len(main) == 1 else None


def _evidence(items: list[Evidence], table: Sentences) -> str:
    """Evidence as [start, end, text, sentence] items, encoded against the report's sentences
    (kg.store.sentences); the report is the row's (whatever id the extractor wrote), and the
    sentence is "" when it is the text itself (relations)."""
    return table.encode([ev.start, ev.end, ev.text, "" if ev.sentence in ("", ev.text) else ev.sentence]
                        for ev in items)


def _entities(extraction: Extraction, doc_id: str) -> dict[str, Entity]:
    """The extraction's entities by local id, copied (the caller's objects are never changed)."""
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
    return entities


def prepare(extraction: Extraction) -> Prepared:
    """Turn one extraction into rows (StoreError if it is inconsistent). Pure: no store needed."""
    info = extraction.document
    doc_id = info.id
    if not doc_id:
        raise StoreError("cannot store a report without an id")
    entities = _entities(extraction, doc_id)
    documents = [e for e in entities.values() if e.type == "Document"]
    if not documents:
        entities[DOC_LOCAL_ID] = Entity(DOC_LOCAL_ID, "Document", info.title or doc_id)
        documents = [entities[DOC_LOCAL_ID]]
    date = report_date(info.date, documents, entities.values())
    for doc_ent in documents:
        doc_ent.props.setdefault("title", info.title or doc_ent.name)
        if date:
            doc_ent.props.setdefault("date", date)
    # an undated file is filed under the date its content gives
    fields = {k: v for k, v in info.to_dict().items() if k != "paths"}
    prep = Prepared(doc_id, info.sha256, date, dumps({**fields, "date": info.date or date}), list(info.paths),
                    signature=reprints.signature(extraction.text))

    for rel in extraction.relations:
        for end in (rel.source, rel.target):
            if end not in entities:
                raise StoreError(f"{doc_id}: {rel.type} relation refers to unknown entity {end!r}")

    keys: dict[str, str] = {}
    table = Sentences()  # the report's evidence sentences, filled as its rows are made
    gids: dict[str, str] = {}  # local id -> global id (all but persons)
    doc_gid = resolve.document_id(doc_id)
    issuers: dict[str, list[str]] = {}  # directive -> the bodies this report says issued it
    for rel in extraction.relations:
        if rel.type == "ISSUED_BY" and entities[rel.target].type == "Organization":
            issuers.setdefault(rel.source, []).append(resolve.entity_key(entities[rel.target], doc_id))
    for local_id, ent in entities.items():
        if ent.type == "Document":
            keys[local_id], gids[local_id] = doc_id, doc_gid
        else:
            keys[local_id] = resolve.entity_key(ent, doc_id, issuers.get(local_id, ()))
            if ent.type != "Person":
                gids[local_id] = resolve.global_id(ent.type, keys[local_id])

    # a person's context: the bodies it holds posts in and the events it attended, in this report
    contexts: dict[str, dict[str, set[str]]] = {}
    for rel in extraction.relations:
        src, dst = entities[rel.source], entities[rel.target]
        if src.type != "Person":
            continue
        ctx = contexts.setdefault(rel.source, {"orgs": set(), "events": set()})
        if rel.type == "HOLDS_POSITION" and dst.type == "Organization":
            ctx["orgs"].add(keys[rel.target])
        elif rel.type == "ATTENDED" and dst.type == "Event":
            ctx["events"].add(gids[rel.target])

    for local_id, ent in entities.items():
        context = ""
        if ent.type == "Person":
            prep.person_keys.add(keys[local_id])
            ctx = contexts.get(local_id)
            context = dumps({k: sorted(v) for k, v in ctx.items()}) if ctx and any(ctx.values()) else ""
        prep.mentions.append(
            (doc_id, local_id, ent.type, keys[local_id], gids.get(local_id, ""), ent.name, dumps(ent.aliases),
             dumps(ent.props), _evidence(ent.evidence, table), context)
        )
        for name in [ent.name, *ent.aliases]:
            for key in dict.fromkeys((resolve.lookup_key(name), resolve.folded_key(name))):
                if key:  # duplicates are dropped by the table's primary key
                    prep.names.append((key, doc_id, local_id))
    for seq, rel in enumerate(extraction.relations):
        prep.facts.append(
            (seq, rel.type, rel.source, rel.target, dumps(dict(rel.props)), str(rel.props.get("role", "") or ""),
             _evidence(rel.evidence, table), float(rel.confidence))
        )
    prep.sentences = table.blob()
    return prep
