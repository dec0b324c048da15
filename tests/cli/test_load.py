"""`kg load neo4j|sparql` through the CLI, against the real test servers."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import run
from tests.backends import conftest as servers
from tests.backends.conftest import BoltTarget, SparqlServer

# The real servers of tests/backends (shared: a session starts each once); `bolt` and `sparql`
# run each test on every server of their kind.
arcadedb, neo4j_server, neo4j_calendar_server = servers.arcadedb, servers.neo4j_server, servers.neo4j_calendar_server
bolt = servers.bolt
oxigraph_server, fuseki_server, sparql = servers.oxigraph_server, servers.fuseki_server, servers.sparql
graph, store = servers.graph, servers.store

pytestmark = pytest.mark.servers
runner = CliRunner()


def test_load_neo4j_then_again_sends_only_changes(bolt: BoltTarget, store: Path):
    args = ["load", "neo4j", "--uri", bolt.uri, "--database", bolt.database, "--store", str(store)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "(full load, bolt)" in first.stdout and "relationships written" in first.stdout
    count = run("cypher", "MATCH (n) RETURN count(n)", target=bolt.target).rows[0][0]
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert "(incremental load, bolt): 0 nodes, 0 relationships written" in second.stdout
    assert run("cypher", "MATCH (n) RETURN count(n)", target=bolt.target).rows == [[count]]
    assert (store / "loads").is_dir()


def test_the_password_comes_only_from_the_environment(bolt: BoltTarget, store: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong")
    result = runner.invoke(
        app, ["load", "neo4j", "--uri", bolt.uri, "--database", bolt.database, "--store", str(store)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"kg: error: Neo4j at {bolt.uri} rejected the credentials of user {bolt.server.user!r} "
        "(wrong user or NEO4J_PASSWORD)\n"
    )
    result = runner.invoke(app, ["load", "neo4j", "--uri", bolt.uri, "--password", "x", "--store", str(store)])
    assert result.exit_code != 0 and "No such option" in result.stderr


def test_load_neo4j_errors_are_one_line(bolt: BoltTarget, store: Path, tmp_path: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cases = {
        ("--uri", f"bolt://127.0.0.1:{port}", "--store", str(store)): "connection refused",
        ("--uri", bolt.uri, "--database", "nosuch", "--store", str(store)): "database 'nosuch' does not exist",
        ("--uri", bolt.uri, "--store", str(tmp_path / "nothing")): "no kg store here",
    }
    for args, problem in cases.items():
        result = runner.invoke(app, ["load", "neo4j", *args])
        assert result.exit_code == 1
        assert result.stderr.startswith("kg: error: ") and problem in result.stderr
        assert result.stderr.count("\n") == 1


def test_load_sparql_into_a_named_graph(sparql: SparqlServer, store: Path):
    graph_iri = "https://kg.example.org/graph/cli"
    args = ["load", "sparql", "--endpoint", sparql.query_url, "--graph", graph_iri, "--store", str(store)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"<{graph_iri}> (full load, gsp)" in result.stdout
    target = f"{sparql.query_url}?default-graph-uri={graph_iri}"
    assert run("sparql", "ASK { ?p a foaf:Person }", target=target).rows == [[True]]
    again = runner.invoke(app, args)
    assert "(incremental load, gsp): 0 triples written" in again.stdout


def test_load_sparql_errors_are_one_line(sparql: SparqlServer, store: Path):
    result = runner.invoke(
        app, ["load", "sparql", "--endpoint", sparql.query_url, "--method", "ftp", "--store", str(store)]
    )
    assert result.exit_code == 1 and "unknown SPARQL load method 'ftp'" in result.stderr
    result = runner.invoke(app, ["load", "sparql", "--endpoint", "http://127.0.0.1:1/query", "--store", str(store)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "kg: error: cannot connect to the SPARQL server at http://127.0.0.1:1/query: connection refused\n"
    )
