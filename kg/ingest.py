"""Ingestion: files and folders -> reports in the Store, in parallel, surviving bad input.

The main process is the store's one writer: a run takes the store's lock first, so a second
concurrent run fails at once. For each file found (kg.sources.discover, sorted), it reads the
bytes and hashes them, and decides from the store's index what the file is:

- identical content to a stored report at the same path: *unchanged*, nothing to do;
- identical content elsewhere (another path, or a file earlier in this run): a *duplicate*,
  the path is added to that report's provenance (store.add_path);
- a path the store knows with new content: *updated* (its old facts are replaced); so is a
  report whose file is unchanged but which an older extractor stored (kg or its data files have
  changed since: kg.extract.fingerprint), counted in `reextracted` as well. When the old content
  is also in other files (identical copies), those keep it: the edited file becomes a *new* report;
- otherwise *new*. Its id is the file name, or name~sha256[:8] when another report has the name
  (and name~sha256[:8]-2, -3 … when a report that once held that content still has that id).

A path moves between reports with its content; a report left in no file is removed (counted in
`removed`). With `remove_missing`, the paths under the named folders (and the named files) that
no longer exist are forgotten at the end of a run that was not interrupted, and reports left in
no file are removed: after any sequence of edits, copies, renames and removals, the store holds
what a fresh ingest of the folder would.

Only new and updated files are read, extracted and turned into the store's rows, in worker
processes (kg.ingest_workers; all of it CPU-bound pure Python), so the writer only inserts rows;
ids are settled before dispatch, so the same inputs give the same store whatever the timing. At
most a few files per worker are in flight, and results are written in input order, so memory
stays flat and runs are reproducible.

A bad file costs one line in the summary and in <store>/errors.jsonl (store.record_error) and
never stops the run; each report is stored whole or not at all. Writes are committed in groups,
about once a second (store.batch): a crash loses at most the last uncommitted group, which the
next run stores. Cancelling (the `cancel` event, or KeyboardInterrupt) stops at the next file:
finished reports stay, work in flight is dropped, and the summary says the run was interrupted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from kg.errors import InputError, KgError, StoreError
from kg.extract.fingerprint import DEFAULT_EXTRACTOR, stamp
from kg.ingest_summary import (
    BatchLike,
    FileError,
    IngestSummary,
    Progress,
    ProgressCallback,
    StoreLike,
)
from kg.ingest_workers import CRASHED, Engine, Extracted, Task, default_jobs, open_workers
from kg.sources import MAX_BYTES, check_encoding, discover, read_bytes

__all__ = ["FileError", "IngestSummary", "Progress", "ProgressCallback", "StoreLike", "auto_timeout", "ingest"]

log = logging.getLogger(__name__)

_IN_FLIGHT_PER_WORKER = 8  # files queued per worker: enough to keep it busy while the writer commits
_POLL_SECONDS = 0.1  # how often a wait for a worker checks for cancellation





@dataclass
class _Item:
    """One file's planned outcome; applied (written, counted, reported) strictly in input order."""

    shown: str  # the path as found, for messages
    kind: str  # extract | fail | unchanged | duplicate
    path: str = ""  # absolute, as recorded in provenance
    doc_id: str = ""
    sha256: str = ""
    status: str = ""  # new | updated, for extract
    reason: str = ""  # for fail
    future: Any = None  # a Future of kg.ingest_workers.Outcome, for extract
    attempts: int = 0
    reread: bool = False  # unchanged content read again (another --encoding, or stale)
    stale: bool = False  # unchanged, but stored by an older extractor


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: StoreLike,
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    follow_links: bool = False,
    remove_missing: bool = False,
    file_timeout: float | str | None = "auto",
    wait: float | None = 0.0,
    engine: str = "processes",
    scheduler: str | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively) into `store`; see the module docstring.

    `jobs`: worker processes (default: all cores; 1 runs in this process). `encoding` forces a
    text encoding (tcvn3, vni, cp1258, any Python codec). `extractor`: "module:function" taking
    (text, DocumentInfo) and returning an Extraction, imported once in each worker.
    `follow_links`: follow symbolic links out of the named folders (by default they are counted in
    `IngestSummary.links_out` and not followed). `remove_missing`: forget files under `paths`
    that are gone, and the reports left in no file. `file_timeout`: seconds one file may take to
    be read and extracted before it fails as a runaway and the run goes on (a single job then runs
    in a worker process too, so that it can be stopped); "auto": a budget from `max_bytes`
    (auto_timeout), kept where files run in worker processes anyway; None: no limit. `wait`:
    seconds to wait while another process writes the store (None: until it is done; 0: fail at
    once, naming the process). `engine`: where files are read and extracted, one of kg.ingest_workers.ENGINES:
    "processes" (this machine's worker processes) or "dask" (kg.ingest_dask; `scheduler` is a
    Dask scheduler's address, else a LocalCluster of `jobs` workers is started for the run).
    """
    encoding = check_encoding(encoding)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KgError(f"--jobs must be at least 1, not {jobs}")
    store.lock(wait)  # before anything is read or written: a second run fails here, at once
    isolated = file_timeout not in (None, "auto")
    if file_timeout == "auto":
        # not on a scheduler of the user's: a runaway restarts every worker of that cluster
        file_timeout = auto_timeout(max_bytes) if jobs > 1 and not scheduler else None
    elif file_timeout is not None and float(file_timeout) <= 0:
        raise KgError(f"--file-timeout must be more than 0 seconds, not {float(file_timeout):g}")
    file_timeout = None if file_timeout is None else float(file_timeout)
    workers = open_workers(engine, jobs, extractor, store.prepare, isolated, scheduler)
    run = _Run(store, workers, encoding, max_bytes, progress, cancel or threading.Event())
    run.follow_links, run.remove_missing, run.file_timeout = follow_links, remove_missing, file_timeout
    # the store's totals, not a sum over reports: a later report can merge or re-label what an
    # earlier one added (one person found to be another), and the sum counted both
    entities, relations = store.totals()
    try:
        summary = run.execute([os.fspath(p) for p in paths])
    finally:
        workers.close()
    summary.entities_total, summary.relations_total = store.totals()
    summary.entities_added = summary.entities_total - entities
    summary.relations_added = summary.relations_total - relations
    return summary


def auto_timeout(max_bytes: int) -> float:
    """The default per-file budget: well above the slowest measured rate (scripts/bench_scaling.py:
    about 3 s per MB for one sentence repeated, 1.5 s per MB of real text) for the largest file
    allowed, so that only a runaway reaches it."""
    return 30.0 + 12.0 * max_bytes / (1024 * 1024)


class _TimedOut(Exception):
    """A file ran past --file-timeout."""


class _Run:
    def __init__(
        self,
        store: StoreLike,
        workers: Engine,
        encoding: str | None,
        max_bytes: int,
        progress: ProgressCallback | None,
        cancel: threading.Event,
    ) -> None:
        self.store, self.workers, self.encoding, self.max_bytes = store, workers, encoding, max_bytes
        self.report, self.cancel = progress or (lambda _p: None), cancel
        self.summary = IngestSummary()
        self.total = 0
        self.group: BatchLike | None = None  # the store's open batch of writes
        # the store's index, kept current as this run writes: small strings only (about 0.3 KB a
        # report), so memory does not grow with the reports' contents
        self.by_sha: dict[str, str] = {}  # content hash -> report id
        self.sha_of: dict[str, str] = {}  # report id -> its content hash
        self.by_path: dict[str, str] = {}  # file path -> id of the report it holds
        self.encoding_of: dict[str, str] = {}  # only with --encoding: the encoding a report was read with
        self.extractor_of: dict[str, str] = {}  # report id -> the extractor that stored it
        self.copies: dict[str, list[str]] = {}  # report id -> all the paths that hold it
        self.extractor = stamp(workers.extractor)
        self.taken_ids: set[str] = set()
        self.failed: dict[str, tuple[str, str]] = {}  # sha256 -> (reason, file) of content not stored
        self.follow_links = self.remove_missing = False
        self.file_timeout: float | None = None

    # -- the run ------------------------------------------------------------------------------
    def execute(self, paths: list[str]) -> IngestSummary:
        started = time.perf_counter()
        found = discover(paths, exclude=[p for p in [getattr(self.store, "path", None)] if p],
                         follow_links=self.follow_links)
        self.summary.skipped = found.skipped
        self.summary.links_out = len(found.links_out)
        self.total = len(found.files) + len(found.errors)
        self.report(Progress(0, self.total))
        self._load_index()
        for path, reason in found.errors:
            self._fail(path, reason)
        if len(found.files) <= 1:
            self.workers.jobs = 1  # starting worker processes costs more than reading one file here
        with self.store.batch() as self.group:
            self._loop(found.files)
            if self.remove_missing and not self.cancel.is_set():
                self._removed(self.store.drop_paths(_missing(paths, self.by_path)))
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _loop(self, files: list[str]) -> None:
        items: deque[_Item] = deque()
        jobs = self.workers.jobs
        window = jobs * _IN_FLIGHT_PER_WORKER if jobs > 1 else 1
        todo = iter(files)
        try:
            exhausted = False
            while True:
                while not exhausted and not self.cancel.is_set() and len(items) < window * 8:
                    if sum(1 for i in items if i.kind == "extract") >= window:
                        break
                    shown = next(todo, None)
                    if shown is None:
                        exhausted = True
                        break
                    item = self._plan(shown)
                    if item.kind == "extract":
                        item.future = self._submit(item)
                    items.append(item)
                if not items or self.cancel.is_set():
                    break
                head = items[0]
                if head.kind == "extract":
                    try:
                        if not self._wait(head.future, self.file_timeout):
                            break
                    except _TimedOut:
                        self._time_out(head, items)
                        continue
                    if isinstance(head.future, Future) and isinstance(head.future.exception(), BrokenProcessPool):
                        self._recover(items)
                        continue
                items.popleft()
                self._apply(head)
        except KeyboardInterrupt:
            self.cancel.set()
        finally:
            if self.cancel.is_set():
                self.summary.interrupted = True
            self.workers.stop(kill=self.cancel.is_set())

    def _load_index(self) -> None:
        for info in self.store.documents():
            self.taken_ids.add(info.id)
            self.extractor_of[info.id] = info.extractor
            self.copies[info.id] = list(info.paths)
            if self.encoding is not None:
                self.encoding_of[info.id] = info.encoding
            if info.sha256:
                self.by_sha.setdefault(info.sha256, info.id)
                self.sha_of[info.id] = info.sha256
            for p in info.paths:
                self.by_path[p] = info.id

    def _plan(self, shown: str) -> _Item:
        """Decide what one file is, from its bytes' hash and the store's index."""
        path = os.path.abspath(shown)
        try:
            data = read_bytes(shown, self.max_bytes)
        except InputError as exc:
            return _Item(shown, "fail", path, reason=exc.problem)
        sha = hashlib.sha256(data).hexdigest()
        del data
        known = self.by_sha.get(sha)
        # an --encoding unlike the one a stored report was read with means: read it again; so
        # does a report at this same path that an older extractor stored
        forced = known is not None and self.encoding not in (None, self.encoding_of.get(known))
        stale = known is not None and self.by_path.get(path) == known and self.extractor_of.get(known) != self.extractor
        forced = forced or stale
        if known is not None and not forced:
            kind = "unchanged" if self.by_path.get(path) == known else "duplicate"
            return _Item(shown, kind, path, known, sha)
        held = self.by_path.get(path)
        if held is not None and held != known and len(self.copies.get(held, ())) > 1:
            held = None  # the old content's copies elsewhere keep that report: this one is new
        doc_id = held or known
        if doc_id is None:
            name = os.path.basename(path)
            doc_id = name if name not in self.taken_ids else f"{name}~{sha[:8]}"
            n = 2
            while doc_id in self.taken_ids:  # that content was once stored under this name by another report
                doc_id, n = f"{name}~{sha[:8]}-{n}", n + 1
        status = self.store.document_status(doc_id, sha)
        if status == "unchanged" and not forced:
            return _Item(shown, "unchanged", path, doc_id, sha)
        self.taken_ids.add(doc_id)
        old = self.sha_of.get(doc_id)
        if old is not None and old != sha and self.by_sha.get(old) == doc_id:
            del self.by_sha[old]  # that report holds other content now: a later copy of the old one is not it
        self.by_sha[sha], self.sha_of[doc_id] = doc_id, sha  # later copies in this run are duplicates of it
        self.extractor_of[doc_id] = self.extractor
        item = _Item(shown, "extract", path, doc_id, sha, "new" if status == "new" else "updated")
        item.reread, item.stale = forced, stale
        return item

    def _apply(self, item: _Item) -> None:
        if item.kind == "fail":  # planned content that failed in a worker: its copies fail with it
            self._fail_task(item, item.reason) if item.sha256 else self._fail(item.shown, item.reason)
        elif item.kind == "unchanged":
            self._outcome(item.shown, "unchanged")
        elif item.kind == "duplicate":
            if item.sha256 in self.failed:
                reason, original = self.failed[item.sha256]
                self._fail(item.shown, f"{reason} (same content as {original})")
            else:
                self._removed(self.store.add_path(item.doc_id, item.path))
                self._moved(item.path, item.doc_id)
                self._outcome(item.shown, "duplicate")
        else:
            kind, value = item.future.result()
            if kind == "error":
                self._fail_task(item, value)
            else:
                self._store(item, value)

    # -- workers ------------------------------------------------------------------------------
    def _submit(self, item: _Item) -> Any:
        item.attempts += 1
        return self.workers.submit(Task(item.shown, item.path, item.doc_id, self.encoding, self.max_bytes,
                                        item.sha256))

    def _wait(self, future: Any, limit: float | None = None) -> bool:
        """Wait for a result, polling for cancellation; False when cancelled; _TimedOut after
        `limit` seconds (the item at the head of the queue is running, or next to run, from the
        moment the one before it finished: the wait is its time)."""
        started = time.monotonic()
        while not future.done():
            if self.cancel.is_set():
                return False
            if limit is not None and time.monotonic() - started > limit:
                raise _TimedOut
            if self.group is not None:  # while waiting, commit what has waited long enough
                self.group.commit_if_due()
            try:
                future.result(timeout=_POLL_SECONDS)
            except TimeoutError:
                continue
            except Exception:
                break  # failed futures are done; the caller looks at them
        return not self.cancel.is_set()

    def _time_out(self, head: _Item, items: deque[_Item]) -> None:
        """The head file ran past --file-timeout: stop its worker (with the pool), fail it, and
        send the other files in flight to a fresh pool."""
        self.workers.stop(kill=True)
        head.kind = "fail"
        head.reason = f"took more than {self.file_timeout:g} s to read and extract (--file-timeout); skipped"
        for item in items:
            if item is not head and item.kind == "extract":
                item.future = self._submit(item)

    def _recover(self, items: deque[_Item]) -> None:
        """A worker died (crash, out of memory) and took the pool down. Each file that was in
        flight is retried once, alone, in a fresh pool; one that kills its worker again is the
        culprit and fails. Results wait in their items, so they are still applied in order."""
        self.workers.stop(kill=True)
        for item in [i for i in items if i.kind == "extract"]:
            if item.attempts >= 2:
                item.kind, item.reason = "fail", CRASHED
                continue
            future = self._submit(item)
            if not self._wait(future):
                return
            try:
                value = future.result()
            except BrokenProcessPool:
                self.workers.stop(kill=True)
                item.kind, item.reason = "fail", CRASHED
                continue
            item.future = Future()
            item.future.set_result(value)

    # -- outcomes -----------------------------------------------------------------------------
    def _store(self, item: _Item, extracted: Extracted) -> None:
        try:
            result = self.store.put_prepared(extracted.prepared)
        except StoreError:
            raise
        except Exception as exc:  # a report the store rejects must not stop the run
            log.debug("store rejected %s", item.shown, exc_info=True)
            self._fail_task(item, f"could not be stored ({type(exc).__name__}: {exc})")
            return
        self._removed(getattr(result, "removed", []))
        self._moved(item.path, item.doc_id)
        if self.encoding is not None:
            self.encoding_of[item.doc_id] = extracted.encoding
        if item.stale:
            self.summary.reextracted += 1
        self._outcome(item.shown, item.status)

    def _moved(self, path: str, doc_id: str) -> None:
        """Keep the run's index current: the file at `path` holds report `doc_id` now."""
        old = self.by_path.get(path)
        if old is not None and old != doc_id and path in self.copies.get(old, ()):
            self.copies[old].remove(path)
        self.by_path[path] = doc_id
        mine = self.copies.setdefault(doc_id, [])
        if path not in mine:
            mine.append(path)

    def _removed(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        gone = set(doc_ids)
        self.summary.removed += len(gone)
        for doc_id in gone:
            self.copies.pop(doc_id, None)
            self.taken_ids.discard(doc_id)
        self.by_path = {p: d for p, d in self.by_path.items() if d not in gone}
        self.by_sha = {h: d for h, d in self.by_sha.items() if d not in gone}

    def _fail_task(self, item: _Item, reason: str) -> None:
        self.failed[item.sha256] = (reason, item.shown)
        self._fail(item.shown, reason)

    def _fail(self, shown: str, reason: str) -> None:
        self.summary.errors.append(FileError(shown, reason))
        self.store.record_error(shown, reason)
        self._outcome(shown, "failed")

    def _outcome(self, shown: str, outcome: str) -> None:
        setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
        self.report(Progress(self.summary.files, self.total, shown, outcome))


def _missing(roots: list[str], known: dict[str, str]) -> list[str]:
    """Known file paths under `roots` (folders, or files named) that no longer exist."""
    prefixes = [os.path.abspath(r) for r in roots]
    under = [p for p in known
             if any(p == r or p.startswith(r.rstrip(os.sep) + os.sep) for r in prefixes)]
    return sorted(p for p in under if not os.path.lexists(p))
