"""kg.ingest: outcomes per file, bad files, duplicates, parallel = serial, cancel, crashes.

The orchestration tests use a small in-memory store that follows the store contract, so each
outcome can be checked call by call; the integration tests at the end use the real Store.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import KgError, StoreError
from kg.extract import extract
from kg.extract import fingerprint as fp
from kg.extract.fingerprint import fingerprint
from kg.ingest import FileError, IngestSummary, Progress, ingest
from kg.model import DocumentInfo, Extraction, Relation
from kg.store import Store
from tests.fixtures.make_fixtures import NEWS, OFFICIAL, as_unprivileged, build, encode_tcvn3
from tests.fixtures.synthetic import write_synthetic
from tests.processes import assert_group_gone, wait_for_reports


class ContractStore:
    """The store contract in memory: enough to watch what the ingester asks for."""

    def __init__(self, reject: str = "", fail_hard: str = "") -> None:
        self.docs: dict[str, DocumentInfo] = {}
        self.extractions: dict[str, Extraction] = {}
        self.errors: list[tuple[str, str]] = []
        self.calls: list[tuple[str, str]] = []
        self.reject, self.fail_hard = reject, fail_hard

    def documents(self) -> list[DocumentInfo]:
        return [copy.deepcopy(d) for d in self.docs.values()]

    def document_status(self, doc_id: str, sha256: str) -> str:
        if doc_id not in self.docs:
            return "new"
        return "unchanged" if self.docs[doc_id].sha256 == sha256 else "changed"

    def add_path(self, doc_id: str, path: str) -> list[str]:
        if doc_id not in self.docs:
            raise StoreError(f"no report {doc_id!r}")
        self.calls.append(("add_path", doc_id))
        return self._claim(doc_id, [path])

    def _claim(self, doc_id: str, paths: list[str]) -> list[str]:
        """A path holds one report: it moves; a report left in no file goes."""
        for other in self.docs.values():
            if other.id != doc_id:
                other.paths = [p for p in other.paths if p not in paths]
        mine = self.docs[doc_id].paths
        mine += [p for p in paths if p not in mine]
        return self._drop_fileless()

    def _drop_fileless(self) -> list[str]:
        gone = [d for d, info in self.docs.items() if not info.paths]
        for d in gone:
            del self.docs[d]
        return gone

    def drop_paths(self, paths: list[str]) -> list[str]:
        for info in self.docs.values():
            info.paths = [p for p in info.paths if p not in paths]
        return self._drop_fileless()

    def lock(self, wait: float | None = 0.0) -> None:
        self.calls.append(("lock", ""))

    @contextlib.contextmanager
    def batch(self) -> Iterator[ContractStore]:
        self.calls.append(("batch", ""))
        yield self
        self.calls.append(("commit", ""))

    def commit_if_due(self) -> None:
        pass

    @staticmethod
    def prepare(extraction: Extraction) -> Extraction:
        """The rows a real store would make; here the extraction itself (it pickles too)."""
        return extraction

    def put_prepared(self, extraction: Extraction) -> object:
        doc_id = extraction.document.id
        if self.fail_hard and self.fail_hard in doc_id:
            raise StoreError("disk full")
        if self.reject and self.reject in doc_id:
            raise ValueError("relation to nowhere")
        self.calls.append(("put", doc_id))
        kept = self.docs[doc_id].paths if doc_id in self.docs else []
        self.docs[doc_id] = copy.deepcopy(extraction.document)
        claimed = self.docs[doc_id].paths
        self.docs[doc_id].paths = list(kept)
        removed = self._claim(doc_id, claimed)
        self.extractions[doc_id] = extraction
        return type("PutResult", (), {"entities_added": len(extraction.entities), "relations_added": 1,
                                      "removed": removed})()

    def record_error(self, path: str, reason: str) -> None:
        self.errors.append((path, reason))

    def totals(self) -> tuple[int, int]:
        return (sum(len(x.entities) for x in self.extractions.values()),
                sum(len(x.relations) for x in self.extractions.values()))


def sha8(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(OFFICIAL, encoding="utf-8")
    (src / "b.txt").write_text(NEWS, encoding="utf-8")
    (src / "copy.txt").write_text(OFFICIAL, encoding="utf-8")  # same content as a.txt
    (src / "sub" / "a.txt").write_text(NEWS + "Thêm một dòng.\n", encoding="utf-8")  # same name as a.txt
    return src


def counts(s: IngestSummary) -> tuple[int, ...]:
    return (s.new, s.unchanged, s.updated, s.duplicate, s.failed)


def test_new_then_unchanged_then_updated(folder: Path) -> None:
    store = ContractStore()
    first = ingest([folder], store, jobs=1)
    assert counts(first) == (3, 0, 0, 1, 0)
    assert sorted(store.docs) == sorted(["a.txt", "b.txt", f"a.txt~{sha8(folder / 'sub' / 'a.txt')}"])
    assert store.docs["a.txt"].paths == [str(folder / "a.txt"), str(folder / "copy.txt")]
    assert first.entities_added == sum(len(x.entities) for x in store.extractions.values())

    again = ingest([folder], store, jobs=1)
    assert counts(again) == (0, 4, 0, 0, 0)
    assert [c for c in store.calls if c[0] == "put"] == [
        ("put", d) for d in ["a.txt", "b.txt", f"a.txt~{sha8(folder / 'sub' / 'a.txt')}"]
    ]

    (folder / "b.txt").write_text(NEWS.replace("Bắc Ninh", "Bắc Giang"), encoding="utf-8")
    changed = ingest([folder], store, jobs=1)
    assert counts(changed) == (0, 3, 1, 0, 0)
    assert [c for c in store.calls if c[0] == "put"][-1] == ("put", "b.txt")
    assert "Bắc Giang" in store.extractions["b.txt"].text


def test_the_run_takes_the_lock_first_and_writes_in_one_batch(folder: Path) -> None:
    store = ContractStore()
    ingest([folder], store, jobs=1)
    kinds = [c[0] for c in store.calls]
    assert kinds[0] == "lock"
    assert kinds[1] == "batch" and kinds[-1] == "commit" and kinds.count("batch") == 1
    assert set(kinds[2:-1]) == {"put", "add_path"}


def test_ids_do_not_depend_on_the_working_directory(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ContractStore()
    monkeypatch.chdir(folder)
    ingest(["a.txt"], store, jobs=1)
    monkeypatch.chdir(folder.parent)
    assert counts(ingest([os.path.join("in", "a.txt")], store, jobs=1)) == (0, 1, 0, 0, 0)
    assert store.docs["a.txt"].paths == [str(folder / "a.txt")]


@pytest.fixture(scope="module")
def fixture_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("fixtures")
    return root, build(root)


def test_bad_files_never_stop_the_run(fixture_set: tuple[Path, list]) -> None:
    root, manifest = fixture_set
    store = ContractStore()
    summary = ingest([root / "good", root / "bad"], store, jobs=2)
    readable_as_root = {e.path for e in manifest if e.needs_non_root and os.geteuid() == 0}
    expected_failures = {e.path for e in manifest if not e.ok and e.in_walk} - readable_as_root
    failed = {os.path.relpath(e.path, root) for e in summary.errors}
    assert failed == expected_failures
    assert summary.failed == len(expected_failures)
    assert store.errors == [(e.path, e.reason) for e in summary.errors]  # errors.jsonl, line for line
    good = [e for e in manifest if e.ok and e.path != "good/sub/copy-of-official.txt"]
    stored = {os.path.relpath(p, root) for d in store.docs.values() for p in d.paths}
    assert {e.path for e in good} <= stored
    assert summary.new == len(good) + len(readable_as_root) and summary.duplicate == 1
    assert summary.skipped == 2  # good/notes.xyz, bad/report.rtf


def test_parallel_run_stores_exactly_what_a_serial_run_stores(fixture_set: tuple[Path, list]) -> None:
    root, _ = fixture_set
    stores = {}
    for jobs in (1, 2):
        stores[jobs] = ContractStore()
        summary = ingest([root / "good", root / "bad"], stores[jobs], jobs=jobs)
        assert summary.files > 30
    puts = {jobs: [c for c in store.calls if c[0] == "put"] for jobs, store in stores.items()}
    assert puts[1] == puts[2]  # reports written in the same order, whatever the timing
    serial = {k: v.to_dict() for k, v in stores[1].docs.items()}
    parallel = {k: v.to_dict() for k, v in stores[2].docs.items()}
    assert serial.keys() == parallel.keys()
    for doc_id, info in serial.items():  # field by field, so that a failure says which
        assert {f: v for f, v in info.items() if v != parallel[doc_id][f]} == {}, doc_id
    assert {k: v.to_jsonl() for k, v in stores[1].extractions.items()} == {
        k: v.to_jsonl() for k, v in stores[2].extractions.items()
    }
    assert stores[1].errors == stores[2].errors


def test_progress_reports_every_file_once_in_order(folder: Path) -> None:
    seen: list[Progress] = []
    summary = ingest([folder, folder / "missing.txt"], ContractStore(), jobs=1, progress=seen.append)
    assert seen[0] == Progress(0, 5)
    assert [p.done for p in seen[1:]] == [1, 2, 3, 4, 5]
    assert {p.total for p in seen} == {5}
    outcomes = [p.outcome for p in seen[1:]]
    assert outcomes.count("new") == summary.new == 3
    assert outcomes.count("failed") == 1 and outcomes.count("duplicate") == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_stops_at_the_next_file_keeping_what_finished(tmp_path: Path, jobs: int) -> None:
    write_synthetic(tmp_path / "in", 40)
    store = ContractStore()
    cancel = threading.Event()

    def stop_after_five(p: Progress) -> None:
        if p.done >= 5:
            cancel.set()

    summary = ingest([tmp_path / "in"], store, jobs=jobs, progress=stop_after_five, cancel=cancel)
    assert summary.interrupted
    assert summary.new == len(store.docs) == 5
    assert counts(ingest([tmp_path / "in"], store, jobs=jobs)) == (35, 5, 0, 0, 0)


def interrupting_extract(text: str, info: DocumentInfo) -> Extraction:
    if "STOP-HERE" in text:
        raise KeyboardInterrupt
    return extract(text, info)


def crashing_extract(text: str, info: DocumentInfo) -> Extraction:
    if "CRASH-ME" in text:
        os._exit(3)  # a worker dying hard, as on a segfault or the OOM killer
    return extract(text, info)


def raising_extract(text: str, info: DocumentInfo) -> Extraction:
    if "RAISE-ME" in text:
        raise ValueError("extractor bug")
    return extract(text, info)


def _with_marker(tmp_path: Path, marker: str, at: int, count: int = 8) -> Path:
    paths = write_synthetic(tmp_path / "in", count)
    paths[at].write_text(paths[at].read_text(encoding="utf-8") + marker + "\n", encoding="utf-8")
    return tmp_path / "in"


def test_ctrl_c_during_extraction_keeps_finished_reports(tmp_path: Path) -> None:
    src = _with_marker(tmp_path, "STOP-HERE", at=3)
    store = ContractStore()
    summary = ingest([src], store, jobs=1, extractor="tests.test_ingest:interrupting_extract")
    assert summary.interrupted and summary.new == 3 and len(store.docs) == 3


def test_a_worker_crash_costs_only_the_file_that_caused_it(tmp_path: Path) -> None:
    src = _with_marker(tmp_path, "CRASH-ME", at=2)
    store = ContractStore()
    summary = ingest([src], store, jobs=2, extractor="tests.test_ingest:crashing_extract")
    assert summary.new == 7
    assert [(Path(e.path).name, e.reason) for e in summary.errors] == [
        ("report-00002.txt", "the worker process died while reading it (crash or out of memory)")
    ]


def test_extractor_and_store_errors_cost_one_file_each(tmp_path: Path) -> None:
    src = _with_marker(tmp_path, "RAISE-ME", at=1)
    store = ContractStore(reject="report-00004")
    summary = ingest([src], store, jobs=2, extractor="tests.test_ingest:raising_extract")
    assert summary.new == 6
    assert [(Path(e.path).name, e.reason) for e in summary.errors] == [
        ("report-00001.txt", "extraction failed (ValueError: extractor bug)"),
        ("report-00004.txt", "could not be stored (ValueError: relation to nowhere)"),
    ]


def test_a_failing_store_stops_the_run(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "in", 6)
    with pytest.raises(StoreError, match="disk full"):
        ingest([tmp_path / "in"], ContractStore(fail_hard="report-00002"), jobs=2)


def test_copies_of_a_bad_file_each_fail(tmp_path: Path) -> None:
    junk = ("关于加强行政管理的报告。" * 40).encode("gb18030")
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_bytes(junk)
    summary = ingest([tmp_path], ContractStore(), jobs=1)
    assert [Path(e.path).name for e in summary.errors] == ["x.txt", "y.txt"]
    assert summary.failed == 2 and summary.all_failed


def test_encoding_override_rereads_a_stored_report(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(encode_tcvn3(NEWS))
    store = ContractStore()
    assert ingest([tmp_path], store, jobs=1).new == 1 and store.docs["old.txt"].encoding == "tcvn3"
    assert counts(ingest([tmp_path], store, jobs=1, encoding="TCVN3")) == (0, 1, 0, 0, 0)
    assert counts(ingest([tmp_path], store, jobs=1, encoding="vni")) == (0, 0, 1, 0, 0)
    assert store.docs["old.txt"].encoding == "vni"


def test_reports_an_older_extractor_stored_are_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ContractStore()
    ingest([folder], store, jobs=1)
    assert {d.extractor for d in store.docs.values()} == {fingerprint()}
    assert counts(ingest([folder], store, jobs=1)) == (0, 4, 0, 0, 0)

    monkeypatch.setattr(fp, "fingerprint", lambda: "kg next")  # kg or its data files changed
    again = ingest([folder], store, jobs=1)
    # each stored report once, from the path it was stored from; its copy stays a copy of it
    assert counts(again) == (0, 1, 3, 0, 0) and again.reextracted == 3
    assert {d.extractor for d in store.docs.values()} == {"kg next"}
    assert store.docs["a.txt"].paths == [str(folder / "a.txt"), str(folder / "copy.txt")]
    assert counts(ingest([folder], store, jobs=1)) == (0, 4, 0, 0, 0)


def test_the_store_keeps_which_extractor_stored_a_report(folder: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "kg-data") as store:
        ingest([folder / "b.txt"], store, jobs=1)
    with Store.open(tmp_path / "kg-data") as store:
        assert store.document("b.txt").extractor == fingerprint()
        assert ingest([folder / "b.txt"], store, jobs=1).unchanged == 1


def test_a_custom_extractor_is_recorded_by_name(folder: Path) -> None:
    store = ContractStore()
    ingest([folder / "b.txt"], store, jobs=1, extractor="kg.extract.pipeline:extract_document")
    assert store.docs["b.txt"].extractor == "kg.extract.pipeline:extract_document"
    assert ingest([folder / "b.txt"], store, jobs=1).reextracted == 1  # kg's own extractor now


def test_unreadable_file_is_one_failure(fixture_set: tuple[Path, list]) -> None:
    root, _ = fixture_set
    with as_unprivileged():  # root reads any file; permissions bind an ordinary user
        summary = ingest([root / "bad" / "unreadable.txt"], ContractStore(), jobs=1)
    assert [(Path(e.path).name, e.reason) for e in summary.errors] == [
        ("unreadable.txt", "permission denied (file is not readable)")
    ]


def test_bad_arguments_fail_before_anything_is_written(folder: Path) -> None:
    store = ContractStore()
    with pytest.raises(KgError, match="unknown encoding 'klingon'"):
        ingest([folder], store, encoding="klingon")
    with pytest.raises(KgError, match="at least 1"):
        ingest([folder], store, jobs=0)
    assert store.calls == [] and store.errors == []


# -- with the real Store ------------------------------------------------------------------------


def test_fixture_set_into_the_store(fixture_set: tuple[Path, list], tmp_path: Path) -> None:
    root, manifest = fixture_set
    with Store.open(tmp_path / "kg") as store:
        summary = ingest([root / "good", root / "bad"], store, jobs=2)
        docs = {d.id: d for d in store.documents()}
        again = ingest([root / "good", root / "bad"], store, jobs=2)
    good = {Path(e.path).name: e for e in manifest if e.ok and "copy-of" not in e.path}
    assert set(good) <= set(docs)
    for name, expect in good.items():
        assert (docs[name].encoding, docs[name].format, docs[name].date) == (
            expect.encoding,
            expect.format,
            expect.date,
        )
    assert sorted(docs["official-utf8.txt"].paths) == [
        str(root / "good" / "official-utf8.txt"),
        str(root / "good" / "sub" / "copy-of-official.txt"),
    ]
    logged = [json.loads(line) for line in (tmp_path / "kg" / "errors.jsonl").read_text().splitlines()]
    assert [FileError(r["file"], r["reason"]) for r in logged[: summary.failed]] == summary.errors
    assert counts(again)[:4] == (0, summary.new + summary.duplicate, 0, 0) and again.failed == summary.failed


def dangling_extract(text: str, info: DocumentInfo) -> Extraction:
    """The real extractor, plus a relation to nowhere in reports marked BAD-RELATION."""
    extraction = extract(text, info)
    if "BAD-RELATION" in text:
        extraction.relations.append(Relation("PART_OF", extraction.entities[0].id, "NOWHERE"))
    return extraction


def test_a_report_the_store_cannot_take_fails_in_the_worker_alone(tmp_path: Path) -> None:
    src = _with_marker(tmp_path, "BAD-RELATION", at=3, count=6)
    with Store.open(tmp_path / "kg") as store:
        summary = ingest([src], store, jobs=2, extractor="tests.test_ingest:dangling_extract")
        stored = sorted(d.id for d in store.documents())
    assert summary.new == 5 and "report-00003.txt" not in stored
    [(name, reason)] = [(Path(e.path).name, e.reason) for e in summary.errors]
    assert name == "report-00003.txt"
    assert reason == ("could not be stored (StoreError: report-00003.txt: PART_OF relation refers to unknown "
                      "entity 'NOWHERE')")


def test_parallel_and_serial_runs_make_the_same_store(fixture_set: tuple[Path, list], tmp_path: Path) -> None:
    root, _ = fixture_set
    for jobs in (1, 2):
        with Store.open(tmp_path / f"j{jobs}") as store:
            ingest([root / "good", root / "bad"], store, jobs=jobs)
    assert _graph_records(tmp_path / "j1") == _graph_records(tmp_path / "j2")


_HOLD_LOCK = """
import sys, time
from kg.store import Store
s = Store.open(sys.argv[1])
s.lock()
print("locked", flush=True)
time.sleep(60)
"""


@contextlib.contextmanager
def _locked_by_another_process(store_dir: Path) -> Iterator[int]:
    import subprocess
    import sys

    Store.open(store_dir).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(store_dir)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_a_second_run_on_the_same_store_fails_at_once(folder: Path, tmp_path: Path) -> None:
    with _locked_by_another_process(tmp_path / "kg") as pid, Store.open(tmp_path / "kg") as store:
        progress: list[Progress] = []
        with pytest.raises(StoreError, match=f"locked by pid {pid}"):
            ingest([folder, folder / "missing.txt"], store, jobs=2, progress=progress.append)
        assert progress == [] and store.errors() == [] and store.documents() == []


def _graph_records(store_dir: Path) -> tuple[list[str], list[tuple]]:
    with Store.open(store_dir, create=False) as store:
        records = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in store.graph().records())
        docs = sorted((d.id, d.sha256, tuple(sorted(d.paths))) for d in store.documents())
    return records, docs


def _evidence_per_report(store_dir: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    with Store.open(store_dir, create=False) as store:
        graph = store.graph()
        for item in [*graph.entities.values(), *graph.relations]:
            for ev in item.evidence:
                found[ev.doc] = found.get(ev.doc, 0) + 1
    return found


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    """Issue 3: kill -9 during `kg ingest`; the store opens, holds only whole reports (the
    uncommitted group is lost, never part of a report), and a second run ends identical to a run
    that was never interrupted."""
    import signal
    import subprocess
    import sys

    src = tmp_path / "in"
    total = 600  # writes are committed about once a second: enough for a kill to land mid-run
    write_synthetic(src, total, formats=("txt", "md", "html"))
    reference, crashed = tmp_path / "reference", tmp_path / "crashed"
    with Store.open(reference) as store:
        assert ingest([src], store, jobs=2).new == total
    whole = _evidence_per_report(reference)

    command = [sys.executable, "-m", "kg", "ingest", str(src), "--store", str(crashed), "--jobs", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_reports(crashed, 40, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingester, its fork server and its workers
        proc.wait()
    assert_group_gone(proc.pid, "killed ingest")

    partial = _evidence_per_report(crashed)
    with Store.open(crashed, create=False) as store:
        kept = {d.id for d in store.documents()}
    assert 40 <= len(kept) < total, "the kill must land mid-run"
    assert {doc: n for doc, n in partial.items() if doc in kept} == {doc: whole[doc] for doc in kept}
    assert set(partial) <= kept  # no evidence from a report that is not whole

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - len(kept)} new, {len(kept)} unchanged" in rerun.stdout
    assert _graph_records(crashed) == _graph_records(reference)


def test_a_copy_found_in_the_run_that_rereads_its_report_stays_a_copy(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "b.txt").write_text(NEWS, encoding="utf-8")
    store = ContractStore()
    ingest([tmp_path], store, jobs=1)
    (tmp_path / "a_copy.txt").write_text(NEWS, encoding="utf-8")  # sorts before b.txt
    monkeypatch.setattr(fp, "fingerprint", lambda: "kg next")
    again = ingest([tmp_path], store, jobs=1)
    assert again.reextracted == 1
    assert sorted(store.docs["b.txt"].paths) == sorted([str(tmp_path / "b.txt"), str(tmp_path / "a_copy.txt")])


@pytest.mark.slow
def test_workers_exit_on_their_own_when_the_ingest_is_killed(tmp_path: Path) -> None:
    """kill -9 of the ingesting process alone (not its group): its workers cannot be told to
    stop, and must notice and exit within seconds rather than linger."""
    import signal
    import subprocess
    import sys

    src = tmp_path / "in"
    write_synthetic(src, 400, formats=("txt",))
    command = [sys.executable, "-m", "kg", "ingest", str(src), "--store", str(tmp_path / "store"), "--jobs", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert wait_for_reports(tmp_path / "store", 20, proc) >= 20
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # the ingester only: workers and fork server are left
        proc.wait()
    assert_group_gone(proc.pid, "killed ingest's workers", seconds=5.0)


def sleeping_extract(text: str, info: DocumentInfo) -> Extraction:
    if "SLOW-ME" in text:
        import time
        time.sleep(120)  # a runaway file
    return extract(text, info)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_past_the_time_budget_fails_alone_and_the_run_goes_on(tmp_path: Path, jobs: int) -> None:
    import time

    src = _with_marker(tmp_path, "SLOW-ME", at=2)
    slow_file = next(p for p in sorted(src.rglob("*.*")) if "SLOW-ME" in p.read_text(encoding="utf-8"))
    (src / "zz-copy-of-slow.txt").write_bytes(slow_file.read_bytes())  # its copy fails with it
    store = ContractStore()
    started = time.monotonic()
    summary = ingest([src], store, jobs=jobs, extractor="tests.test_ingest:sleeping_extract", file_timeout=3)
    assert time.monotonic() - started < 60
    assert [e.path.rsplit("/", 1)[-1] for e in summary.errors] == [slow_file.name, "zz-copy-of-slow.txt"]
    assert "took more than 3 s" in summary.errors[0].reason
    assert summary.new == len(store.docs) == 7  # every other file stored


def test_a_time_budget_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="--file-timeout must be more than 0"):
        ingest([tmp_path], ContractStore(), jobs=1, file_timeout=0)
