"""The worker side of kg.ingest: processes that read, extract and prepare one file at a time.

Everything that does not need the store runs here, in parallel: reading and decoding the file
(kg.sources), extraction (CPU-bound pure Python), and turning the extraction into the store's rows
(the store's pure `prepare`, e.g. kg.store.prepared.prepare). The writer gets back a small
`Extracted` (rows and the encoding read, never the text) and only inserts it.

`Workers(jobs=1)` does the same work in the calling process, when its result is asked for.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import InputError, KgError
from kg.extract.fingerprint import stamp
from kg.model import DocumentInfo, Extraction
from kg.sources import parse_bytes, read_document

log = logging.getLogger(__name__)

CRASHED = "the worker process died while reading it (crash or out of memory)"

Prepare = Callable[[Extraction], Any]


@dataclass(frozen=True)
class Task:
    """One file to read: as found (for messages), absolute (what workers open), its report id."""

    shown: str
    path: str
    doc_id: str
    encoding: str | None
    max_bytes: int
    sha256: str = ""  # the content the run planned for: another one means the file changed since


@dataclass(frozen=True)
class Extracted:
    """A file read, extracted and prepared: what `prepare` made of it, and the encoding read."""

    prepared: Any
    encoding: str


Outcome = tuple[str, Any]  # ("ok", Extracted) or ("error", reason)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Deferred:
    """A Future-like that runs the work when its result is asked for (jobs=1: in this process)."""

    def __init__(self, task: Task) -> None:
        self.task, self.value = task, None

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> Outcome:
        if self.value is None:
            self.value = work(self.task)
        return self.value


class Workers:
    """`jobs` worker processes (started on first use), or this process when jobs is 1."""

    def __init__(self, jobs: int, extractor: str, prepare: Prepare, isolated: bool = False) -> None:
        """`isolated`: even one job runs in a worker process (one that can be stopped)."""
        self.jobs, self.extractor, self.prepare, self.isolated = jobs, extractor, prepare, isolated
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, task: Task) -> Future[Outcome] | _Deferred:
        if self.jobs == 1 and not self.isolated:
            init_worker(self.extractor, self.prepare, in_process=True)
            return _Deferred(task)
        if self._pool is None:
            # forkserver: workers start from a clean, single-threaded server that has imported kg
            # once, never from this process (which holds the store's open database, and threads)
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["kg.ingest_workers", "kg.sources", "kg.extract", "kg.store.prepared"])
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=ctx, initializer=init_worker,
                initargs=(self.extractor, self.prepare, False, os.getpid()),
            )
        return self._pool.submit(work, task)

    def stop(self, kill: bool) -> None:
        """End the processes: at once (dropping work in flight) when `kill`, else when idle."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            # The private process table is the only handle Python 3.11 gives (3.14 adds
            # terminate_workers).
            for proc in list(getattr(pool, "_processes", {}).values()):
                if proc.is_alive():
                    proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.stop(kill=False)


ENGINES = ("processes", "dask")


class Engine(Protocol):
    """What kg.ingest needs of its workers: files in flight as Future-likes, and a way to stop."""

    jobs: int

    def submit(self, task: Task) -> Any: ...

    def stop(self, kill: bool) -> None: ...

    def close(self) -> None: ...


def open_workers(engine: str, jobs: int, extractor: str, prepare: Prepare, isolated: bool = False,
                 scheduler: str | None = None) -> Engine:
    """The workers of `engine` (see ENGINES): Workers, or kg.ingest_dask.DaskWorkers."""
    if engine not in ENGINES:
        raise KgError(f"unknown engine {engine!r} (choose {', '.join(ENGINES)})")
    if scheduler and engine != "dask":
        raise KgError("--scheduler is the address of a Dask scheduler: it needs --engine dask")
    if engine == "dask":
        from kg.ingest_dask import DaskWorkers  # Dask is an optional extra

        return DaskWorkers(jobs, extractor, prepare, scheduler)
    return Workers(jobs, extractor, prepare, isolated=isolated)


# -- inside a worker ---------------------------------------------------------------------------

_extract: Callable[[str, DocumentInfo], Extraction] | None = None
_extract_name = ""
_prepare: Prepare | None = None


_WATCH_SECONDS = 0.5  # how often a worker checks that the ingest that started it still runs


def init_worker(extractor: str, prepare: Prepare, in_process: bool = False, owner: int = 0) -> None:
    """Import the extractor and warm its data files, once per process. `owner`: the ingesting
    process; a worker whose owner is gone (killed with -9, so it could not stop its pool) exits."""
    global _extract, _extract_name, _prepare
    _prepare = prepare
    if owner and not in_process:
        threading.Thread(target=_exit_with, args=(owner,), name="kg-owner-watch", daemon=True).start()
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


def _exit_with(owner: int) -> None:
    # the owner may linger as a zombie until its own parent reaps it; its fork server, our parent,
    # ends at once, and being handed to another parent says the same
    parent = os.getppid()
    while True:
        time.sleep(_WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(0)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)  # nobody will read this worker's results: no cleanup is owed
        except PermissionError:
            pass  # the pid exists (taken by another user's process after ours died is unlikely)


def work(task: Task, data: bytes | None = None) -> Outcome:
    """Read, extract and prepare one file: ("ok", Extracted) or ("error", reason). Never raises.
    `data`: the file's bytes, read by the process that sent the task (a worker on another machine)."""
    assert _extract is not None and _prepare is not None
    try:  # the absolute path: workers keep their own working directory
        if data is None:
            text, info = read_document(task.path, task.encoding, max_bytes=task.max_bytes)
        else:
            text, info = parse_bytes(data, task.path, task.encoding)
    except InputError as exc:
        return "error", exc.problem
    except Exception as exc:  # a reader bug must cost one file, not the run
        log.debug("reading %s failed", task.shown, exc_info=True)  # the reason goes to the summary
        return "error", f"could not be read ({type(exc).__name__}: {exc})"
    if task.sha256 and info.sha256 != task.sha256:  # rewritten between the run's look and this read
        return "error", "changed while it was being ingested (is it still being written?); run again"
    info.id, info.paths, info.extractor = task.doc_id, [task.path], stamp(_extract_name)
    try:
        extraction = _extract(text, info)
    except Exception as exc:
        log.debug("extracting %s failed", task.shown, exc_info=True)
        return "error", f"extraction failed ({type(exc).__name__}: {exc})"
    extraction.document = info
    try:
        prepared = _prepare(extraction)
    except Exception as exc:  # an extraction the store cannot take (e.g. a relation to nowhere)
        log.debug("preparing %s failed", task.shown, exc_info=True)
        return "error", f"could not be stored ({type(exc).__name__}: {exc})"
    return "ok", Extracted(prepared, info.encoding)
