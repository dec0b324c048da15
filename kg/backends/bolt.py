"""Neo4j over Bolt: the ``neo4j`` loader and query engine (official `neo4j` driver).

The loader writes the property-graph mapping (kg.pgmodel, statements in kg.backends.cypher):
constraints and indexes first, then deletions, then nodes, then relationships, each as batched
``UNWIND $rows`` MERGE statements in managed transactions (``execute_write`` retries transient
errors such as deadlocks). Only rows that changed since the last load to the same server and
database are sent (kg.backends.state).

Credentials: the user from ``--user`` / $NEO4J_USER (default ``neo4j``), the password from
$NEO4J_PASSWORD only. A database may be named with ``--database``, $NEO4J_DATABASE, or in the
target as ``bolt://host:7687?database=NAME``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import neo4j
from neo4j import exceptions as nx

from kg import __version__
from kg.backends import LoadReport
from kg.backends import cypher as cy
from kg.backends.http import credentials, display, redact
from kg.backends.state import LoadState, row_hash
from kg.errors import BackendError, KgError, QueryError
from kg.model import Graph
from kg.registry import QueryResult, register

log = logging.getLogger(__name__)

# Bump when the Cypher written for a row changes meaning: every target then gets a full load.
MAPPING = "bolt-1"
DEFAULT_BATCH = 10_000  # rows per transaction: larger batches measured faster on ArcadeDB (bench_load.py)
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
Progress = Callable[[int, int], None]


def split_target(target: str) -> tuple[str, str | None]:
    """(driver URI, database) from a target such as ``bolt://h:7687?database=kg``."""
    parts = urlsplit(target)
    query = parse_qsl(parts.query, keep_blank_values=True)
    database = next((v for k, v in query if k == "database"), None) or None
    rest = urlencode([(k, v) for k, v in query if k != "database"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), database


class _Connection:
    """A driver plus what error messages need to say which server failed and how far we got."""

    def __init__(self, target: str, database: str | None, user: str | None, retry_seconds: float) -> None:
        uri, uri_db = split_target(target)
        # credentials may ride in the URI (bolt://user:pass@host): taken out, never shown
        self.uri, uri_user, uri_password = credentials(uri)
        self.where = display(self.uri)
        self.database = database or uri_db or os.environ.get("NEO4J_DATABASE") or None
        self.user = user or uri_user or os.environ.get("NEO4J_USER") or "neo4j"
        self.done = 0
        self.total = 0
        self.started = False  # True once the first write was sent: failures after it are mid-load
        password = uri_password if uri_password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.hint = "wrong user or NEO4J_PASSWORD" if password else "NEO4J_PASSWORD is not set"
        if urlsplit(self.uri).scheme not in BOLT_SCHEMES:
            raise BackendError(f"not a Neo4j Bolt URI: {self.where!r} (use bolt://HOST:7687 or neo4j://HOST:7687)")
        with self.errors():
            self.driver = neo4j.GraphDatabase.driver(
                self.uri,
                auth=(self.user, password),
                connection_timeout=10.0,
                max_transaction_retry_time=retry_seconds,
                user_agent=f"kg/{__version__}",
            )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.close()

    def session(self) -> neo4j.Session:
        return self.driver.session(database=self.database)

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver errors into one-line BackendErrors that say which failure it was."""
        try:
            yield
        except KgError:
            raise
        except nx.AuthError:
            raise BackendError(
                f"Neo4j at {self.where} rejected the credentials of user {self.user!r} ({self.hint})"
            ) from None
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.IncompleteCommit, OSError) as exc:
            if self.started:
                raise BackendError(
                    f"lost the connection to Neo4j at {self.where} during the load ({self.done} of "
                    f"{self.total} items written; {_reason(exc)}); run the load again to finish it"
                ) from None
            raise BackendError(f"cannot connect to Neo4j at {self.where}: {_reason(exc)}") from None
        except nx.Neo4jError as exc:
            code = exc.code or ""
            if code.endswith("DatabaseNotFound"):
                raise BackendError(f"database {self.database!r} does not exist on Neo4j at {self.where}") from None
            raise BackendError(f"Neo4j at {self.where}: {_one_line(exc.message or str(exc))} ({code})") from None
        except (nx.DriverError, ValueError) as exc:  # bad URI scheme, bad config
            raise BackendError(f"cannot use Neo4j URI {self.where!r}: {_one_line(str(exc))}") from None


def _one_line(text: str) -> str:
    return redact(re.sub(r"\s+", " ", text).strip())[:300]


def _reason(exc: BaseException) -> str:
    text = redact(str(exc))
    for needle, reason in (
        ("Connection refused", "connection refused"),
        ("DNS resolve", "host name not found"),
        ("timed out", "timed out"),
        ("Connection reset", "connection reset by the server"),
    ):
        if needle.lower() in text.lower():
            return reason
    return _one_line(text) or type(exc).__name__


def _batches(values: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


class _Writer:
    """Runs write statements in batches through managed transactions and counts progress."""

    def __init__(self, conn: _Connection, session: neo4j.Session, batch_size: int, progress: Progress | None):
        self.conn, self.session, self.batch_size, self.progress = conn, session, batch_size, progress

    def run(self, statement: str, key: str, values: list[Any]) -> Iterator[tuple[list[Any], int]]:
        """Send `values` as `$key` in batches; yields each committed batch and the count it returned."""

        def work(tx: neo4j.ManagedTransaction, batch: list[Any]) -> int:
            record = tx.run(statement, {key: batch}).single()
            return int(record["n"]) if record else 0

        for batch in _batches(values, self.batch_size):
            self.conn.started = True
            with self.conn.errors():
                count = self.session.execute_write(work, batch)
            self.conn.done += len(batch)
            if self.progress:
                self.progress(self.conn.done, self.conn.total)
            yield batch, count


@register("loader", "neo4j", help="Push the graph into Neo4j over Bolt (incremental, MERGE on stable ids).")
def load_neo4j(
    graph: Graph,
    target: str,
    *,
    state_dir: Path | None = None,
    database: str | None = None,
    user: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    full: bool = False,
    progress: Progress | None = None,
    retry_seconds: float = 30.0,
) -> LoadReport:
    """Load `graph` into the Neo4j server at `target` (bolt:// or neo4j:// URI).

    `state_dir` keeps what was sent (normally <store>/loads); without it every load is full.
    `full` re-sends everything. `progress(done, total)` is called after every batch.
    Raises BackendError naming the failure (refused, credentials, database, lost connection).
    """
    started = time.monotonic()
    nodes, edges = cy.node_items(graph), cy.edge_items(graph)
    conn = _Connection(target, database, user, retry_seconds)
    try:
        state = LoadState.open(state_dir, f"neo4j {conn.where}/{conn.database or '(default)'}", MAPPING)
        try:
            with conn.errors(), conn.session() as session:
                session.run("RETURN 1").consume()  # fails fast: refused, credentials, unknown database
                _create_schema(session)
                full = full or state.empty or _target_lost_data(session, state)
                report = _sync(conn, session, state, nodes, edges, batch_size, full, progress)
        finally:
            state.close()
    finally:
        conn.close()
    report.full = full
    report.seconds = time.monotonic() - started
    return report


def _create_schema(session: neo4j.Session) -> None:
    for stmt in cy.schema_statements():
        try:
            session.run(stmt.cypher).consume()
        except nx.ClientError as exc:
            if stmt.fallback is None:
                raise
            log.info("server refused %r (%s); using %r", stmt.cypher, exc.code, stmt.fallback)
            session.run(stmt.fallback).consume()


def _target_lost_data(session: neo4j.Session, state: LoadState) -> bool:
    """True when the server holds fewer nodes than earlier loads put there (wiped or restored)."""
    for node_label, expected in state.counts("nodes").items():
        record = session.run(cy.count_nodes(node_label)).single()
        have = int(record["n"]) if record else 0
        if have < expected:
            log.warning(
                "the server holds %d %s nodes but earlier loads wrote %d; doing a full load",
                have,
                node_label,
                expected,
            )
            return True
    return False


def _sync(
    conn: _Connection,
    session: neo4j.Session,
    state: LoadState,
    nodes: dict[str, cy.Item],
    edges: dict[str, cy.Item],
    batch_size: int,
    full: bool,
    progress: Progress | None,
) -> LoadReport:
    node_hash = {i: (it.group[0], row_hash(it.row)) for i, it in nodes.items()}
    edge_hash = {i: (it.group[0], row_hash(it.row)) for i, it in edges.items()}
    node_plan, edge_plan = state.plan("nodes", node_hash, full), state.plan("edges", edge_hash, full)
    conn.total = len(node_plan.send) + len(edge_plan.send) + len(node_plan.delete) + len(edge_plan.delete)
    writer = _Writer(conn, session, batch_size, progress)

    # Deletions first (relationships before their nodes), then nodes, then relationships.
    for section, plan, statement in (
        ("edges", edge_plan, cy.delete_edges),
        ("nodes", node_plan, cy.delete_nodes),
    ):
        by_label: dict[str, list[str]] = defaultdict(list)
        for item_id, item_label in plan.delete:
            by_label[item_label].append(item_id)
        for item_label, ids in by_label.items():
            for batch, _ in writer.run(statement(item_label), "ids", ids):
                state.forget(section, batch)

    for group, ids in _grouped(nodes, node_plan.send).items():
        for batch, _ in writer.run(cy.merge_nodes(group[0]), "rows", [nodes[i].row for i in ids]):
            state.record("nodes", ((row["id"], group[0], node_hash[row["id"]][1]) for row in batch))

    for group, ids in _grouped(edges, edge_plan.send).items():
        for batch, count in writer.run(cy.merge_edges(*group), "rows", [edges[i].row for i in ids]):
            if count != len(batch):
                raise BackendError(
                    f"Neo4j at {conn.where}: {len(batch) - count} {group[0]} relationships could not be "
                    "written because their end nodes are missing there; run the load again with --full"
                )
            state.record("edges", ((row["props"]["id"], group[0], edge_hash[row["props"]["id"]][1]) for row in batch))

    return LoadReport(
        target=conn.where,
        method="bolt",
        written={"nodes": len(node_plan.send), "relationships": len(edge_plan.send)},
        deleted={"nodes": len(node_plan.delete), "relationships": len(edge_plan.delete)},
        unchanged={"nodes": node_plan.unchanged, "relationships": edge_plan.unchanged},
    )


def _grouped(items: dict[str, cy.Item], ids: list[str]) -> dict[tuple[str, ...], list[str]]:
    out: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for item_id in ids:
        out[items[item_id].group].append(item_id)
    return out


@register("query", "neo4j", help="Run Cypher on a Neo4j server (target: bolt://host:7687[?database=NAME]).")
def query_neo4j(query: str, params: dict[str, Any], target: str) -> QueryResult:
    """Run one Cypher query with parameters on the server at `target`; values come back as plain
    Python (nodes and relationships as property maps with `_label`, like the embedded store)."""
    conn = _Connection(target, None, None, retry_seconds=15.0)
    try:
        with conn.errors():
            conn.driver.verify_connectivity()  # refused or bad credentials: fail now, not after retries
            try:
                records, _, keys = conn.driver.execute_query(query, params or {}, database_=conn.database)
            except nx.ClientError as exc:
                code = exc.code or ""
                if code.startswith("Neo.ClientError.Statement") or isinstance(exc, nx.CypherSyntaxError):
                    raise QueryError(
                        f"Cypher query failed on {conn.where}: {_one_line(exc.message or str(exc))}"
                    ) from None
                raise
    finally:
        conn.close()
    return QueryResult(list(keys), [[plain(v) for v in record.values()] for record in records])


def plain(value: Any) -> Any:
    """A driver value as plain JSON-able Python, shaped as kg.query shapes embedded results:
    a node or relationship is its properties plus `_label`, a path is its nodes and
    relationships."""
    if isinstance(value, neo4j.graph.Node):
        return {"_label": ":".join(sorted(value.labels)), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_label": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
