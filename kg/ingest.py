"""Ingestion: files and folders -> reports in the Store, in parallel, surviving bad input.

The main process is the one writer. For each file found (kg.sources.discover, sorted), it reads
the bytes and hashes them, and decides from the store's index what the file is:

- identical content to a stored report at the same path: *unchanged*, nothing to do;
- identical content elsewhere (another path, or a file earlier in this run): a *duplicate*,
  the path is added to that report's provenance (store.add_path);
- a path the store knows with new content: *updated* (its old facts are replaced);
- otherwise *new*. Its id is the file name, or name~sha256[:8] when another report has the name.

Only new and updated files are read and extracted, in worker processes (extraction is CPU-bound
pure Python); ids are settled before dispatch, so the same inputs give the same store whatever
the timing. At most a few files per worker are in flight, and results are written in input
order, so memory stays flat and runs are reproducible. Each worker imports kg and loads its data
files once (the pool initializer), not per file.

A bad file costs one line in the summary and in <store>/errors.jsonl (store.record_error) and
never stops the run; each report is stored whole or not at all (store.put is atomic). Cancelling
(the `cancel` event, or KeyboardInterrupt) stops at the next file: finished reports stay, work in
flight is dropped, and the summary says the run was interrupted.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from kg.errors import InputError, KgError, StoreError
from kg.model import DocumentInfo, Extraction
from kg.sources import MAX_BYTES, check_encoding, discover, read_bytes, read_document

log = logging.getLogger(__name__)

DEFAULT_EXTRACTOR = "kg.extract:extract"
_IN_FLIGHT_PER_WORKER = 4
_POLL_SECONDS = 0.1  # how often a wait for a worker checks for cancellation


class StoreLike(Protocol):
    """The part of kg.store.Store the ingester uses (see the store contract)."""

    def documents(self) -> list[DocumentInfo]: ...
    def document_status(self, doc_id: str, sha256: str) -> str: ...
    def add_path(self, doc_id: str, path: str) -> None: ...
    def put(self, extraction: Extraction) -> Any: ...
    def record_error(self, path: str, reason: str) -> None: ...


@dataclass(frozen=True)
class FileError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestSummary:
    """What a run did. `skipped` counts files of other types found in folders."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0
    entities_added: int = 0
    relations_added: int = 0
    errors: list[FileError] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def files(self) -> int:
        """Files with an outcome (failures included)."""
        return self.new + self.unchanged + self.updated + self.duplicate + self.failed

    @property
    def all_failed(self) -> bool:
        return self.failed > 0 and self.failed == self.files


@dataclass(frozen=True)
class Progress:
    """One step of a run, for a progress display: `done` of `total` files have an outcome."""

    done: int
    total: int
    path: str = ""
    outcome: str = ""  # new | unchanged | updated | duplicate | failed; "" before the first


ProgressCallback = Callable[[Progress], None]


_CRASHED = "the worker process died while reading it (crash or out of memory)"


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
    future: Any = None  # Future (pool) or _Deferred (in process), for extract
    attempts: int = 0


class _Deferred:
    """A Future-like that runs the work when its result is asked for (jobs=1: in this process)."""

    def __init__(self, args: tuple[Any, ...]) -> None:
        self.args, self.value = args, None

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> tuple[str, Any]:
        if self.value is None:
            self.value = _work(*self.args)
        return self.value


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


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
) -> IngestSummary:
    """Ingest files and folders (recursively) into `store`; see the module docstring.

    `jobs`: worker processes (default: all cores; 1 runs in this process). `encoding` forces a
    text encoding (tcvn3, vni, cp1258, any Python codec). `extractor`: "module:function" taking
    (text, DocumentInfo) and returning an Extraction, imported once in each worker.
    """
    encoding = check_encoding(encoding)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KgError(f"--jobs must be at least 1, not {jobs}")
    run = _Run(store, jobs, encoding, max_bytes, progress, cancel or threading.Event(), extractor)
    return run.execute([os.fspath(p) for p in paths])


class _Run:
    def __init__(
        self,
        store: StoreLike,
        jobs: int,
        encoding: str | None,
        max_bytes: int,
        progress: ProgressCallback | None,
        cancel: threading.Event,
        extractor: str,
    ) -> None:
        self.store, self.jobs, self.encoding, self.max_bytes = store, jobs, encoding, max_bytes
        self.report, self.cancel, self.extractor = progress or (lambda _p: None), cancel, extractor
        self.summary = IngestSummary()
        self.total = 0
        self.pool: ProcessPoolExecutor | None = None
        # the store's index, kept current as this run writes: small strings only (about 0.3 KB a
        # report), so memory does not grow with the reports' contents
        self.by_sha: dict[str, str] = {}  # content hash -> report id
        self.by_path: dict[str, str] = {}  # file path -> id of the report it holds
        self.encoding_of: dict[str, str] = {}  # only with --encoding: the encoding a report was read with
        self.taken_ids: set[str] = set()
        self.failed: dict[str, tuple[str, str]] = {}  # sha256 -> (reason, file) of content not stored

    # -- the run ------------------------------------------------------------------------------
    def execute(self, paths: list[str]) -> IngestSummary:
        started = time.perf_counter()
        found = discover(paths, exclude=[p for p in [getattr(self.store, "path", None)] if p])
        self.summary.skipped = found.skipped
        self.total = len(found.files) + len(found.errors)
        self.report(Progress(0, self.total))
        self._load_index()
        for path, reason in found.errors:
            self._fail(path, reason)
        if len(found.files) <= 1:
            self.jobs = 1  # starting worker processes costs more than reading one file here
        items: deque[_Item] = deque()
        window = self.jobs * _IN_FLIGHT_PER_WORKER if self.jobs > 1 else 1
        todo = iter(found.files)
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
                    if not self._wait(head.future):
                        break
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
            self._stop_pool(kill=self.cancel.is_set())
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _load_index(self) -> None:
        for info in self.store.documents():
            self.taken_ids.add(info.id)
            if self.encoding is not None:
                self.encoding_of[info.id] = info.encoding
            if info.sha256:
                self.by_sha.setdefault(info.sha256, info.id)
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
        # an --encoding unlike the one a stored report was read with means: read it again
        forced = known is not None and self.encoding not in (None, self.encoding_of.get(known))
        if known is not None and not forced:
            kind = "unchanged" if self.by_path.get(path) == known else "duplicate"
            return _Item(shown, kind, path, known, sha)
        doc_id = self.by_path.get(path) or known
        if doc_id is None:
            name = os.path.basename(path)
            doc_id = name if name not in self.taken_ids else f"{name}~{sha[:8]}"
        status = self.store.document_status(doc_id, sha)
        if status == "unchanged" and not forced:
            return _Item(shown, "unchanged", path, doc_id, sha)
        self.taken_ids.add(doc_id)
        self.by_sha[sha] = doc_id  # later copies in this run are duplicates of this one
        return _Item(shown, "extract", path, doc_id, sha, "new" if status == "new" else "updated")

    def _apply(self, item: _Item) -> None:
        if item.kind == "fail":
            self._fail(item.shown, item.reason)
        elif item.kind == "unchanged":
            self._outcome(item.shown, "unchanged")
        elif item.kind == "duplicate":
            if item.sha256 in self.failed:
                reason, original = self.failed[item.sha256]
                self._fail(item.shown, f"{reason} (same content as {original})")
            else:
                self.store.add_path(item.doc_id, item.path)
                self.by_path[item.path] = item.doc_id
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
        args = (item.shown, item.path, item.doc_id, self.encoding, self.max_bytes)
        if self.jobs == 1:
            _init_worker(self.extractor, in_process=True)
            return _Deferred(args)
        if self.pool is None:
            self.pool = _new_pool(self.jobs, self.extractor)
        return self.pool.submit(_work, *args)

    def _wait(self, future: Any) -> bool:
        """Wait for a result, polling for cancellation; False when cancelled."""
        while not future.done():
            if self.cancel.is_set():
                return False
            try:
                future.result(timeout=_POLL_SECONDS)
            except TimeoutError:
                continue
            except Exception:
                break  # failed futures are done; the caller looks at them
        return not self.cancel.is_set()

    def _recover(self, items: deque[_Item]) -> None:
        """A worker died (crash, out of memory) and took the pool down. Each file that was in
        flight is retried once, alone, in a fresh pool; one that kills its worker again is the
        culprit and fails. Results wait in their items, so they are still applied in order."""
        self._stop_pool(kill=True)
        for item in [i for i in items if i.kind == "extract"]:
            if item.attempts >= 2:
                item.kind, item.reason = "fail", _CRASHED
                continue
            future = self._submit(item)
            if not self._wait(future):
                return
            try:
                value = future.result()
            except BrokenProcessPool:
                self._stop_pool(kill=True)
                item.kind, item.reason = "fail", _CRASHED
                continue
            item.future = Future()
            item.future.set_result(value)

    def _stop_pool(self, kill: bool) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            # Drop work in flight now rather than let each worker finish its file; the private
            # process table is the only handle Python 3.11 gives (3.14 adds terminate_workers).
            for proc in list(getattr(pool, "_processes", {}).values()):
                if proc.is_alive():
                    proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)

    # -- outcomes -----------------------------------------------------------------------------
    def _store(self, item: _Item, extraction: Extraction) -> None:
        try:
            result = self.store.put(extraction)
        except StoreError:
            raise
        except Exception as exc:  # a report the store rejects must not stop the run
            log.debug("store rejected %s", item.shown, exc_info=True)
            self._fail_task(item, f"could not be stored ({type(exc).__name__}: {exc})")
            return
        self.summary.entities_added += int(getattr(result, "entities_added", 0))
        self.summary.relations_added += int(getattr(result, "relations_added", 0))
        self.by_path[item.path] = item.doc_id
        if self.encoding is not None:
            self.encoding_of[item.doc_id] = extraction.document.encoding
        self._outcome(item.shown, item.status)

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


# -- worker side -------------------------------------------------------------------------------

_extract: Callable[[str, DocumentInfo], Extraction] | None = None
_extract_name = ""


def _new_pool(jobs: int, extractor: str) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean, single-threaded server that has imported kg once,
    # never from this process (which holds the store's open database and maybe threads).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.ingest", "kg.sources", "kg.extract"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(extractor,))


def _init_worker(extractor: str, in_process: bool = False) -> None:
    """Import the extractor and warm its data files, once per worker process."""
    global _extract, _extract_name
    if _extract is not None and _extract_name == extractor:
        return
    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    module, _, name = extractor.partition(":")
    func = getattr(importlib.import_module(module), name or "extract")
    try:  # load lexicons and tables now, not on the first real file
        func("Bộ Nội vụ.", DocumentInfo(id="warm-up"))
    except Exception:
        log.debug("extractor warm-up failed", exc_info=True)
    _extract, _extract_name = func, extractor


def _work(shown: str, path: str, doc_id: str, encoding: str | None, max_bytes: int) -> tuple[str, Any]:
    """Read and extract one file: ("ok", Extraction) or ("error", reason). Never raises."""
    assert _extract is not None
    try:
        text, info = read_document(path, encoding, max_bytes=max_bytes)  # absolute: workers keep their cwd
    except InputError as exc:
        return "error", exc.problem
    except Exception as exc:  # a reader bug must cost one file, not the run
        log.debug("reading %s failed", shown, exc_info=True)  # the reason goes to the summary
        return "error", f"could not be read ({type(exc).__name__}: {exc})"
    info.id, info.paths = doc_id, [path]
    try:
        extraction = _extract(text, info)
    except Exception as exc:
        log.debug("extracting %s failed", shown, exc_info=True)
        return "error", f"extraction failed ({type(exc).__name__}: {exc})"
    extraction.document = info
    return "ok", extraction
