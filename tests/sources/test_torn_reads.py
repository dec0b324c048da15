"""A file rewritten while kg reads it is read whole or reported, never stored half-read."""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import ingest
from kg.sources import read_bytes
from kg.store import Store

# two complete versions of a report; the writer below rewrites the file in two steps with a pause
A = ("Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An. " * 40).encode()
B = ("Chiều 5/6/2024, Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng tiếp đoàn công tác. " * 50).encode()


def _rewrite(path: str, seconds: float) -> None:
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for version in (A, B):
            with open(path, "wb") as handle:
                handle.write(version[:1024])
                handle.flush()
                time.sleep(0.03)  # half-written, as a copy in progress leaves it
                handle.write(version[1024:])
            time.sleep(0.03)


@pytest.fixture
def racing(tmp_path: Path):
    path = tmp_path / "in" / "report.txt"
    path.parent.mkdir()
    path.write_bytes(A)
    writer = multiprocessing.get_context("spawn").Process(target=_rewrite, args=(str(path), 6.0))
    first = path.stat().st_mtime_ns
    writer.start()
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == first and time.monotonic() < deadline:  # the writer is at work
        time.sleep(0.01)
    yield path
    writer.terminate()
    writer.join()


def test_a_file_being_rewritten_is_read_whole_or_refused(racing: Path) -> None:
    outcomes = {"whole": 0, "refused": 0}
    for _ in range(20):
        time.sleep(0.013)
        try:
            data = read_bytes(racing)
        except InputError as exc:
            assert "changed while it was being read" in exc.problem
            outcomes["refused"] += 1
            continue
        assert data in (A, B), f"a torn read: {len(data)} bytes"
        outcomes["whole"] += 1
    assert sum(outcomes.values()) == 20


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_never_stores_a_torn_report(racing: Path, tmp_path: Path, jobs: int) -> None:
    whole = {hashlib.sha256(v).hexdigest() for v in (A, B)}
    for run in range(4):
        with Store.open(tmp_path / f"store{jobs}{run}") as store:
            summary = ingest([racing.parent], store, jobs=jobs)
            stored = {d.sha256 for d in store.documents()}
        assert stored <= whole
        if not stored:  # refused: said so, in one line
            assert summary.failed == 1 and "changed while" in summary.errors[0].reason


def test_a_file_written_a_moment_ago_is_read_once_it_is_still(tmp_path: Path) -> None:
    path = tmp_path / "fresh.txt"
    path.write_bytes(A)
    started = time.monotonic()
    assert read_bytes(path) == A
    assert time.monotonic() - started < 1.0  # one settle pause at most, not a stall
