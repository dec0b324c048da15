"""What `kg ingest` reports (IngestSummary, Progress, FileError) and the part of the store it uses
(StoreLike): the contract between kg.ingest, its callers and the store."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from kg.model import DocumentInfo, Extraction


class BatchLike(Protocol):
    """An open group of writes (kg.store.store.Batch)."""

    def commit_if_due(self) -> None: ...


class StoreLike(Protocol):
    """The part of kg.store.Store the ingester uses (see the store contract). `prepare` must be
    pure and picklable: it runs in the worker processes, and `put_prepared` takes its result."""

    def lock(self, wait: float | None = ...) -> None: ...
    def documents(self) -> list[DocumentInfo]: ...
    def document_status(self, doc_id: str, sha256: str) -> str: ...
    def add_path(self, doc_id: str, path: str) -> list[str]: ...
    def drop_paths(self, paths: list[str]) -> list[str]: ...
    @staticmethod
    def prepare(extraction: Extraction) -> Any: ...
    def put_prepared(self, prepared: Any) -> Any: ...
    def batch(self) -> AbstractContextManager[BatchLike]: ...
    def record_error(self, path: str, reason: str) -> None: ...
    def totals(self) -> tuple[int, int]: ...


@dataclass(frozen=True)
class FileError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestSummary:
    """What a run did. `skipped` counts files of other types found in folders. The store holds
    `entities_total` entities and `relations_total` relations after the run, `entities_added` and
    `relations_added` more than before it (fewer when later reports merged or removed some)."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    reextracted: int = 0  # of the updated: unchanged files stored by an older extractor
    duplicate: int = 0
    failed: int = 0
    removed: int = 0  # reports taken out: their files are gone, or hold other content now
    skipped: int = 0
    links_out: int = 0  # symbolic links out of the named folders, not followed
    entities_added: int = 0
    relations_added: int = 0
    entities_total: int = 0
    relations_total: int = 0
    errors: list[FileError] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def files(self) -> int:
        """Files with an outcome (failures included)."""
        return self.new + self.unchanged + self.updated + self.duplicate + self.failed

    @property
    def all_failed(self) -> bool:
        return self.failed > 0 and self.failed == self.files


@dataclass(frozen=True)
class Progress:
    """One step of a run, for a progress display: `done` of `total` files have an outcome."""

    done: int
    total: int
    path: str = ""
    outcome: str = ""  # new | unchanged | updated | duplicate | failed; "" before the first


ProgressCallback = Callable[[Progress], None]
