"""kg.watch: real files written into a real folder while the watcher runs in a thread."""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.query import cypher, sparql
from kg.store import Store
from kg.watch import WatchEvent, watch

TEXTS = [
    "Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An.",
    "Chiều 5/6/2024, Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng tiếp đoàn công tác của Bộ Tài chính.",
    "Ngày 7/8/2024, Chủ tịch UBND tỉnh Quảng Bình Trần Thắng chủ trì hội nghị sơ kết.",
]
DEADLINE = 5.0  # the bound from a file standing still for --settle to its report in the store


class Watcher:
    def __init__(self, folder: Path, store: Path, **options: object) -> None:
        self.events: queue.Queue[WatchEvent] = queue.Queue()
        self.stop, self.ready = threading.Event(), threading.Event()
        self.error: BaseException | None = None
        self.summary = None

        def run() -> None:
            try:
                self.summary = watch(folder, store, on_event=self.events.put, stop=self.stop,
                                     ready=self.ready.set, **options)  # type: ignore[arg-type]
            except BaseException as exc:  # surfaced by the test that waits
                self.error = exc
                self.ready.set()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert self.ready.wait(30), "the watcher never became ready"
        assert self.error is None, self.error

    def next(self, timeout: float = 15.0) -> WatchEvent:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout} s (error: {self.error})") from None

    def quiet(self, seconds: float) -> list[WatchEvent]:
        time.sleep(seconds)
        return [self.events.get_nowait() for _ in range(self.events.qsize())]

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    return tmp_path / "in"


@pytest.fixture
def watcher(folder: Path, tmp_path: Path) -> Iterator[Watcher]:
    w = Watcher(folder, tmp_path / "kg", settle=0.5, remove_missing=True)
    yield w
    w.close()


def people(store_dir: Path) -> set[str]:
    with Store.open(store_dir, create=False) as store:
        return {e.name for e in store.graph(evidence=False).entities.values() if e.type == "Person"}


def test_reports_already_in_the_folder_are_ingested_first(folder: Path, tmp_path: Path) -> None:
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    w = Watcher(folder, tmp_path / "kg", settle=0.5)
    try:
        event = w.next()
        assert (event.path, event.outcome) == (str(folder / "a.txt"), "new")
        assert event.entities > 0 and event.relations > 0
        assert "Đào Hồng Lan" in people(tmp_path / "kg")
    finally:
        w.close()
    assert w.summary is not None and w.summary.outcomes == {"new": 1}


def test_a_report_copied_in_is_queryable_within_seconds(watcher: Watcher, folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    written = time.monotonic()
    event = watcher.next()
    assert (event.path, event.outcome) == (str(folder / "b.txt"), "new")
    with Store.open(tmp_path / "kg", create=False) as store:
        rows = cypher(store, "MATCH (p:Person) RETURN p.name").rows
        names = sparql(store, "SELECT ?n WHERE { ?p a foaf:Person ; skos:prefLabel ?n }").rows
    assert time.monotonic() - written < 0.5 + DEADLINE
    assert ["Hoàng Trung Dũng"] in rows and ["Hoàng Trung Dũng"] in names


def test_a_file_still_being_written_is_read_once_whole(folder: Path, tmp_path: Path) -> None:
    w = Watcher(folder, tmp_path / "kg", settle=1.0)
    text = "\n".join(TEXTS).encode("utf-8")
    try:
        with open(folder / "slow.txt", "wb") as out:  # a slow copy: a piece every 0.4 s, under --settle
            for i in range(0, len(text), 60):
                out.write(text[i:i + 60])
                out.flush()
                time.sleep(0.4)
        event = w.next()
        assert event.outcome == "new"
        assert w.quiet(2.0) == []  # read once, not once per piece
        with Store.open(tmp_path / "kg", create=False) as store:
            assert [d.sha256 for d in store.documents()] == [hashlib.sha256(text).hexdigest()]
    finally:
        w.close()


def test_a_changed_report_is_read_again_and_a_deleted_one_leaves(watcher: Watcher, folder: Path,
                                                                  tmp_path: Path) -> None:
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert watcher.next().outcome == "new"
    (folder / "a.txt").write_text(TEXTS[2], encoding="utf-8")
    assert watcher.next().outcome == "updated"
    assert "Trần Thắng" in people(tmp_path / "kg") and "Đào Hồng Lan" not in people(tmp_path / "kg")
    (folder / "a.txt").unlink()
    event = watcher.next()
    assert (event.path, event.outcome, event.entities) == (str(folder / "a.txt"), "removed", 0)
    with Store.open(tmp_path / "kg", create=False) as store:
        assert store.documents() == []


def test_without_remove_missing_a_deleted_report_stays_and_says_so(folder: Path, tmp_path: Path) -> None:
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    w = Watcher(folder, tmp_path / "kg", settle=0.5)
    try:
        assert w.next().outcome == "new"
        (folder / "a.txt").unlink()
        event = w.next()
        assert event.outcome == "deleted" and "--remove-missing" in event.reason
        assert "Đào Hồng Lan" in people(tmp_path / "kg")
    finally:
        w.close()


def test_a_folder_copied_in_is_read_whole(watcher: Watcher, folder: Path, tmp_path: Path) -> None:
    src = tmp_path / "batch"
    (src / "deeper").mkdir(parents=True)
    for i, text in enumerate(TEXTS):
        (src / ("deeper" if i else "") / f"r{i}.txt").write_text(text, encoding="utf-8")
    shutil.copytree(src, folder / "batch")
    outcomes = sorted((Path(watcher.next().path).name, "new") for _ in TEXTS)
    assert outcomes == [("r0.txt", "new"), ("r1.txt", "new"), ("r2.txt", "new")]
    assert {"Đào Hồng Lan", "Hoàng Trung Dũng", "Trần Thắng"} <= people(tmp_path / "kg")


def test_a_bad_file_fails_with_its_reason_and_the_watch_goes_on(watcher: Watcher, folder: Path,
                                                                 tmp_path: Path) -> None:
    (folder / "broken.docx").write_bytes(b"not a zip")
    event = watcher.next()
    assert (event.outcome, Path(event.path).name) == ("failed", "broken.docx") and "Word" in event.reason
    (folder / "ok.txt").write_text(TEXTS[0], encoding="utf-8")
    assert watcher.next().outcome == "new"
    (folder / ".hidden.txt").write_text(TEXTS[1], encoding="utf-8")
    (folder / "notes.xyz").write_text(TEXTS[1], encoding="utf-8")
    assert watcher.quiet(1.5) == []  # hidden files and other types are not reports


def test_the_lock_is_held_per_batch_so_kg_ingest_can_run_while_it_watches(watcher: Watcher, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text(TEXTS[2], encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg", "ingest", str(other), "--store", str(tmp_path / "kg")],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.returncode == 0, done.stderr
    assert "Trần Thắng" in people(tmp_path / "kg")


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        watch(tmp_path / "nowhere", tmp_path / "kg", stop=threading.Event())
