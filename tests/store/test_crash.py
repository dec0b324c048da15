"""kill -9 at any moment leaves a store that opens and holds only whole reports, one put per
transaction or in batches (library level; the `kg ingest` version of this test belongs to the
ingestion tests)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import Store
from tests.store.sample import canonical, synthetic

ROOT = Path(__file__).resolve().parents[2]
N = 60
PEOPLE = 40

_WRITER = """
import contextlib, sys
from kg.store import Store
from tests.store.sample import synthetic
path, n, people, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with Store.open(path) as s, s.batch(size=size, seconds=3600) if size else contextlib.nullcontext():
    for i in range(n):
        ex = synthetic(i, people=people)
        if s.document_status(ex.document.id, ex.document.sha256) == "unchanged":
            continue
        s.put(ex)
        print(i, flush=True)
"""


def _reference(path: Path, indices: list[int]) -> list[str]:
    with Store.open(path) as s:
        for i in indices:
            s.put(synthetic(i, people=PEOPLE))
        return canonical(s.graph())


def _write(path: Path, kill_after: int | None, rnd: random.Random, batch: int = 0) -> int:
    """Run the writer (`batch` puts per transaction, 0: one); SIGKILL it a few ms after its
    `kill_after`-th report. Returns its exit code."""
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(N), str(PEOPLE), str(batch)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        if kill_after is not None:
            for _ in range(kill_after):
                if not proc.stdout.readline():
                    break
            time.sleep(rnd.uniform(0, 0.01))  # land inside the next put's transaction, most times
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode


@pytest.mark.slow
@pytest.mark.parametrize("batch", [0, 4])
def test_kill_9_during_puts_keeps_only_whole_reports_and_a_rerun_completes(tmp_path: Path, batch: int) -> None:
    rnd = random.Random(7)
    path = tmp_path / "crashed"
    kept = 0
    for kill_after in (2, 13, 29):
        code = _write(path, kill_after, rnd, batch)
        assert code == -signal.SIGKILL
        with Store.open(path) as s:  # opens, and is writable again (the lock died with the writer)
            stored = sorted(int(d.id[6:11]) for d in s.documents())
            graph = canonical(s.graph())
        assert stored == list(range(len(stored)))
        if batch:  # whole groups only: the uncommitted one is lost, the committed ones are kept
            assert (len(stored) - kept) % batch == 0 and len(stored) >= kept + (kill_after // batch) * batch
        else:
            assert len(stored) >= kept + kill_after
        kept = len(stored)
        # exactly the graph of the reports it says it holds: no report is half there
        assert graph == _reference(tmp_path / f"ref-{kill_after}", stored)
    assert _write(path, None, rnd, batch) == 0
    with Store.open(path) as s:
        assert len(s.documents()) == N
        final = canonical(s.graph())
    assert final == _reference(tmp_path / "uninterrupted", list(range(N)))
