"""The store's source of truth: one SQLite database (stdlib, transactional, crash-safe).

Why SQLite: every report's facts go in inside one savepoint (and, during an ingest, reports are
committed in groups about once a second), so a `kill -9` at any moment leaves each report whole
or absent: at most the last uncommitted group is lost, and a re-run completes it (WAL journal;
`synchronous=NORMAL` keeps every committed report across a process crash, and at worst loses
the last few commits on power loss, never half of one). The RDF and Cypher stores are derived
from these tables (kg.store.derived).

Tables:
- documents: one row per report (id, content hash, date, DocumentInfo as JSON);
- mentions: one row per entity per report, with its resolution key and its global id (persons'
  keys indexed, to resolve a name against its clusters);
- names: every name and alias key of a mention, for lookups by name (kg show, kg path);
- facts: one row per relation per report, its ends mapped to global ids, `rkey` grouping the
  same relation across reports;
- sentences: each report's evidence sentences, once (kg.store.sentences): the evidence of its
  mentions and facts points at them by index, with its offsets;
- person_clusters: per person name key, the persons it stands for (kg.resolve.Cluster: bodies,
  events, first report); a report's names are re-resolved from all their mentions (kg.careers
  weighs whole groups), and this table keeps the outcome;
- paths: every file path that holds a report's content (one report per path; identical copies
  share a report), so a file's edit, rename or removal moves or drops only that path;
- judgements: human decisions kept as data (kg.store.judgements): merge, distinct, reject, alias,
  split, each with author, time, reason, an active flag (undo clears it; the row stays as history)
  and `detail` (JSON: what a kind needs beyond its arguments, a distinct judgement's sides).
  They are applied where the graph is read (kg.store.reader), never by editing the rows above,
  so they survive re-ingest, re-extraction and removal;
- stories, story_bands: each report's MinHash signature and the story it is a reprint of (the
  earliest report of its cluster of near-duplicates; itself when it is none's reprint), and its
  LSH band keys, the index a new report's near-duplicates are found by (kg.store.reprints). A
  report without words has no row (a story of its own);
- changes: which entities, relations and reports each write touched, filled by triggers
  (kg.store.changelog): the derived stores are updated by it rather than rebuilt;
- meta: schema version, generation counter (bumped by every write), state token, and the generation
  from which `changes` is complete (changes_from).

Schema versions: a store records its version in meta; an older store is upgraded in place, in
one transaction, when it is opened (or by `kg upgrade`), by the migrations in MIGRATIONS; every
schema change adds one. A newer store than this kg reads is refused, never touched.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from kg.errors import StoreError
from kg.store import changelog, sentences

log = logging.getLogger(__name__)

SCHEMA_VERSION = 8
DB_FILE = "kg.sqlite"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    date TEXT,
    info TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS mentions (
    doc TEXT NOT NULL,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    gid TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    props TEXT NOT NULL,
    evidence TEXT NOT NULL,
    context TEXT NOT NULL,
    PRIMARY KEY (doc, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_gid ON mentions(gid);
-- only person mentions are looked up by key (to resolve a name against its clusters)
CREATE INDEX IF NOT EXISTS mentions_person_key ON mentions(key) WHERE type='Person';
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (key, doc, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_doc ON names(doc);
CREATE TABLE IF NOT EXISTS facts (
    doc TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    source_local TEXT NOT NULL,
    target_local TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    rkey TEXT NOT NULL,
    props TEXT NOT NULL,
    evidence TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facts_rkey ON facts(rkey);
CREATE INDEX IF NOT EXISTS facts_source ON facts(source);
CREATE INDEX IF NOT EXISTS facts_target ON facts(target);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT PRIMARY KEY,
    doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS paths_doc ON paths(doc);
CREATE TABLE IF NOT EXISTS person_clusters (
    key TEXT NOT NULL,
    gid TEXT NOT NULL,
    orgs TEXT NOT NULL,
    events TEXT NOT NULL,
    first TEXT NOT NULL,
    PRIMARY KEY (key, gid)
) WITHOUT ROWID;
"""

# seq orders judgements (later merges decide chains) and names them for `kg judge undo`; uid is
# the judgement's identity across stores (kind, arguments, author, time), so an import is idempotent
JUDGEMENTS_DDL = """
CREATE TABLE IF NOT EXISTS judgements (
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    author TEXT NOT NULL,
    time TEXT NOT NULL,
    reason TEXT NOT NULL,
    active INTEGER NOT NULL,
    undone_by TEXT NOT NULL,
    undone_at TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""

# n numbers a signed report so that its band rows are two integers; stories(story) finds a story's
# reports (to re-link them when one goes)
STORIES_DDL = """
CREATE TABLE IF NOT EXISTS stories (
    n INTEGER PRIMARY KEY,
    doc TEXT NOT NULL UNIQUE,
    story TEXT NOT NULL,
    minhash BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_story ON stories(story);
CREATE TABLE IF NOT EXISTS story_bands (
    band INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (band, n)
) WITHOUT ROWID;
"""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 1 kept a report's paths in its info JSON: move them to the paths table."""
    conn.execute("CREATE TABLE paths (path TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID")
    conn.execute("CREATE INDEX paths_doc ON paths(doc)")
    rows = conn.execute("SELECT id, info FROM documents ORDER BY id").fetchall()
    for doc_id, text in rows:
        info = json.loads(text)
        # version 1 could list one path under two reports (a file edited to equal another
        # report): the first keeps it here, and the next ingest gives it to the right one
        conn.executemany("INSERT OR IGNORE INTO paths(path, doc) VALUES (?, ?)",
                         [(p, doc_id) for p in info.pop("paths", [])])
        conn.execute("UPDATE documents SET info=? WHERE id=?", (json.dumps(info, ensure_ascii=False), doc_id))


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3 keeps judgements (kg judge): a new, empty table."""
    conn.execute(JUDGEMENTS_DDL)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Version 4 finds reprints (kg.store.reprints). The store keeps no report's text, so the
    reports stored before have no signature: their extractor stamp is cleared, so the next
    `kg ingest` of their files reads them again (as after an upgrade of kg) and signs them."""
    for statement in STORIES_DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("UPDATE documents SET info = json_set(info, '$.extractor', '')")


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """Version 5 indexes only person mentions by key: nothing looks up a body or an event by its
    key there (they have global ids), and the index over every mention took about 1 KB a report."""
    conn.execute("DROP INDEX IF EXISTS mentions_key")
    conn.execute("CREATE INDEX IF NOT EXISTS mentions_person_key ON mentions(key) WHERE type='Person'")


def _v5_to_v6(conn: sqlite3.Connection) -> None:
    """Version 6 keeps what a judgement needs beyond its arguments (a distinct judgement's sides,
    kg.store.splits): a new column, empty for the judgements made before. (A store older than
    version 3 got the table in its current shape from _v2_to_v3, column included.)"""
    if "detail" not in {row[1] for row in conn.execute("PRAGMA table_info(judgements)")}:
        conn.execute("ALTER TABLE judgements ADD COLUMN detail TEXT NOT NULL DEFAULT ''")


def _v6_to_v7(conn: sqlite3.Connection) -> None:
    """Version 7 stores each report's evidence sentences once (kg.store.sentences), not once per
    mention and fact that cites them."""
    sentences.migrate(conn)


def _v7_to_v8(conn: sqlite3.Connection) -> None:
    """Version 8 records what each write touches (kg.store.changelog), so that the derived stores are
    updated by it; complete from the upgrade on (the upgrade renews the state: they are rebuilt once)."""
    changelog.create(conn)


# MIGRATIONS[v - 1] takes a store from version v to v + 1, inside the caller's transaction
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_to_v2, _v2_to_v3, _v3_to_v4, _v4_to_v5,
                                                        _v5_to_v6, _v6_to_v7, _v7_to_v8]
assert len(MIGRATIONS) == SCHEMA_VERSION - 1


def version_of(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return int(row[0]) if row else 0


def upgrade(conn: sqlite3.Connection, db_path: Path) -> tuple[int, int]:
    """Migrate the store to SCHEMA_VERSION in one transaction; (version before, version after)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = version_of(conn)  # read again under the write lock: another process may have done it
        if before > SCHEMA_VERSION:
            raise StoreError(f"{db_path}: store schema version {before} is newer than this kg reads "
                             f"({SCHEMA_VERSION}); upgrade kg")
        for version in range(before, SCHEMA_VERSION):
            MIGRATIONS[version - 1](conn)
        if before != SCHEMA_VERSION:
            conn.execute("UPDATE meta SET value=? WHERE key='schema'", (str(SCHEMA_VERSION),))
            # derived stores are rebuilt from the upgraded tables
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
            conn.execute("UPDATE meta SET value=? WHERE key='state'", (secrets.token_hex(8),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if before != SCHEMA_VERSION:
        log.warning("%s: upgraded the store from schema version %d to %d", db_path, before, SCHEMA_VERSION)
    return before, SCHEMA_VERSION


def connect(db_path: Path, *, create: bool, auto_upgrade: bool = True, read_only: bool = False) -> sqlite3.Connection:
    """Open (and if asked, initialize) the database; StoreError if it is not a kg store. An older
    store is upgraded in place (logged) unless `auto_upgrade` is off. `read_only` opens it for
    reading only (a store on read-only media or in a folder this user cannot write)."""
    try:
        conn = _open_read_only(db_path) if read_only else _open_read_write(db_path)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_path}: not a kg store database ({exc})") from None
    if "meta" not in tables:
        if tables or not create or read_only:
            conn.close()
            raise StoreError(f"{db_path}: not a kg store database (no kg tables)")
        _initialize(conn)
        return conn
    version = version_of(conn)
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{db_path}: store schema version {version} is newer than this kg reads "
                         f"({SCHEMA_VERSION}); upgrade kg")
    if version < SCHEMA_VERSION and read_only:
        conn.close()
        raise StoreError(f"{db_path}: store schema version {version} needs an upgrade to {SCHEMA_VERSION} and the "
                         f"store is read-only here; run `kg upgrade --store {db_path.parent}` where it is writable")
    if version < SCHEMA_VERSION and auto_upgrade:
        try:
            upgrade(conn, db_path)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{db_path}: store schema version {version} needs an upgrade to {SCHEMA_VERSION} "
                             f"and it failed ({exc}); run `kg upgrade` where the store is writable") from None
    return conn


def _open_read_write(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=30.0)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    # checkpoint the WAL every ~40 MB rather than every 4 MB: fewer fsyncs during a long
    # ingest; Store.close() checkpoints what is left
    conn.execute("PRAGMA wal_autocheckpoint=10000")
    _tune(conn)
    return conn


def _open_read_only(db_path: Path) -> sqlite3.Connection:
    """mode=ro; if that fails, immutable=1. A WAL database opened read-only needs its -shm file,
    which SQLite creates next to it: in a folder nobody may write (a read-only mount) that is
    impossible, and only an immutable open reads it (sqlite.org/wal.html, read-only databases)."""
    uri = "file:" + quote(str(db_path.absolute())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            log.warning("%s: read-only and its write-ahead log cannot be read here: the last writes "
                        "may be missing", db_path)
        log.info("%s: opened as immutable (%s)", db_path, exc)
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, timeout=30.0)
    _tune(conn)
    return conn


def _tune(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA cache_size=-65536")  # 64 MB: index pages of a large store stay in memory
    conn.execute("PRAGMA foreign_keys=OFF")
    # a path's INSERT OR REPLACE (kg.store.writer.claim_paths) deletes the row it replaces: only with
    # recursive triggers does that fire the delete trigger that marks the report it leaves (changelog)
    conn.execute("PRAGMA recursive_triggers=ON")


def _initialize(conn: sqlite3.Connection) -> None:
    # one script, one transaction: a crash while creating leaves no half-made schema
    conn.executescript(
        "BEGIN IMMEDIATE;"
        + DDL
        + JUDGEMENTS_DDL
        + STORIES_DDL
        + sentences.DDL + ";"
        + f"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '{SCHEMA_VERSION}');"
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0');"
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('state', 'empty');"
        + "".join(statement + ";" for statement in changelog.DDL)
        + "INSERT OR IGNORE INTO meta(key, value) VALUES ('changes_from', '0');"
        "COMMIT;"
    )
