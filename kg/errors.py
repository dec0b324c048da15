"""Typed errors. The library raises these; the CLI turns them into one-line messages."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""


class InputError(KgError):
    """A document cannot be read: empty, binary, undecodable, too large, unreadable."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(KgError):
    """The store is missing, locked, or inconsistent."""


class QueryError(KgError):
    """A query failed to parse or run."""


class BackendError(KgError):
    """A remote server (Neo4j, SPARQL) refused, failed, or could not be reached."""


class JudgementError(KgError):
    """A judgement cannot be made, undone or read: it names nothing, conflicts with another, or
    its file is malformed."""


class AmbiguousName(JudgementError):
    """A name refers to several entities; `candidates` are (id, type, name) to choose from by id."""

    def __init__(self, ref: str, candidates: list[tuple[str, str, str]]) -> None:
        super().__init__(f"{ref!r} names {len(candidates)} entities ({', '.join(c[0] for c in candidates)}); "
                         "give an id")
        self.ref = ref
        self.candidates = candidates


class DateError(KgError):
    """A date given to kg (a window's bound) is not YYYY, YYYY-MM or YYYY-MM-DD."""
