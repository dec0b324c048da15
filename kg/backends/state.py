"""Per-target load state: what was last sent to one server, so the next load sends only changes.

One JSON file per target under ``<store>/loads/``. For each section (e.g. "nodes", "edges",
"subjects") it maps an item id to ``[label, hash]``: the label says where the item lives on the
server (node label, relationship type), needed to delete it once it is gone from the store; the
hash is of the exact row that was sent, so a changed row is sent again.

The state only ever records what the server acknowledged (committed batches), and it is saved
atomically (write, then rename). A load that dies part-way leaves a state that under-reports,
never over-reports, so re-running the load finishes it; MERGE / set semantics on the server make
re-sending an already-committed item harmless.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import BackendError, StoreError
from kg.model import slug

log = logging.getLogger(__name__)

STATE_FORMAT = 1
SAVE_EVERY_SECONDS = 30.0  # bounds what a killed loader re-sends; saving a large state takes a while


def row_hash(row: Any) -> str:
    """A short content hash of a JSON-able row (key order does not matter)."""
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Plan:
    """What one section needs: ids to (re)send, (id, label) pairs to delete, and how many match."""

    send: list[str] = field(default_factory=list)
    delete: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0


class LoadState:
    """What one target holds from earlier loads (see module docstring)."""

    def __init__(self, path: Path | None, target: str, mapping: str) -> None:
        self.path = path
        self.target = target
        self.mapping = mapping
        self.sections: dict[str, dict[str, list[str]]] = {}
        self._dirty = False
        self._saved_at = time.monotonic()
        self._lock_fd: int | None = None

    @classmethod
    def open(cls, state_dir: Path | None, target: str, mapping: str) -> LoadState:
        """The state of `target` under `state_dir` (None: remember nothing, every load is full).

        `mapping` names the version of the mapping the rows were built with; a state written with
        another mapping is ignored, so changing the mapping triggers a full load.
        """
        path = None if state_dir is None else Path(state_dir) / f"{slug(target)[:60]}-{_digest(target)}.json"
        state = cls(path, target, mapping)
        if path is None:
            return state
        state._lock()
        if not path.exists():
            return state
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable load state %s (%s); doing a full load", path, exc)
            return state
        if data.get("format") != STATE_FORMAT or data.get("mapping") != mapping or data.get("target") != target:
            log.info("load state %s was written by another mapping; doing a full load", path)
            return state
        state.sections = {name: dict(items) for name, items in data.get("sections", {}).items()}
        return state

    @property
    def empty(self) -> bool:
        return not any(self.sections.values())

    def counts(self, section: str) -> dict[str, int]:
        """How many items of each label the target should hold from earlier loads."""
        out: dict[str, int] = {}
        for label, _ in self.sections.get(section, {}).values():
            out[label] = out.get(label, 0) + 1
        return out

    def plan(self, section: str, current: Mapping[str, tuple[str, str]], resend: bool = False) -> Plan:
        """Compare the current items {id: (label, hash)} with what the target holds.

        With `resend` every current item is sent again (a full load); items gone from `current`
        are still deleted, so a full load also cleans up after earlier ones.
        """
        known = self.sections.get(section, {})
        plan = Plan()
        for item_id, (label, digest) in current.items():
            old = known.get(item_id)
            if not resend and old is not None and old[0] == label and old[1] == digest:
                plan.unchanged += 1
            else:
                plan.send.append(item_id)
                if old is not None and old[0] != label:
                    plan.delete.append((item_id, old[0]))  # same id under another label: move it
        plan.delete.extend((item_id, old[0]) for item_id, old in known.items() if item_id not in current)
        return plan

    def record(self, section: str, items: Iterable[tuple[str, str, str]]) -> None:
        """Mark (id, label, hash) items as committed on the target."""
        known = self.sections.setdefault(section, {})
        for item_id, label, digest in items:
            known[item_id] = [label, digest]
        self._touched()

    def forget(self, section: str, ids: Iterable[str]) -> None:
        """Mark items as deleted from the target."""
        known = self.sections.setdefault(section, {})
        for item_id in ids:
            known.pop(item_id, None)
        self._touched()

    def _lock(self) -> None:
        """One load per target at a time: a second one would race for the same state file."""
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot write load state in {self.path.parent}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise BackendError(f"another load to {self.target} is running; wait for it to finish") from None
        self._lock_fd = fd

    def close(self) -> None:
        """Save, and let the next load to this target run."""
        try:
            self.save()
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing the descriptor drops the flock
                self._lock_fd = None

    def _touched(self) -> None:
        self._dirty = True
        if time.monotonic() - self._saved_at > SAVE_EVERY_SECONDS:
            self.save()

    def save(self) -> None:
        """Write the state atomically (no-op without a state directory or changes)."""
        self._saved_at = time.monotonic()
        if self.path is None or not self._dirty:
            return
        data = {
            "format": STATE_FORMAT,
            "target": self.target,
            "mapping": self.mapping,
            "sections": self.sections,
        }
        tmp = self.path.with_name(self.path.name + f".tmp{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write load state {self.path}: {exc.strerror or exc}") from None
        self._dirty = False


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
