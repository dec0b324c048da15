"""`kg watch` as an analyst runs it: a real process, real files, Ctrl-C or SIGTERM to stop."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.fixtures.make_fixtures import NEWS

runner = CliRunner()


def _line(proc: subprocess.Popen[str], stream: str, timeout: float = 30.0) -> str:
    """The next line the process writes on `stream`, or fail after `timeout` seconds."""
    pipe = getattr(proc, stream)
    sel = selectors.DefaultSelector()
    sel.register(pipe, selectors.EVENT_READ)
    try:
        if not sel.select(timeout):
            raise AssertionError(f"no line on {stream} within {timeout} s")
        return pipe.readline().rstrip("\n")
    finally:
        sel.close()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_watch_prints_a_line_per_report_and_stops_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    folder, store = tmp_path / "in", tmp_path / "kg"
    folder.mkdir()
    command = [sys.executable, "-m", "kg", "watch", str(folder), "--store", str(store), "--remove-missing",
               "--settle", "0.5"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    try:
        assert _line(proc, "stderr").startswith("watching ")
        (folder / "r.txt").write_text(NEWS, encoding="utf-8")
        line = _line(proc, "stdout")
        assert line.startswith(f"new: {folder / 'r.txt'} (store: ") and "entities" in line
        (folder / "r.txt").unlink()
        assert _line(proc, "stdout").startswith(f"removed: {folder / 'r.txt'}")
        time.sleep(0.3)
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert "stopped: 1 new, 1 removed" in err


def test_watch_of_a_missing_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["watch", str(tmp_path / "nowhere"), "--store", str(tmp_path / "kg")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: error: {tmp_path / 'nowhere'}: no such folder"]
    assert not (tmp_path / "kg").exists()
