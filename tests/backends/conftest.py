"""Real servers for the loader tests, started once per test session on 127.0.0.1 and stopped after:
ArcadeDB's Neo4j-compatible Bolt plugin and `oxigraph serve` (kg.backends.devservers).

Other test folders use these fixtures by importing them (e.g. tests/cli/test_load.py); the servers
are shared through _SERVERS, so a session never starts two.
"""

from __future__ import annotations

import secrets
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.backends.devservers import ArcadeBoltServer, OxigraphServer
from kg.model import Graph
from tests.backends.sample import make_store, sample_graph

_SERVERS: dict[str, Any] = {}


@pytest.fixture(scope="session")
def arcadedb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArcadeBoltServer]:
    if "arcadedb" not in _SERVERS:
        server = ArcadeBoltServer(tmp_path_factory.mktemp("arcadedb"), password=secrets.token_hex(12))
        server.start()
        _SERVERS["arcadedb"] = server
    yield _SERVERS["arcadedb"]
    stopping = _SERVERS.pop("arcadedb", None)  # the first session fixture to finish stops it
    if stopping is not None:
        stopping.stop()


@dataclass
class BoltTarget:
    server: ArcadeBoltServer
    database: str

    @property
    def uri(self) -> str:
        return self.server.uri

    @property
    def target(self) -> str:
        """The URI naming the database, as `kg query cypher --neo4j` takes it."""
        return f"{self.server.uri}?database={self.database}"


@pytest.fixture
def bolt(arcadedb: ArcadeBoltServer, monkeypatch: pytest.MonkeyPatch) -> BoltTarget:
    """A fresh, empty database on the session's Bolt server, with its credentials in the env."""
    name = "t" + secrets.token_hex(6)
    arcadedb.create_database(name)
    monkeypatch.setenv("NEO4J_USER", arcadedb.user)
    monkeypatch.setenv("NEO4J_PASSWORD", arcadedb.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return BoltTarget(arcadedb, name)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if "oxigraph" not in _SERVERS:
        server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
        server.start()
        _SERVERS["oxigraph"] = server
    yield _SERVERS["oxigraph"]
    stopping = _SERVERS.pop("oxigraph", None)  # the first session fixture to finish stops it
    if stopping is not None:
        stopping.stop()


@pytest.fixture
def oxigraph(oxigraph_server: OxigraphServer, monkeypatch: pytest.MonkeyPatch) -> OxigraphServer:
    """The session's SPARQL server, emptied (every graph dropped) for this test."""
    req = urllib.request.Request(
        f"{oxigraph_server.url}/update",
        data=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()
    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    monkeypatch.delenv("KG_SPARQL_PASSWORD", raising=False)
    return oxigraph_server


@pytest.fixture
def graph() -> Graph:
    return sample_graph()


@pytest.fixture
def store(tmp_path: Path, graph: Graph) -> Path:
    """A real kg store holding the sample reports."""
    return make_store(tmp_path / "kg-data", graph)
