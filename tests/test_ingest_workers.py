"""kg.ingest_workers: one file read, extracted and prepared, in this process or in a pool."""

from __future__ import annotations

import os
from pathlib import Path

import psutil
import pytest

from kg.extract import extract
from kg.extract.fingerprint import fingerprint
from kg.ingest_workers import Extracted, Task, Workers, init_worker, work
from kg.model import DocumentInfo, Extraction
from kg.sources import MAX_BYTES, read_document
from kg.store import Store
from tests.fixtures.make_fixtures import NEWS, encode_tcvn3

EXTRACTOR = "kg.extract:extract"


def raising_prepare(extraction: Extraction) -> object:
    raise ValueError("no room for it")


def _workers_alive() -> list[psutil.Process]:
    """Worker processes still running: children of the fork server (itself a child of this
    process, and kept for later pools)."""
    return [
        worker
        for server in psutil.Process(os.getpid()).children()
        for worker in server.children()
        if worker.is_running() and worker.status() != psutil.STATUS_ZOMBIE
    ]


def _task(path: Path, doc_id: str = "r.txt", encoding: str | None = None) -> Task:
    return Task(str(path), str(path), doc_id, encoding, MAX_BYTES)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "old.txt"
    path.write_bytes(encode_tcvn3(NEWS))
    return path


def test_a_file_comes_back_as_the_rows_the_store_would_make(report: Path) -> None:
    init_worker(EXTRACTOR, Store.prepare, in_process=True)
    kind, value = work(_task(report, "given-id.txt"))
    assert kind == "ok" and isinstance(value, Extracted)
    text, info = read_document(str(report), None)
    info.id, info.paths, info.extractor = "given-id.txt", [str(report)], fingerprint()
    expected = extract(text, info)
    expected.document = info
    assert value.prepared == Store.prepare(expected)
    assert value.encoding == "tcvn3"


def test_each_failure_is_an_outcome_never_an_exception(report: Path, tmp_path: Path) -> None:
    init_worker(EXTRACTOR, Store.prepare, in_process=True)
    assert work(_task(tmp_path / "missing.txt")) == ("error", "no such file or directory")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert work(_task(tmp_path / "empty.txt"))[0] == "error"
    init_worker(EXTRACTOR, raising_prepare, in_process=True)
    assert work(_task(report)) == ("error", "could not be stored (ValueError: no room for it)")


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_pool_gives_what_this_process_gives_and_leaves_no_process(report: Path, jobs: int) -> None:
    init_worker(EXTRACTOR, Store.prepare, in_process=True)
    here = work(_task(report))
    workers = Workers(jobs, EXTRACTOR, Store.prepare)
    try:
        futures = [workers.submit(_task(report)) for _ in range(3)]
        assert [f.result(timeout=60) for f in futures] == [here] * 3
    finally:
        workers.stop(kill=False)
    assert _workers_alive() == []


def test_stopping_at_once_drops_work_in_flight(report: Path) -> None:
    workers = Workers(2, EXTRACTOR, Store.prepare)
    # (many more tasks than two workers finish while the first result comes back: a fast machine ran
    # 40 to the end once)
    futures = [workers.submit(_task(report)) for _ in range(400)]
    futures[0].result(timeout=60)
    workers.stop(kill=True)
    assert sum(f.cancelled() or f.exception() is not None for f in futures) > 200  # not run to the end
    assert _workers_alive() == []


def test_the_warm_up_survives_an_extractor_that_rejects_it(report: Path) -> None:
    init_worker("tests.test_ingest_workers:picky_extract", Store.prepare, in_process=True)
    assert work(_task(report))[0] == "ok"


def picky_extract(text: str, info: DocumentInfo) -> Extraction:
    if info.id == "warm-up":
        raise RuntimeError("not a real report")
    return extract(text, info)
