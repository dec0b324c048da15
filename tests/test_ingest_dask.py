"""kg.ingest_dask: the extraction map on a real Dask cluster (LocalCluster, 2 worker processes)
gives the same store as one process; a scheduler's address from the CLI; clear errors."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.ingest import ingest
from kg.store import Store
from tests.fixtures.make_fixtures import build

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def fixture_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("fixtures")
    return root, build(root)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def _records(store_dir: Path) -> tuple[list[str], list[tuple]]:
    with Store.open(store_dir, create=False) as store:
        records = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in store.graph().records())
        docs = sorted((d.id, d.sha256, tuple(sorted(d.paths))) for d in store.documents())
    return records, docs


def _run(root: Path, store_dir: Path, **options: object) -> tuple[list[str], list[tuple], list[tuple[str, str]]]:
    with Store.open(store_dir) as store:
        summary = ingest([root / "good", root / "bad"], store, **options)
    errors = sorted((os.path.relpath(e.path, root), e.reason) for e in summary.errors)
    return (*_records(store_dir), errors)


def test_a_local_dask_cluster_makes_the_same_store_as_one_process(fixture_set: tuple[Path, list],
                                                                    tmp_path: Path) -> None:
    root, _ = fixture_set
    serial = _run(root, tmp_path / "serial", jobs=1)
    on_dask = _run(root, tmp_path / "dask", jobs=2, engine="dask")
    assert on_dask == serial
    assert serial[1] and serial[2]  # reports stored, and bad files failed with their reasons


def test_the_cli_sends_files_to_a_running_scheduler(fixture_set: tuple[Path, list], cluster: object,
                                                     tmp_path: Path) -> None:
    root, _ = fixture_set
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    serial = _run(root, tmp_path / "serial", jobs=1)
    result = CliRunner().invoke(app, ["ingest", str(root / "good"), str(root / "bad"), "--store",
                                      str(tmp_path / "dask"), "--engine", "dask", "--scheduler", address,
                                      "--format", "json"])
    assert result.exit_code == 1, result.output  # the bad files fail, the run goes on
    assert _records(tmp_path / "dask") == serial[:2]
    # the cluster is the user's: the run leaves it running, for the next
    client = distributed.Client(address, set_as_default=False)
    try:
        assert len(client.nthreads()) == 2
    finally:
        client.close()


def test_a_scheduler_that_does_not_answer_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Store.open(tmp_path / "kg") as store, pytest.raises(KgError, match=f"cannot reach the Dask scheduler at "
                                                                             f"tcp://127.0.0.1:{port}"):
        ingest([tmp_path], store, engine="dask", scheduler=f"tcp://127.0.0.1:{port}")
    with Store.open(tmp_path / "kg") as store:
        assert store.documents() == []


def test_engine_choices_are_checked(tmp_path: Path) -> None:
    with Store.open(tmp_path / "kg") as store:
        with pytest.raises(KgError, match="unknown engine 'spark' \\(choose processes, dask\\)"):
            ingest([tmp_path], store, engine="spark")
        with pytest.raises(KgError, match="needs --engine dask"):
            ingest([tmp_path], store, scheduler="tcp://127.0.0.1:8786")


def test_a_file_that_kills_its_dask_worker_fails_alone(tmp_path: Path) -> None:
    from tests.test_ingest import ContractStore, _with_marker

    src = _with_marker(tmp_path, "CRASH-ME", at=2, count=5)
    store = ContractStore()
    summary = ingest([src], store, jobs=2, engine="dask", extractor="tests.test_ingest:crashing_extract")
    assert summary.new == 4  # Dask tried it on fresh workers before giving up on it
    assert [(Path(e.path).name, e.reason) for e in summary.errors] == [
        ("report-00002.txt", "the worker process died while reading it (crash or out of memory)")
    ]
