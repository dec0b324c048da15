"""Extraction on a Dask cluster: `kg ingest --engine dask [--scheduler ADDRESS]`.

Extraction is a pure function of one report, so it maps onto any pool of workers; the store
keeps one writer, this process, which applies the results in the order the files were found
(kg.ingest's loop, unchanged). The main process reads each file and ships its bytes, so the
workers need kg installed but no access to the analyst's disk, and the planned content
(sha256) is what they read.

Without a scheduler address a LocalCluster of `jobs` single-threaded worker processes is
started for the run and closed after it. With one, the run uses that cluster as it is (workers
started with `dask worker ADDRESS --nthreads 1`: extraction is pure Python, threads only
contend for the GIL). A runaway file (--file-timeout, on by default only for a cluster of our
own) restarts our cluster's workers, which Dask offers only for all of them at once; on a
user's cluster it fails the file and leaves its worker to finish.
"""

from __future__ import annotations

import logging
from typing import Any

from kg.errors import InputError, KgError
from kg.ingest_workers import CRASHED, Outcome, Prepare, Task, init_worker, work
from kg.sources import read_bytes

log = logging.getLogger(__name__)

_CONNECT_SECONDS = 10.0


def dask_task(task: Task, data: bytes, extractor: str, prepare: Prepare) -> Outcome:
    """Runs on a Dask worker: the extractor is loaded once per worker process, then kept."""
    init_worker(extractor, prepare, in_process=True)  # a worker thread may not set signal handlers
    return work(task, data)


class _Done:
    """A finished Future-like, for a file that failed before it could be shipped."""

    def __init__(self, value: Outcome) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> Outcome:
        return self.value


class _Shipped:
    """A Dask future whose failure is the file's failure, never the run's: a worker that died on
    it (again and again: Dask retries on other workers first) or that could not run the task."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def done(self) -> bool:
        return bool(self.future.done())

    def result(self, timeout: float | None = None) -> Outcome:
        try:
            return self.future.result(timeout=timeout)
        except TimeoutError:
            raise
        except Exception as exc:
            if type(exc).__name__ == "KilledWorker":
                return "error", CRASHED
            return "error", f"the Dask worker failed ({type(exc).__name__}: {exc})"


class DaskWorkers:
    """kg.ingest_workers.Workers' interface (submit, stop, jobs) over a Dask client."""

    def __init__(self, jobs: int, extractor: str, prepare: Prepare, scheduler: str | None = None) -> None:
        self.extractor, self.prepare, self.scheduler = extractor, prepare, scheduler
        self._cluster: Any = None
        self._client: Any = None
        self._futures: list[Any] = []
        self._start(jobs)
        # the loop sizes its window by this: as many files in flight as the cluster has threads
        self.jobs = max(1, sum(self._client.nthreads().values()))

    def _start(self, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise KgError("--engine dask needs Dask: pip install 'kg[dask]'") from None
        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=_CONNECT_SECONDS, set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise KgError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc})") from None
            if not self._client.nthreads():
                self._client.close()
                raise KgError(f"the Dask scheduler at {self.scheduler} has no workers")
            log.info("Dask scheduler %s: %d workers", self.scheduler, len(self._client.nthreads()))
            return
        self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                     dashboard_address=":0", silence_logs=logging.WARNING)
        self._client = Client(self._cluster, set_as_default=False)
        log.info("Dask LocalCluster: %d workers", jobs)

    def submit(self, task: Task) -> Any:
        try:
            data = read_bytes(task.path, task.max_bytes)
        except InputError as exc:
            return _Done(("error", exc.problem))
        # pure=False: the same bytes submitted again (a retry) must run again, not hit a cache
        future = self._client.submit(dask_task, task, data, self.extractor, self.prepare, pure=False)
        self._futures = [f for f in self._futures if not f.done()] + [future]
        return _Shipped(future)

    def stop(self, kill: bool) -> None:
        """`kill`: drop the work in flight; a cluster of our own also has its workers restarted,
        since a runaway never ends by itself (a user's cluster is left running: a runaway there
        keeps its worker until it ends)."""
        if not kill or self._client is None:
            return
        self._client.cancel(self._futures)
        self._futures = []
        if self._cluster is not None:
            self._client.restart(wait_for_workers=False)

    def close(self) -> None:
        """The run is over: close the client, and the cluster if it is ours."""
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
