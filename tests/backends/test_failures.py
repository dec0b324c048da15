"""A server killed in the middle of a load: a one-line error saying so, then a re-run that
finishes the load without duplicates. Each test runs its own server, so it can kill it: Neo4j and
ArcadeDB for Bolt, Oxigraph and Fuseki for SPARQL."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.backends.bolt import load_neo4j, query_neo4j
from kg.backends.devservers import ArcadeBoltServer, OxigraphServer
from kg.backends.jvmservers import ArtifactsUnavailable, FusekiServer, Neo4jServer
from kg.backends.sparql import load_sparql
from kg.errors import BackendError
from kg.rdf import graph_to_rdf
from tests.backends.conftest import SPARQL_SERVERS, BoltServer, SparqlServer
from tests.backends.sample import synthetic_graph

pytestmark = [pytest.mark.servers, pytest.mark.slow]


def start(server: BoltServer | SparqlServer) -> None:
    try:
        server.start()
    except ArtifactsUnavailable as exc:
        pytest.skip(f"{server.name} test server unavailable: {exc}")


@pytest.mark.parametrize("kind", ["neo4j", "arcadedb"])  # Neo4j: 5.26 LTS only, to spare the suite 50 s
def test_bolt_server_dying_mid_load_then_rerun_completes_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
):
    graph = synthetic_graph(3000, seed=3)
    total = len(graph.entities) + len(graph.relations)
    server: BoltServer
    if kind == "neo4j":
        server = Neo4jServer(tmp_path / "neo4j")
    else:
        server = ArcadeBoltServer(tmp_path / "arcadedb", password=secrets.token_hex(12), databases=("neo4j",))
    database = "neo4j"  # Neo4j Community's one user database; made under that name on ArcadeDB
    monkeypatch.setenv("NEO4J_USER", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    start(server)
    try:
        killed_at: list[int] = []

        def kill_after_first_batches(done: int, _total: int) -> None:
            if done >= 1500 and server.running:
                server.kill()
                killed_at.append(done)

        with pytest.raises(BackendError) as err:
            load_neo4j(
                graph, server.uri, database=database, state_dir=tmp_path / "state", batch_size=500,
                progress=kill_after_first_batches, retry_seconds=2,
            )  # fmt: skip
        message = str(err.value)
        lost = f"lost the connection to Neo4j at {server.uri} during the load ({killed_at[0]} of {total} items written"
        assert message.startswith(lost)
        assert message.endswith("run the load again to finish it") and "\n" not in message

        server.start()  # same data folder and ports: what was committed is still there
        report = load_neo4j(graph, server.uri, database=database, state_dir=tmp_path / "state", batch_size=500)
        sent = report.written["nodes"] + report.written["relationships"]
        assert sent == total - killed_at[0]  # only what the first load had not committed
        target = f"{server.uri}?database={database}"
        nodes = query_neo4j("MATCH (n) RETURN count(n), count(DISTINCT n.id)", {}, target).rows
        rels = query_neo4j("MATCH ()-[r]->() RETURN count(r), count(DISTINCT r.id)", {}, target).rows
        assert nodes == [[len(graph.entities), len(graph.entities)]]
        assert rels == [[len(graph.relations), len(graph.relations)]]
    finally:
        server.stop()


def _sparql_server(kind: str, folder: Path, port: int | None = None) -> SparqlServer:
    return OxigraphServer(folder, port=port) if kind == "oxigraph" else FusekiServer(folder, port=port)


@pytest.mark.parametrize("kind", SPARQL_SERVERS)
def test_sparql_server_dying_mid_load_then_rerun_completes_without_duplicates(tmp_path: Path, kind: str):
    graph = synthetic_graph(2000, seed=4)
    expected = graph_to_rdf(graph)
    server = _sparql_server(kind, tmp_path / kind)
    start(server)
    try:

        def kill_after_first_batches(done: int, _total: int) -> None:
            if done >= 5000 and server.running:
                server.kill()

        with pytest.raises(BackendError) as err:
            load_sparql(
                graph, server.query_url, state_dir=tmp_path / "state", batch_size=2000,
                progress=kill_after_first_batches,
            )  # fmt: skip
        message = str(err.value)
        assert message.startswith(f"lost the connection to the SPARQL server at {server.query_url} during the load")
        assert message.endswith("run the load again to finish it") and "\n" not in message

        server = _sparql_server(kind, tmp_path / kind, port=server.port)  # same data, same endpoint
        server.start()
        report = load_sparql(graph, server.query_url, state_dir=tmp_path / "state", batch_size=2000)
        assert not report.full and report.written["triples"] < len(expected) - 4000
        import urllib.request

        req = urllib.request.Request(f"{server.gsp_url}?default", headers={"Accept": "application/n-triples"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            on_server = rdflib.Graph().parse(data=resp.read().decode("utf-8"), format="nt")
        assert len(on_server) == len(expected)
        assert isomorphic(on_server, expected)
    finally:
        server.stop()
