"""Test helper: wait until a process group has gone, or fail the test."""

from __future__ import annotations

import os
import time

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
