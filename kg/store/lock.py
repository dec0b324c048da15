"""One writer at a time: an advisory lock on <store>/lock that holds the writer's pid.

flock(2) locks die with their process, so a writer killed with -9 never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kg.errors import StoreError

LOCK_FILE = "lock"


class WriterLock:
    def __init__(self, store_dir: Path) -> None:
        self.path = store_dir / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise StoreError naming the pid that holds it."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StoreError(f"store {self.path.parent} is locked by pid {holder}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None
