"""The writer lock: one writer at a time; a second one fails at once naming the holder, or waits."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store.lock import WriterLock

_HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.pwrite(fd, f"{os.getpid()}\\n".encode(), 0)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _holder(tmp_path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path / "lock"), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_writer_fails_at_once_naming_the_holder(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match=rf"locked by pid {holder.pid}$"):
            WriterLock(tmp_path).acquire()
        assert time.monotonic() - started < 1.0
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_writer_gives_up_after_its_wait_saying_so(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match=rf"locked by pid {holder.pid} \(waited 0.5 s\)"):
            WriterLock(tmp_path).acquire(wait=0.5)
        assert time.monotonic() - started >= 0.5
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("wait", [10.0, None])
def test_a_waiting_writer_gets_the_lock_when_the_holder_is_done(tmp_path: Path, wait: float | None) -> None:
    holder = _holder(tmp_path, 0.8)
    lock = WriterLock(tmp_path)
    try:
        lock.acquire(wait=wait)
        assert lock.held and holder.poll() is not None  # the holder had finished first
        assert (tmp_path / "lock").read_text().strip() == str(__import__("os").getpid())
    finally:
        lock.release()
        holder.kill()
        holder.wait()


def test_released_lock_can_be_taken_by_another_writer(tmp_path: Path) -> None:
    first, second = WriterLock(tmp_path), WriterLock(tmp_path)
    first.acquire()
    first.release()
    second.acquire()
    assert second.held and not first.held
    second.release()
