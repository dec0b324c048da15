"""`kg ingest` through the CLI: summary, exit status, errors file, --strict, --encoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.sources import discover
from kg.store import Store
from tests.fixtures.make_fixtures import NEWS, OFFICIAL, build, encode_tcvn3
from tests.processes import assert_group_gone, wait_for_reports

runner = CliRunner()


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fixtures")
    build(root)
    return root


def run(*args: str | Path) -> object:
    return runner.invoke(app, ["ingest", *map(str, args)])


def test_summary_counts_and_one_line_per_failure(fixture_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    result = run(fixture_dir / "good", fixture_dir / "bad", "--store", store, "--jobs", "2")
    assert result.exit_code == 1, result.output  # some failed: the good ones are stored all the same
    with Store.open(store, create=False) as db:
        stored = len(db.documents())
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]  # (and the bar)
    assert failures
    assert not [line for line in result.stdout.splitlines() if line.startswith("failed: ")]
    logged = [json.loads(line) for line in (store / "errors.jsonl").read_text().splitlines()]
    assert [f"failed: {r['file']}: {r['reason']}" for r in logged] == failures
    first = result.stdout.splitlines()[0]
    assert f"{stored} new" in first and "1 duplicate" in first and f"{len(failures)} failed" in first
    assert "2 files of other types skipped" in first
    assert any("bad/loop.txt: symlink loop" in f for f in failures)
    assert any("bad/enormous.txt: too large" in f for f in failures)

    again = run(fixture_dir / "good", "--store", store)
    assert again.exit_code == 0
    found = len(discover([fixture_dir / "good"]).files)
    assert f"0 new, {found} unchanged, 0 updated, 0 duplicate, 0 failed" in again.stdout


def test_a_failure_exits_1_and_strict_stops_at_it(fixture_dir: Path, tmp_path: Path) -> None:
    args = (fixture_dir / "good" / "official-utf8.txt", fixture_dir / "bad" / "empty.txt", "--store", tmp_path / "kg")
    assert run(*args).exit_code == 1
    good = sorted(discover([fixture_dir / "good"]).files)
    strict = run(fixture_dir / "bad" / "empty.txt", *good, "--store", tmp_path / "kg2", "--jobs", "1", "--strict")
    assert strict.exit_code == 1
    assert "stopped at the first failure (--strict)" in strict.stdout
    with Store.open(tmp_path / "kg2", create=False) as db:
        assert len(db.documents()) < len(good)


def test_all_failed_is_an_error(fixture_dir: Path, tmp_path: Path) -> None:
    result = run(fixture_dir / "bad" / "empty.txt", fixture_dir / "bad" / "binary.txt", "--store", tmp_path / "kg")
    assert result.exit_code == 1
    assert "0 new, 0 unchanged, 0 updated, 0 duplicate, 2 failed" in result.stdout


def test_nothing_found_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(tmp_path / "empty", "--store", tmp_path / "kg")
    assert result.exit_code == 3
    assert "no report files found" in result.stdout


def test_store_defaults_to_kg_store_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "r.txt").write_text(NEWS, encoding="utf-8")
    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    assert run(tmp_path / "r.txt").exit_code == 0
    with Store.open(tmp_path / "from-env", create=False) as db:
        assert [d.id for d in db.documents()] == ["r.txt"]


def test_encoding_option(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.txt").write_bytes(encode_tcvn3("Hà Nội"))  # too short to detect
    store = tmp_path / "kg"
    detected = run(tmp_path / "in", "--store", store)
    assert detected.exit_code == 1 and "pass --encoding" in detected.stderr
    forced = run(tmp_path / "in", "--store", store, "--encoding", "tcvn3")
    assert forced.exit_code == 0 and "1 new" in forced.stdout
    with Store.open(store, create=False) as db:
        assert [(d.id, d.encoding) for d in db.documents()] == [("old.txt", "tcvn3")]


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(OFFICIAL, encoding="utf-8")
    result = run(tmp_path / "r.txt", "--store", tmp_path / "kg", "--encoding", "klingon")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "kg: error: unknown encoding 'klingon' (known: cp1258, tcvn3, utf-16, utf-8, viscii, vni, vps, "
        "or any Python codec)"
    ]
    not_a_store = tmp_path / "occupied"
    not_a_store.mkdir()
    (not_a_store / "other.txt").write_text("x")
    result = run(tmp_path / "r.txt", "--store", not_a_store)
    assert result.exit_code == 1 and result.stderr.startswith("kg: error: ")
    assert run(tmp_path / "r.txt", "--store", tmp_path / "kg", "--jobs", "0").exit_code == 2


def test_progress_bar_shows_rate_and_eta(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(OFFICIAL + f"\nSố thứ tự {i}.\n", encoding="utf-8")
    result = run(tmp_path, "--store", tmp_path / "kg", "--jobs", "1")
    assert result.exit_code == 0
    assert "3/3" in result.stderr and "files/s" in result.stderr and "ETA" in result.stderr


_HOLD_LOCK = """
import sys, time
from kg.store import Store
s = Store.open(sys.argv[1])
s.lock()
print("locked", flush=True)
time.sleep(60)
"""


def test_a_second_concurrent_ingest_fails_at_once_with_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(NEWS, encoding="utf-8")
    store = tmp_path / "kg"
    Store.open(store).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(store)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run(tmp_path / "in", tmp_path / "missing.txt", "--store", store)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: error: store {store} is locked by pid {holder.pid}"]
    assert result.stdout == "" and not (store / "errors.jsonl").exists()  # nothing read, nothing written


def test_wait_lets_a_second_ingest_run_once_the_writer_is_done(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(NEWS, encoding="utf-8")
    store = tmp_path / "kg"
    Store.open(store).close()
    hold_briefly = _HOLD_LOCK.replace("time.sleep(60)", "time.sleep(1.0)")
    holder = subprocess.Popen([sys.executable, "-c", hold_briefly, str(store)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run(tmp_path / "in", "--store", store, "--wait", "30")
        assert holder.poll() is not None  # it ran after the holder had finished
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 0, result.stderr
    assert "1 new" in result.stdout


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_keeping_finished_reports(tmp_path: Path) -> None:
    """SIGINT to the whole foreground process group, as a terminal's Ctrl-C sends it."""
    import os
    import signal
    import subprocess
    import sys

    from tests.fixtures.synthetic import write_synthetic

    total = 1000  # writes are committed about once a second: the interrupt must land well before the end
    write_synthetic(tmp_path / "in", total)
    store = tmp_path / "kg"
    command = [sys.executable, "-m", "kg", "ingest", str(tmp_path / "in"), "--store", str(store), "-j", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for_reports(store, 20, proc)
    import time
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    stopped = time.monotonic() - sent
    print(f"stopped {stopped:.2f} s after Ctrl-C")
    assert stopped < 3.0  # the issue asks for a second; slack for a loaded CI machine
    assert "stopping: finishing the report being written" in err
    assert proc.returncode == 130, err
    assert "interrupted: the reports finished so far are kept" in out
    assert "Traceback" not in err
    with Store.open(store, create=False) as db:
        kept = len(db.documents())
    assert 20 <= kept < total
    assert f"{kept} new" in out.splitlines()[0]
    assert_group_gone(proc.pid, "interrupted ingest")


def test_the_summary_says_when_reports_were_read_again_after_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.extract import fingerprint as fp

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(OFFICIAL, encoding="utf-8")
    store = tmp_path / "kg"
    assert "1 new" in run(tmp_path / "in", "--store", store, "--jobs", "1").stdout
    monkeypatch.setattr(fp, "fingerprint", lambda: "kg next")
    again = run(tmp_path / "in", "--store", store, "--jobs", "1")
    assert again.exit_code == 0 and "1 updated (1 re-read: kg or its data changed)" in again.stdout


def test_the_summary_counts_are_the_stores(tmp_path: Path) -> None:
    # a corpus where later reports merge what earlier ones added (persons found to be one, and
    # their relations with them): in one run over all of it, summing each report's new ids
    # counted 517 relations for the 506 stored
    from tests.fixtures.synthetic import write_synthetic

    reports, store = tmp_path / "in", tmp_path / "kg"
    write_synthetic(reports, 120, per_folder=60)
    real = sorted((Path(__file__).resolve().parent.parent / "store" / "data").glob("*.txt"))
    assert real
    printed = []
    for paths in ([reports / "batch-000", *real[:1]], [reports, *real]):
        result = run(*paths, "--store", store, "--jobs", "1")
        assert result.exit_code == 0, result.output
        stats = json.loads(runner.invoke(app, ["stats", "--store", str(store), "--json"]).stdout)
        line = result.stdout.splitlines()[1]
        totals = (stats["entities_total"], stats["relations_total"])
        added = (totals[0] - (printed[-1][0] if printed else 0), totals[1] - (printed[-1][1] if printed else 0))
        assert line == (f"{store} now holds {totals[0]} entities ({added[0]:+d}) and "
                        f"{totals[1]} relations ({added[1]:+d})")
        printed.append(totals)
    assert printed[1][0] > printed[0][0] > 0 and printed[1][1] > printed[0][1] > 0


def test_file_names_are_printed_with_their_control_characters_escaped(tmp_path: Path) -> None:
    reports, store = tmp_path / "in", str(tmp_path / "kg")
    reports.mkdir()
    (reports / "a\x1b[31mred.txt").write_text(OFFICIAL, encoding="utf-8")
    (reports / "b\x1b]0;title\x07.txt").write_bytes(b"")  # empty: fails, and its name is in the failure line
    ingested = run(reports, "--store", store, "--jobs", "1")
    listed = runner.invoke(app, ["stats", "--store", store, "--reports"])
    shown = runner.invoke(app, ["show", "--store", store, "Nguyễn Xuân Đông"])
    assert ingested.exit_code == 1 and listed.exit_code == 0 and shown.exit_code == 0, ingested.output
    for result in (ingested, listed, shown):
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stderr
    assert "failed: " in ingested.stderr and "b\\x1b]0;title\\x07.txt: " in ingested.stderr
    assert "report: a\\x1b[31mred.txt" in listed.stdout.splitlines()
    assert "mentioned in: a\\x1b[31mred.txt" in shown.stdout


def test_the_summary_as_json_holds_every_count_and_each_failure(tmp_path: Path) -> None:
    import json

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(OFFICIAL, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = run(tmp_path / "in", "--store", tmp_path / "kg", "--jobs", "1", "--format", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"], summary["files"]) == (1, 1, 2)
    assert summary["entities_total"] > 0 and summary["entities_added"] == summary["entities_total"]
    assert [e["reason"] for e in summary["errors"]] == ["empty file (0 bytes)"]
