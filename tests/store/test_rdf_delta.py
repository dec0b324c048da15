"""The RDF store updated by each change (kg.store.rdf_delta) holds exactly what a rebuild from the
graph holds, whatever the sequence of reports added, changed and removed."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings

from kg import query
from kg.store import Store
from kg.store.builders import build_rdf
from tests.store.deltas import FIRST, STEPS, assert_every_update_equals_a_rebuild, current
from tests.store.sample import varied_report

ROOT = Path(__file__).resolve().parents[2]


def _quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


def _rebuilt(store: Store, scratch: Path) -> set[ox.Quad]:
    dest = Path(tempfile.mkdtemp(dir=scratch))
    build_rdf(store.graph(), dest)
    return _quads(ox.Store.read_only(str(dest / "oxigraph")))


def _current(store: Store) -> Path:
    return current(store, "rdf")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=FIRST, steps=STEPS)
def test_every_update_equals_a_rebuild(first: list[int], steps: list[tuple[int, int | None]]) -> None:
    assert_every_update_equals_a_rebuild(first, steps, "rdf", lambda store: _quads(store.derived.rdf()), _rebuilt)


def test_a_new_report_is_queryable_through_an_update(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        store.put(varied_report("a.txt", 1))
        assert query.sparql(store, "ASK { ?d kg:reportId 'b.txt' }").rows == [[False]]
        store.put(varied_report("b.txt", 2))
        assert query.sparql(store, "ASK { ?d kg:reportId 'b.txt' }").rows == [[True]]
        assert (_current(store) / "complete").read_text().startswith("updated from rdf-")
        store.remove("b.txt")
        assert query.sparql(store, "ASK { ?d kg:reportId 'b.txt' }").rows == [[False]]


# a writer that dies by SIGKILL in the middle of an update: after the first half of its edits is in
# the copy (the relations replaced, their shared nodes not yet settled)
_DIE_MID_UPDATE = """
import os, signal, sys
from kg.store import Store, rdf_delta
from tests.store.deltas import FIRST, STEPS, assert_every_update_equals_a_rebuild, current
from tests.store.sample import varied_report
applied = rdf_delta._Edit.apply
def apply(self, store):
    applied(self, store)
    os.kill(os.getpid(), signal.SIGKILL)
rdf_delta._Edit.apply = apply
with Store.open(sys.argv[1]) as store:
    store.put(varied_report("late.txt", 99))
    store.derived.rdf()
"""


def test_a_writer_killed_mid_update_leaves_the_old_state_and_the_next_query_repairs_it(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store.open(path) as store:
        for seed in range(3):
            store.put(varied_report(f"r{seed}.txt", seed))
        store.refresh()
        before = _quads(store.derived.rdf())
    killed = subprocess.run([sys.executable, "-c", _DIE_MID_UPDATE, str(path)], cwd=ROOT, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert [p.name for p in (path / "derived").iterdir() if p.name.startswith(".build-rdf")]  # it died mid-way
    with Store.open(path) as store:
        assert store.document("late.txt") is not None  # the report was stored before the update began
        got = _quads(store.derived.rdf())
        assert got != before and got == _rebuilt(store, tmp_path)
        assert (_current(store) / "complete").read_text().startswith("updated from ")
        assert not [p.name for p in (path / "derived").iterdir() if p.name.startswith(".build-")]


def test_a_failed_update_is_logged_and_the_store_built_whole(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with Store.open(tmp_path / "s") as store:
        store.put(varied_report("a.txt", 1))
        store.refresh()
        (_current(store) / "succession.json").write_text("{", encoding="utf-8")  # what the update starts from
        store.put(varied_report("b.txt", 2))
        with caplog.at_level(logging.WARNING, logger="kg.store.derived"):
            got = _quads(store.derived.rdf())
        assert "updating the rdf store failed" in caplog.text
        assert not (_current(store) / "complete").read_text().startswith("updated from ")
        assert got == _rebuilt(store, tmp_path)
