"""Real servers for the loader tests, started once per test session on 127.0.0.1 and stopped after.

Bolt: Neo4j Community itself, 5.26 LTS on Java 17 and the newest calendar release on a JDK 21+
(kg.backends.jvmservers, built with Maven), and ArcadeDB's Neo4j-compatible Bolt plugin
(kg.backends.devservers). SPARQL: `oxigraph serve` and Apache Jena
Fuseki (TDB2). The `bolt` and `sparql` fixtures are parametrized over them, so every test that
takes one runs on each server. A Java server whose Maven artifacts cannot be resolved is skipped,
with Maven's exact error as the reason.

Other test folders use these fixtures by importing them (e.g. tests/cli/test_load.py); the servers
are shared through _SERVERS, so a session never starts two of a kind.
"""

from __future__ import annotations

import secrets
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.backends.devservers import ArcadeBoltServer, OxigraphServer
from kg.backends.jvmservers import NEO4J_CALENDAR, ArtifactsUnavailable, FusekiServer, Neo4jServer
from kg.model import Graph
from tests.backends.sample import make_store, sample_graph

_SERVERS: dict[str, Any] = {}
_UNAVAILABLE: dict[str, str] = {}  # server kind -> why it was skipped (tried once per session)

BOLT_SERVERS = ("neo4j", "neo4j-calendar", "arcadedb")
SPARQL_SERVERS = ("oxigraph", "fuseki")
BoltServer = Neo4jServer | ArcadeBoltServer
SparqlServer = OxigraphServer | FusekiServer


def _shared(kind: str, make: Callable[[], Any]) -> Iterator[Any]:
    """The session's one server of `kind`, started on first use; skip if its artifacts are missing."""
    if kind in _UNAVAILABLE:
        pytest.skip(_UNAVAILABLE[kind])
    if kind not in _SERVERS:
        server = make()
        try:
            server.start()
        except ArtifactsUnavailable as exc:
            _UNAVAILABLE[kind] = f"{kind} test server unavailable: {exc}"
            pytest.skip(_UNAVAILABLE[kind])
        _SERVERS[kind] = server
    yield _SERVERS[kind]
    stopping = _SERVERS.pop(kind, None)  # the first session fixture to finish stops it
    if stopping is not None:
        stopping.stop()


@pytest.fixture(scope="session")
def arcadedb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArcadeBoltServer]:
    yield from _shared(
        "arcadedb", lambda: ArcadeBoltServer(tmp_path_factory.mktemp("arcadedb"), password=secrets.token_hex(12))
    )


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    yield from _shared("neo4j", lambda: Neo4jServer(tmp_path_factory.mktemp("neo4j")))


@pytest.fixture(scope="session")
def neo4j_calendar_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    yield from _shared(
        "neo4j-calendar", lambda: Neo4jServer(tmp_path_factory.mktemp("neo4j-calendar"), version=NEO4J_CALENDAR)
    )


def bolt_server(request: pytest.FixtureRequest, kind: str) -> BoltServer:
    """The session's Bolt server of `kind` (one of BOLT_SERVERS), started on first use."""
    return request.getfixturevalue("arcadedb" if kind == "arcadedb" else f"{kind.replace('-', '_')}_server")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    yield from _shared("oxigraph", lambda: OxigraphServer(tmp_path_factory.mktemp("oxigraph")))


@pytest.fixture(scope="session")
def fuseki_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FusekiServer]:
    yield from _shared("fuseki", lambda: FusekiServer(tmp_path_factory.mktemp("fuseki")))


@dataclass
class BoltTarget:
    server: BoltServer
    database: str

    @property
    def kind(self) -> str:
        return self.server.name

    @property
    def uri(self) -> str:
        return self.server.uri

    @property
    def target(self) -> str:
        """The URI naming the database, as `kg query cypher --neo4j` takes it."""
        return f"{self.server.uri}?database={self.database}"


def bolt_target(server: BoltServer) -> BoltTarget:
    """An empty database on `server`: Neo4j Community's one user database wiped (it has no
    CREATE DATABASE), or a new database on ArcadeDB."""
    if isinstance(server, Neo4jServer):
        server.wipe()
        return BoltTarget(server, server.database)
    name = "t" + secrets.token_hex(6)
    server.create_database(name)
    return BoltTarget(server, name)


@pytest.fixture(params=BOLT_SERVERS)
def bolt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> BoltTarget:
    """An empty database on each of the session's Bolt servers in turn, credentials in the env."""
    server = bolt_server(request, request.param)
    monkeypatch.setenv("NEO4J_USER", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return bolt_target(server)


def empty_sparql(server: SparqlServer) -> None:
    """Drop every graph, default and named."""
    req = urllib.request.Request(
        server.update_url, data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()


@pytest.fixture(params=SPARQL_SERVERS)
def sparql(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> SparqlServer:
    """Each of the session's SPARQL servers in turn, emptied for this test."""
    server = request.getfixturevalue(f"{request.param}_server")
    empty_sparql(server)
    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    monkeypatch.delenv("KG_SPARQL_PASSWORD", raising=False)
    return server


@pytest.fixture
def graph() -> Graph:
    return sample_graph()


@pytest.fixture
def store(tmp_path: Path, graph: Graph) -> Path:
    """A real kg store holding the sample reports."""
    return make_store(tmp_path / "kg-data", graph)
