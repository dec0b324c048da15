"""One writer at a time: an advisory lock on <store>/lock that holds the writer's pid.

flock(2) locks die with their process, so a writer killed with -9 never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path

from kg.errors import StoreError

LOCK_FILE = "lock"
_RETRY_SECONDS = 0.1  # how often a waiting writer tries the lock again

log = logging.getLogger(__name__)


def writable(path: Path) -> bool:
    """Whether this process may write `path` (false on a read-only mount). The effective uid
    decides, as it does for open(2)."""
    return os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


class WriterLock:
    def __init__(self, store_dir: Path, read_only: bool = False) -> None:
        self.path = store_dir / LOCK_FILE
        self.read_only = read_only
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float | None = 0.0) -> None:
        """Take the lock or raise StoreError naming the pid that holds it (or saying that the
        store is read-only). `wait`: seconds to wait for another writer to finish (None: as long
        as it takes; 0: fail at once)."""
        if self._fd is not None:
            return
        if self.read_only:
            raise StoreError(f"store {self.path.parent} is read-only: it can be queried, not changed")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"store {self.path.parent} cannot be written ({exc.strerror or exc})") from None
        deadline = None if wait is None else time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(fd)
                    waited = f" (waited {wait:g} s)" if wait else ""
                    raise StoreError(f"store {self.path.parent} is locked by pid {holder}{waited}") from None
                if not told:  # once: a writer that waits says for whom
                    log.warning("store %s is locked by pid %s: waiting", self.path.parent, holder)
                    told = True
                time.sleep(_RETRY_SECONDS)
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
