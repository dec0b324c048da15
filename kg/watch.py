"""A folder kept in the store as reports arrive, change and leave (`kg watch`).

The folder is first brought up to date as `kg ingest FOLDER` would. Then file-system events
(watchfiles: inotify, FSEvents or ReadDirectoryChangesW, not a polling loop of our own) name the
files that changed; a file is read once its size and mtime have stayed still for `settle` seconds,
so a report still being copied in is never read half-written. Ready files are ingested as one
batch, with the same rules and one-line errors as `kg ingest`; with `remove_missing`, reports
whose files were deleted leave the store.

The store's writer lock is taken per batch and released after it, so `kg ingest` (or another
writer) can run between batches; while another process writes, the watcher waits for it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest import IngestSummary, Progress, ingest
from kg.sources import MAX_BYTES
from kg.sources.formats import format_of
from kg.store import Store

__all__ = ["WatchEvent", "WatchSummary", "watch"]

log = logging.getLogger(__name__)

_TICK_MS = 200  # how often the watcher wakes without events, to see whether pending files have settled
_DEBOUNCE_MS = 100  # events closer than this are taken as one change
_GONE = {  # a known file deleted: what became of its report
    "removed": "",
    "forgotten": "its report stays: another file holds it",
    "deleted": "its report stays in the store (--remove-missing takes it out)",
}


@dataclass(frozen=True)
class WatchEvent:
    """One file's outcome: new | updated | unchanged | duplicate | failed, or for a file deleted
    removed | forgotten | deleted (see _GONE); `reason` says why it failed or what was kept.
    `entities` and `relations`: the store's totals after the batch that held it."""

    path: str
    outcome: str
    reason: str = ""
    entities: int = 0
    relations: int = 0


@dataclass
class WatchSummary:
    """What a watch did until it stopped (the first catch-up of the folder included)."""

    batches: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    still_since: float


def watch(
    folder: str | os.PathLike[str],
    store_path: str | os.PathLike[str] | None = None,
    *,
    on_event: Callable[[WatchEvent], None] | None = None,
    stop: threading.Event | None = None,
    remove_missing: bool = False,
    settle: float = 1.0,
    jobs: int = 1,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    ready: Callable[[], None] | None = None,
) -> WatchSummary:
    """Keep `folder`'s reports in the store at `store_path` until `stop` is set.

    `on_event` gets one WatchEvent per report outcome (unchanged reports of the first catch-up
    are counted, not reported); `ready` is called once the catch-up is done and events are being
    watched. `jobs`: worker processes for each batch (1: in this process, the quickest for the
    few files a batch usually holds)."""
    import watchfiles

    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(root), "not a folder" if root.exists() else "no such folder")
    root = root.resolve()
    stop = stop or threading.Event()
    run = _Watch(root, store_path, on_event or (lambda _e: None), remove_missing, jobs, encoding, max_bytes)
    with Store.open(store_path) as db:  # created now if new, so its folder can be left out below
        run.store_dir = db.path.resolve()
    pending: dict[str, _Pending] = {}
    gone: set[str] = set()
    caught_up = False
    for changes in watchfiles.watch(root, watch_filter=run.wanted, debounce=_DEBOUNCE_MS, step=50,
                                    stop_event=stop, rust_timeout=_TICK_MS, yield_on_timeout=True,
                                    raise_interrupt=False):
        if not caught_up:  # the watcher is running now: what changes during the catch-up is seen too
            run.batch([str(root)], [], catch_up=True)
            caught_up = True
            if ready is not None:
                ready()
        now = time.monotonic()
        for change, path in changes:
            if change == watchfiles.Change.deleted:
                pending.pop(path, None)
                gone.add(path)
            else:
                gone.discard(path)
                run.note(path, pending, now)
        settled = _settled(pending, now, settle)
        if settled or gone:
            run.batch(settled, sorted(gone))
            gone.clear()
    return run.summary


def _settled(pending: dict[str, _Pending], now: float, settle: float) -> list[str]:
    """The pending files whose size and mtime have not changed for `settle` seconds (taken out
    of `pending`); a file that changed starts its wait again, one that vanished is dropped."""
    ready = []
    for path, seen in list(pending.items()):
        try:
            st = os.stat(path)
        except OSError:
            del pending[path]
            continue
        if (st.st_size, st.st_mtime_ns) != (seen.size, seen.mtime_ns):
            pending[path] = _Pending(st.st_size, st.st_mtime_ns, now)
        elif now - seen.still_since >= settle:
            del pending[path]
            ready.append(path)
    return sorted(ready)


class _Watch:
    def __init__(self, root: Path, store_path: str | os.PathLike[str] | None, on_event: Callable[[WatchEvent], None],
                 remove_missing: bool, jobs: int, encoding: str | None, max_bytes: int) -> None:
        self.root, self.store_path, self.on_event = root, store_path, on_event
        self.remove_missing, self.jobs, self.encoding, self.max_bytes = remove_missing, jobs, encoding, max_bytes
        self.store_dir: Path | None = None
        self.summary = WatchSummary()

    def wanted(self, _change: object, path: str) -> bool:
        """Events worth a look: not in hidden folders or the store, not Office lock files."""
        rel = Path(path).relative_to(self.root) if path.startswith(str(self.root)) else Path(path)
        if any(part.startswith((".", "~$")) for part in rel.parts):
            return False
        return self.store_dir is None or not Path(path).is_relative_to(self.store_dir)

    def note(self, path: str, pending: dict[str, _Pending], now: float) -> None:
        """A file (or a folder copied in, whose files may predate its watch) to read once still."""
        if os.path.isdir(path):
            for base, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    self.note(os.path.join(base, name), pending, now)
            return
        if format_of(path) is None or not self.wanted(None, path):
            return
        try:
            st = os.stat(path)
        except OSError:
            return
        pending[path] = _Pending(st.st_size, st.st_mtime_ns, now)

    def batch(self, paths: list[str], deleted: list[str], catch_up: bool = False) -> None:
        """Ingest `paths` and forget `deleted` files, holding the writer lock for this batch only."""
        outcomes: list[Progress] = []
        gone: list[tuple[str, str]] = []
        with Store.open(self.store_path) as db:
            db.lock(wait=None)  # another writer (a `kg ingest`) is let finish
            summary = IngestSummary()
            if paths:
                summary = ingest(paths, db, jobs=self.jobs, encoding=self.encoding, max_bytes=self.max_bytes,
                                 progress=outcomes.append, remove_missing=catch_up and self.remove_missing)
            if deleted:
                known = db.paths()
                files = [p for p in known if not os.path.lexists(p)
                         and any(p == d or p.startswith(d.rstrip(os.sep) + os.sep) for d in deleted)]
                dropped = set(db.drop_paths(files)) if self.remove_missing else set()
                gone = [(p, "removed" if known[p] in dropped else "forgotten" if self.remove_missing else "deleted")
                        for p in files]
            entities, relations = db.totals()
        self.summary.batches += 1
        reasons = {e.path: e.reason for e in summary.errors}
        for p in outcomes:
            if not p.outcome:
                continue
            self.summary.count(p.outcome)
            if not (catch_up and p.outcome == "unchanged"):
                self._tell(WatchEvent(p.path, p.outcome, reasons.get(p.path, ""), entities, relations))
        for path, outcome in gone:
            self.summary.count(outcome)
            self._tell(WatchEvent(path, outcome, _GONE[outcome], entities, relations))
        if catch_up and summary.removed:
            self.summary.outcomes["removed"] = self.summary.outcomes.get("removed", 0) + summary.removed

    def _tell(self, event: WatchEvent) -> None:
        log.info("%s: %s%s", event.path, event.outcome, f" ({event.reason})" if event.reason else "")
        self.on_event(event)
