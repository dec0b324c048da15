"""The Store: kg's graph on disk (see kg/store/__init__.py for the contract)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from kg.errors import StoreError
from kg.model import DocumentInfo, Entity, Extraction, Graph, Relation
from kg.store import changelog, reader, schema, writer
from kg.store.lock import WriterLock, writable
from kg.store.prepared import Prepared, prepare
from kg.store.schema import DB_FILE, connect

log = logging.getLogger(__name__)

DEFAULT_DIR = "kg-data"
ERRORS_FILE = "errors.jsonl"


def upgrade_store(path: str | Path | None = None) -> tuple[int, int]:
    """Migrate the store at `path` to this kg's schema in place, in one transaction;
    (version before, version after). Opening a store for use does the same, logged."""
    p = Path(path) if path is not None else default_path()
    db = p / DB_FILE
    if not db.exists():
        raise StoreError(f"{p}: no kg store here")
    if not (writable(p) and writable(db)):
        raise StoreError(f"store {p} is read-only: run kg upgrade on it where it is writable")
    conn = schema.connect(db, create=False, auto_upgrade=False)
    try:
        return schema.upgrade(conn, db)
    except sqlite3.Error as exc:
        raise StoreError(f"{db}: upgrade failed, the store is as it was ({exc})") from None
    finally:
        conn.close()


def default_path() -> Path:
    """$KG_STORE, else ./kg-data."""
    return Path(os.environ.get("KG_STORE") or DEFAULT_DIR)


@dataclass(frozen=True)
class PutResult:
    """Canonical entities and relations that did not exist in the store before this put."""

    entities_added: int
    relations_added: int
    removed: list[str] = field(default_factory=list)  # reports that lost their last file to this one


class Batch:
    """The open group of writes of Store.batch: one transaction, committed every so often."""

    def __init__(self, conn: sqlite3.Connection, size: int, seconds: float, where: Path) -> None:
        self._conn, self.size, self.seconds, self._where = conn, max(1, size), seconds, where
        self.pending = 0  # whole writes not committed yet
        self._since = 0.0  # when the open transaction began

    def begin(self) -> None:
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN IMMEDIATE")
            self._since, self.pending = time.monotonic(), 0

    def wrote(self) -> None:
        self.pending += 1
        if self.pending >= self.size:
            self.commit()
        else:
            self.commit_if_due()

    def commit_if_due(self) -> None:
        """Commit if the oldest uncommitted write is `seconds` old (call it while waiting for work)."""
        if self.pending and time.monotonic() - self._since >= self.seconds:
            self.commit()

    def commit(self) -> None:
        pending, self.pending = self.pending, 0
        if not self._conn.in_transaction:
            return
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"{self._where}: cannot commit the last {pending} reports ({exc}); run again to "
                             "store them") from exc


class Store:
    """A folder holding the source of truth (kg.sqlite) and the stores derived from it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only  # queries work; every write raises StoreError
        self._conn = conn
        self._lock = WriterLock(path, read_only)
        self._derived: Any = None  # kg.store.derived.Derived, made on first query
        self._batch: Batch | None = None  # the open group of writes (Store.batch)

    # -- opening and closing ------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, create: bool = True, read_only: bool | None = None) -> Store:
        """Open the store at `path` (default: $KG_STORE or ./kg-data), creating it if asked.

        `read_only`: None opens it read-only when this process cannot write its folder or its
        database (a read-only mount, a shared folder): it can then be queried, never written."""
        p = Path(path) if path is not None else default_path()
        db = p / DB_FILE
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: not a directory, cannot hold a store")
        if db.exists():
            if read_only is None:
                read_only = not (writable(p) and writable(db))
            return cls(p, connect(db, create=create, read_only=read_only), read_only=read_only)
        if not create or read_only:
            raise StoreError(f"{p}: no kg store here (ingest reports first, or pass --store)")
        if p.exists() and any(p.iterdir()):
            raise StoreError(f"{p}: folder is not empty and holds no kg store; choose another")
        if p.exists() and not writable(p):
            raise StoreError(f"{p}: folder is read-only, cannot create a store in it")
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{p}: cannot create the store ({exc.strerror or exc})") from None
        return cls(p, connect(db, create=create))

    def close(self) -> None:
        if self._batch is not None:  # closed inside a batch: its whole writes are kept
            self._batch.commit()
            self._batch = None
        if self._derived is not None:
            self._derived.close()
            self._derived = None
        if self._conn is not None:
            if not self.read_only:  # (a read-only store's writer checkpoints it)
                with contextlib.suppress(sqlite3.Error):  # a reader may be busy: the next close does it
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._conn.close()
            self._conn = None  # type: ignore[assignment]
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lock(self, wait: float | None = 0.0) -> None:
        """Become the store's one writer now (writes also do this on first use). `wait`: seconds
        to wait while another process writes (None: until it is done; 0: fail at once)."""
        self._lock.acquire(wait)

    def unlock(self) -> None:
        """Stop being the writer (at the end of a batch of work), so that another can write."""
        if self._batch is None:
            self._lock.release()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write, all of it or none: its own transaction, or a savepoint in the open batch's."""
        self._lock.acquire()
        conn = self.conn
        group = self._batch
        if group is None:
            conn.execute("BEGIN IMMEDIATE")
        else:
            group.begin()
            conn.execute("SAVEPOINT write")
        try:
            yield conn
            changelog.prune(conn, self.path / changelog.DERIVED_DIR)
            conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
            conn.execute("UPDATE meta SET value=? WHERE key='state'", (secrets.token_hex(8),))
            conn.execute("COMMIT" if group is None else "RELEASE write")
        except BaseException as exc:
            if conn.in_transaction and _store_failed(exc):
                # SQLite may leave the transaction open after a full disk or an I/O error (it did once
                # the change log's triggers ran inside the failing statement): end it as it does itself
                conn.execute("ROLLBACK")
            if conn.in_transaction:  # undo this write only
                conn.execute("ROLLBACK" if group is None else "ROLLBACK TO write")
                if group is not None:
                    conn.execute("RELEASE write")
                raise
            # the whole transaction is rolled back: the store failed (disk full, I/O error), not
            # this report, and the batch's uncommitted writes went with it
            lost = group.pending if group is not None else 0
            if group is not None:
                group.pending = 0
            if not isinstance(exc, sqlite3.Error):
                raise
            also = f"; the {lost} uncommitted reports before it were lost too (run again)" if lost else ""
            raise StoreError(f"{self.path}: cannot write ({exc}){also}") from exc
        if group is not None:
            group.wrote()

    @contextlib.contextmanager
    def batch(self, size: int = 500, seconds: float = 1.0) -> Iterator[Batch]:
        """Group writes into fewer transactions: commit every `size` writes, once the oldest
        uncommitted one is `seconds` old, and when the block ends (however it ends).

        Each write stays whole (a savepoint): a failed put leaves the rest of its group alone, and
        a crash loses at most the uncommitted group, never part of a report. Reads through this
        Store see the uncommitted writes; other processes see a group once it is committed. A
        batch inside a batch joins the outer one.
        """
        if self._batch is not None:
            yield self._batch
            return
        self._lock.acquire()
        group = self._batch = Batch(self.conn, size, seconds, self.path)
        try:
            yield group
        finally:
            self._batch = None
            group.commit()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: everything read inside sees one consistent state."""
        conn = self.conn
        if conn.in_transaction:  # inside a batch: its open transaction is that state
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    # -- reports ------------------------------------------------------------------------------
    def document_status(self, doc_id: str, sha256: str) -> Literal["new", "unchanged", "changed"]:
        row = self.conn.execute("SELECT sha256 FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            return "new"
        return "unchanged" if row[0] == sha256 else "changed"

    def find_by_sha(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256=? ORDER BY id LIMIT 1", (sha256,)).fetchone()
        return row[0] if row else None

    def add_path(self, doc_id: str, path: str) -> list[str]:
        """The file at `path` holds report `doc_id` (an identical copy found elsewhere, or a file
        edited to equal it). A report that held the path before and is left in no file is removed:
        returns the removed reports' ids."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is None:
                raise StoreError(f"{self.path}: no report {doc_id!r} in the store")
            return writer.claim_paths(conn, doc_id, [path])

    def drop_paths(self, paths: list[str]) -> list[str]:
        """The files at `paths` are gone: forget them; a report left in no file is removed
        (returns the removed reports' ids); its copies elsewhere keep it."""
        if not paths:
            return []
        with self._write() as conn:
            return writer.drop_paths(conn, paths)

    def paths(self) -> dict[str, str]:
        """Every known file path -> the report it holds."""
        return dict(self.conn.execute("SELECT path, doc FROM paths"))

    def put(self, extraction: Extraction) -> PutResult:
        """Store one report's facts, replacing its previous ones: all of them or none."""
        return self.put_prepared(prepare(extraction))

    # Pure and picklable: `kg ingest` runs it in its worker processes; the writer only inserts.
    prepare = staticmethod(prepare)

    def put_prepared(self, prep: Prepared) -> PutResult:
        """`put` of a report that `Store.prepare` already turned into rows."""
        with self._write() as conn:
            written = writer.write_report(conn, prep)
            added = writer.count_new(conn, prep.doc_id, written)
        log.info("stored %s: %d new entities, %d new relations", prep.doc_id, *added)
        return PutResult(*added, removed=written.removed)

    def reresolve_persons(self) -> None:
        """Resolve every stored person mention again with the current rules (kg.resolve)."""
        with self._write() as conn:
            writer.recluster_all(conn)

    def remove(self, doc_id: str) -> bool:
        """Take a report's facts out; a fact stays while another report supports it."""
        with self._write() as conn:
            return writer.remove_report(conn, doc_id)

    def documents(self) -> list[DocumentInfo]:
        return reader.documents(self.conn)

    def document(self, doc_id: str) -> DocumentInfo | None:
        found = reader.documents(self.conn, doc_id)
        return found[0] if found else None

    # -- the graph ----------------------------------------------------------------------------
    def graph(self, evidence: bool = True, include_rejected: bool = False) -> Graph:
        """The merged, cross-report-resolved graph with the judgements applied (with all evidence
        unless asked otherwise). Rejected facts are left out unless `include_rejected`: then they
        carry the prop "rejected" saying who rejected them, when and why."""
        with self.snapshot() as conn:
            return reader.read_graph(conn, evidence=evidence, include_rejected=include_rejected)

    def state(self) -> tuple[int, str]:
        """(generation, state token): the generation counts writes; the token names this state."""
        rows = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'state')"))
        return int(rows["generation"]), rows["state"]

    @property
    def generation(self) -> int:
        return self.state()[0]

    def find(self, ref: str) -> list[str]:
        """Ids of the entities an id, name or alias refers to (several for a shared name)."""
        return reader.find(self.conn, ref)

    def entity(self, gid: str) -> Entity | None:
        return reader.entity(self.conn, gid)

    def relations_of(self, gid: str) -> list[Relation]:
        return reader.relations_of(self.conn, gid)

    def names(self, gids: list[str]) -> dict[str, tuple[str, str]]:
        return reader.names(self.conn, gids)

    def totals(self) -> tuple[int, int]:
        """(entities, relations) in the store, counted as `stats` counts them."""
        with self.snapshot() as conn:
            entities, relations = reader.counts(conn)
        return sum(entities.values()), sum(relations.values())

    def stats(self) -> dict[str, Any]:
        """Counts by type (of the graph as judged, kg.store.reader.stats), reports, judgements in force,
        and size on disk."""
        with self.snapshot() as conn:
            out = reader.stats(conn)
        out["generation"] = self.generation
        out["path"] = str(self.path)
        out["size_bytes"] = _du(self.path)
        return out

    # -- errors -------------------------------------------------------------------------------
    def record_error(self, path: str, reason: str) -> None:
        """Append {"file", "reason", "time"} to <store>/errors.jsonl."""
        line = json.dumps(
            {"file": path, "reason": reason, "time": datetime.now(UTC).isoformat(timespec="seconds")},
            ensure_ascii=False,
        )
        with open(self.path / ERRORS_FILE, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def errors(self) -> list[dict[str, str]]:
        p = self.path / ERRORS_FILE
        if not p.exists():
            return []
        return [json.loads(ln) for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]

    # -- derived stores -----------------------------------------------------------------------
    @property
    def derived(self) -> Any:
        """The RDF and Cypher stores built from this one (kg.store.derived.Derived)."""
        if self._derived is None:
            from kg.store.derived import Derived

            self._derived = Derived(self)
        return self._derived

    def refresh(self) -> None:
        """Bring the derived RDF and Cypher stores up to date now (queries otherwise do it lazily)."""
        self.derived.refresh()


def _store_failed(exc: BaseException) -> bool:
    """Whether `exc` is the store's failure (disk full, I/O error) rather than one write's."""
    name = getattr(exc, "sqlite_errorname", "") if isinstance(exc, sqlite3.Error) else ""
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR"))


def _du(path: Path) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total
