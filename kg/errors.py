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
