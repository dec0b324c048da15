"""Which entities, relations and reports each write touched: what the derived stores update by.

The table `changes` (kind, key, gen) is filled by SQLite triggers on the tables the derived stores
are made from, so every path that writes them (a put, a removal, a person re-resolved in another
report, a reprint re-linked, a file path moved) records what it touched, and none can forget to:
- `entity`: a global id whose mentions were added, removed or re-labelled (old and new id);
- `link`: a (type, source, target) whose fact rows were added, removed or re-pointed (old and new
  ends), or whose report's story changed (a relation's count of independent reports);
- `doc`: a report whose row or file paths changed;
- `ref`: an (entity id, report) whose mention was re-labelled from or to that id (the report itself
  unchanged);
- `all`: a judgement was made or undone (merges, splits and rejections reach anywhere: the derived
  stores are rebuilt).

`gen` is the store's generation while the write ran (the write bumps it when it ends), so a derived
store built from generation G is brought up to date by the keys with `gen >= G`; a key keeps only
its latest generation (one row per key). meta `changes_from` is the generation from which the table
is complete: a derived store older than it is rebuilt. The writer prunes the keys every derived
store present has already taken in (`prune`), so the table holds about what changed since the last
query, not the whole graph.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

DERIVED_DIR = "derived"  # the store folder's derived stores (kg.store.derived)
SEP = "\x1f"  # between the parts of a link key (ids hold no control characters)

_GEN = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key='generation')"
_PUT = f"INSERT INTO changes(kind, key, gen) VALUES ('{{kind}}', {{key}}, {_GEN}) " \
       "ON CONFLICT(kind, key) DO UPDATE SET gen=excluded.gen"
_LINK = "{row}.type || char(31) || {row}.source || char(31) || {row}.target"
_STORY_LINKS = (f"INSERT INTO changes(kind, key, gen) SELECT 'link', {_LINK.format(row='f')}, {_GEN} FROM facts f "
                "WHERE f.doc = {row}.doc ON CONFLICT(kind, key) DO UPDATE SET gen=excluded.gen")


def _trigger(name: str, event: str, table: str, body: list[str], when: str = "") -> str:
    statements = "".join(s + "; " for s in body)
    return f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} {when}BEGIN {statements}END"


def _entity(row: str) -> str:
    # "" is the id a new report's person has until it is resolved (kg.store.writer): no entity
    return (f"INSERT INTO changes(kind, key, gen) SELECT 'entity', {row}.gid, {_GEN} WHERE {row}.gid <> '' "
            "ON CONFLICT(kind, key) DO UPDATE SET gen=excluded.gen")


def _ref(row: str) -> str:
    return (f"INSERT INTO changes(kind, key, gen) SELECT 'ref', {row}.gid || char(31) || {row}.doc, {_GEN} "
            f"WHERE {row}.gid <> '' ON CONFLICT(kind, key) DO UPDATE SET gen=excluded.gen")


def _link(row: str) -> str:
    return _PUT.format(kind="link", key=_LINK.format(row=row))


def _doc(key: str) -> str:
    return _PUT.format(kind="doc", key=key)


# a report's Document entity and its report node share one IRI: either changing marks the report
_DOC_MENTION = "WHEN {row}.type = 'Document' "

DDL: list[str] = [
    "CREATE TABLE IF NOT EXISTS changes (kind TEXT NOT NULL, key TEXT NOT NULL, gen INTEGER NOT NULL, "
    "PRIMARY KEY (kind, key)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS changes_gen ON changes(gen)",
    _trigger("changes_mentions_ins", "INSERT", "mentions", [_entity("NEW")]),
    _trigger("changes_mentions_del", "DELETE", "mentions", [_entity("OLD")]),
    _trigger("changes_mentions_upd", "UPDATE", "mentions", [_entity("OLD"), _entity("NEW")]),
    # a mention re-labelled without its report changing (kg.store.writer re-resolves persons): the
    # entity it leaves and the one it joins each gain or lose that report (RDF dcterms:isReferencedBy)
    _trigger("changes_mentions_ref", "UPDATE OF gid", "mentions", [_ref("OLD"), _ref("NEW")],
             "WHEN OLD.gid <> NEW.gid "),
    _trigger("changes_doc_mentions_ins", "INSERT", "mentions", [_doc("NEW.doc")], _DOC_MENTION.format(row="NEW")),
    _trigger("changes_doc_mentions_del", "DELETE", "mentions", [_doc("OLD.doc")], _DOC_MENTION.format(row="OLD")),
    _trigger("changes_facts_ins", "INSERT", "facts", [_link("NEW")]),
    _trigger("changes_facts_del", "DELETE", "facts", [_link("OLD")]),
    _trigger("changes_facts_upd", "UPDATE", "facts", [_link("OLD"), _link("NEW")]),
    _trigger("changes_documents_ins", "INSERT", "documents", [_doc("NEW.id")]),
    _trigger("changes_documents_del", "DELETE", "documents", [_doc("OLD.id")]),
    _trigger("changes_documents_upd", "UPDATE", "documents", [_doc("OLD.id"), _doc("NEW.id")]),
    _trigger("changes_paths_ins", "INSERT", "paths", [_doc("NEW.doc")]),
    _trigger("changes_paths_del", "DELETE", "paths", [_doc("OLD.doc")]),
    _trigger("changes_paths_upd", "UPDATE", "paths", [_doc("OLD.doc"), _doc("NEW.doc")]),
    _trigger("changes_stories_ins", "INSERT", "stories", [_STORY_LINKS.format(row="NEW")]),
    _trigger("changes_stories_del", "DELETE", "stories", [_STORY_LINKS.format(row="OLD")]),
    _trigger("changes_stories_upd", "UPDATE OF story", "stories", [_STORY_LINKS.format(row="NEW")]),
    _trigger("changes_judgements_ins", "INSERT", "judgements", [_PUT.format(kind="all", key="''")]),
    _trigger("changes_judgements_upd", "UPDATE", "judgements", [_PUT.format(kind="all", key="''")]),
    _trigger("changes_judgements_del", "DELETE", "judgements", [_PUT.format(kind="all", key="''")]),
]


def create(conn: sqlite3.Connection) -> None:
    """The table and its triggers (inside the caller's transaction); complete from now on."""
    for statement in DDL:
        conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) SELECT 'changes_from', value FROM meta "
                 "WHERE key='generation'")


@dataclass
class Dirty:
    """What changed since a generation: entity ids, links (type, source, target), reports, and the
    reports whose mention of an entity was re-labelled."""

    entities: set[str] = field(default_factory=set)
    links: set[tuple[str, str, str]] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    refs: set[tuple[str, str]] = field(default_factory=set)  # (entity id, report): a mention re-labelled

    def __len__(self) -> int:
        return len(self.entities) + len(self.links) + len(self.docs)


def since(conn: sqlite3.Connection, generation: int) -> Dirty | None:
    """What the writes from `generation` on touched; None when that is not known (the log starts
    later, or a judgement changed: the derived stores are then rebuilt)."""
    row = conn.execute("SELECT value FROM meta WHERE key='changes_from'").fetchone()
    if row is None or generation < int(row[0]):
        return None
    dirty = Dirty()
    for kind, key in conn.execute("SELECT kind, key FROM changes WHERE gen >= ?", (generation,)):
        if kind == "entity":
            dirty.entities.add(key)
        elif kind == "doc":
            dirty.docs.add(key)
        elif kind == "ref":
            gid, doc = key.split(SEP)
            dirty.refs.add((gid, doc))
        elif kind == "link":
            rtype, source, target = key.split(SEP)
            dirty.links.add((rtype, source, target))
        else:  # "all", or a kind this version does not know
            return None
    return dirty


def prune(conn: sqlite3.Connection, derived: Path) -> None:
    """Drop the keys that the newest RDF and the newest Cypher store (the ones the next update
    starts from) have taken in, inside the writer's transaction. The stores with rejected facts are
    left out: they are built only when asked for, and one asked for once must not keep the log
    growing (an older one is rebuilt). With no derived store, nothing needs the log: it restarts."""
    newest: dict[str, int] = {}
    for folder in _stores(derived):
        kind, generation = folder.name.rsplit("-", 1)[0], generation_of(folder)
        if kind in ("rdf", "cypher") and generation is not None:
            newest[kind] = max(newest.get(kind, generation), generation)
    keep_from = min(newest.values()) if newest else int(
        conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
    row = conn.execute("SELECT value FROM meta WHERE key='changes_from'").fetchone()
    if row is None or keep_from <= int(row[0]):
        return
    conn.execute("DELETE FROM changes WHERE gen < ?", (keep_from,))
    conn.execute("UPDATE meta SET value=? WHERE key='changes_from'", (str(keep_from),))


def _stores(derived: Path) -> list[Path]:
    try:
        return [p for p in derived.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []


def generation_line(generation: int) -> str:
    return f"generation {generation}\n"


def _generation(complete: Path) -> int | None:
    """The generation a derived store was made from (its `complete` file), None if it does not say."""
    try:
        lines = complete.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        word, _, value = line.partition(" ")
        if word == "generation" and value.isdigit():
            return int(value)
    return None


def generation_of(folder: Path) -> int | None:
    return _generation(folder / "complete")
