"""Test helpers for runs in another process: wait for their store to fill, or their group to go."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest


def assert_group_gone(pgid: int, what: str, seconds: float = 10.0) -> None:
    """Workers and the fork server end with their leader; once reaped, allow a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail(f"processes of the {what} are still running")


def wait_for_reports(store_dir: Path, count: int, proc: subprocess.Popen, seconds: float = 120.0) -> int:
    """Poll the store another process writes until it holds `count` reports, the process ends, or
    time runs out; the number of reports seen."""
    from kg.errors import StoreError
    from kg.store import Store

    stored, deadline = 0, time.monotonic() + seconds
    while stored < count and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            with Store.open(store_dir, create=False) as store:
                stored = len(store.documents())
        except StoreError:
            continue  # not created yet
    return stored
