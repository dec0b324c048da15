"""The SPARQL loader and query engine against real SPARQL 1.1 servers (`oxigraph serve`, Fuseki)."""

from __future__ import annotations

import base64
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.backends.sparql import load_sparql, query_sparql_endpoint
from kg.errors import BackendError, QueryError
from kg.model import Graph
from kg.query import IRI
from kg.rdf import ID, graph_to_rdf
from tests.backends.conftest import SparqlServer
from tests.backends.sample import NASTY_NAME, NASTY_SENTENCE, changed_graph

pytestmark = pytest.mark.servers
GRAPH_IRI = "https://kg.example.org/graph/test"


def server_rdf(server: SparqlServer, graph_iri: str | None = None) -> rdflib.Graph:
    """A graph as the server holds it (GSP GET), parsed by rdflib."""
    which = f"graph={urllib.request.quote(graph_iri, safe='')}" if graph_iri else "default"
    req = urllib.request.Request(f"{server.gsp_url}?{which}", headers={"Accept": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            data = resp.read()
    except urllib.error.HTTPError as exc:
        if exc.code == 404:  # no such graph: empty
            return rdflib.Graph()
        raise
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


@pytest.mark.parametrize("method", ["gsp", "update"])
@pytest.mark.parametrize("graph_iri", [None, GRAPH_IRI])
def test_load_puts_exactly_the_graphs_rdf_on_the_server(
    sparql: SparqlServer, graph: Graph, tmp_path: Path, method: str, graph_iri: str | None
):
    report = load_sparql(
        graph, sparql.query_url, state_dir=tmp_path, graph_iri=graph_iri, method=method, batch_size=50
    )
    expected = graph_to_rdf(graph)
    assert report.method == method and report.full
    assert report.written == {"triples": len(expected)}
    assert isomorphic(server_rdf(sparql, graph_iri), expected)
    if graph_iri:
        assert len(server_rdf(sparql)) == 0  # the default graph is untouched


def test_auto_prefers_the_graph_store_protocol(sparql: SparqlServer, graph: Graph):
    assert load_sparql(graph, sparql.query_url).method == "gsp"


@pytest.mark.parametrize("graph_iri", [None, GRAPH_IRI])
def test_second_load_sends_nothing_and_incremental_load_sends_only_changes(
    sparql: SparqlServer, graph: Graph, tmp_path: Path, graph_iri: str | None
):
    load_sparql(graph, sparql.query_url, state_dir=tmp_path, graph_iri=graph_iri)
    again = load_sparql(graph, sparql.query_url, state_dir=tmp_path, graph_iri=graph_iri)
    assert not again.full and again.written == {"triples": 0}
    assert isomorphic(server_rdf(sparql, graph_iri), graph_to_rdf(graph))

    changed = changed_graph(graph)
    report = load_sparql(changed, sparql.query_url, state_dir=tmp_path, graph_iri=graph_iri)
    assert not report.full
    assert 0 < report.written["triples"] < len(graph_to_rdf(changed)) / 2
    assert report.deleted["subjects"] >= 1  # the location that is gone
    assert isomorphic(server_rdf(sparql, graph_iri), graph_to_rdf(changed))


def test_full_load_after_the_server_lost_the_data(sparql: SparqlServer, graph: Graph, tmp_path: Path):
    load_sparql(graph, sparql.query_url, state_dir=tmp_path)
    drop = urllib.request.Request(
        sparql.update_url, data=b"DROP ALL", method="POST", headers={"Content-Type": "application/sparql-update"}
    )
    urllib.request.urlopen(drop).read()
    report = load_sparql(graph, sparql.query_url, state_dir=tmp_path)
    assert report.full
    assert isomorphic(server_rdf(sparql), graph_to_rdf(graph))


# --- a server without some endpoints, or behind credentials: a proxy in front of the real one --


class _Proxy(BaseHTTPRequestHandler):
    upstream = ""
    paths: tuple[str, ...] = ()
    credentials: str | None = None

    def _handle(self) -> None:
        path = self.path.split("?")[0]
        if self.credentials and self.headers.get("Authorization") != "Basic " + self.credentials:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        if path not in self.paths:
            self.send_response(404)
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k in ("Content-Type", "Accept")}
        req = urllib.request.Request(self.upstream + self.path, data=body or None, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                status, ctype, data = resp.status, resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            status, ctype, data = exc.code, exc.headers.get("Content-Type", ""), exc.read()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _handle

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(sparql: SparqlServer) -> Iterator[type[_Proxy]]:
    """A proxy on loopback; tests set `.paths` (what it forwards) and `.credentials`."""
    paths = tuple(urlsplit(url).path for url in (sparql.query_url, sparql.update_url, sparql.gsp_url))
    handler = type("Proxy", (_Proxy,), {"upstream": sparql.url, "paths": paths})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler
    server.shutdown()
    server.server_close()


def test_falls_back_to_sparql_update_without_a_graph_store_endpoint(
    proxy: type[_Proxy], sparql: SparqlServer, graph: Graph, tmp_path: Path
):
    proxy.paths = proxy.paths[:2]  # query and update: like a server exposing only the SPARQL protocol
    url = proxy.url + proxy.paths[0]  # type: ignore[attr-defined]
    report = load_sparql(graph, url, state_dir=tmp_path, graph_iri=GRAPH_IRI)
    assert report.method == "update"
    assert isomorphic(server_rdf(sparql, GRAPH_IRI), graph_to_rdf(graph))


def test_credentials_come_from_the_environment(
    proxy: type[_Proxy], sparql: SparqlServer, graph: Graph, monkeypatch: pytest.MonkeyPatch
):
    proxy.credentials = base64.b64encode(b"analyst:s3cr3t pass").decode()
    url = proxy.url + proxy.paths[0]  # type: ignore[attr-defined]
    with pytest.raises(BackendError) as err:
        load_sparql(graph, url)
    assert "requires credentials (HTTP 401); set KG_SPARQL_USER and KG_SPARQL_PASSWORD" in str(err.value)
    monkeypatch.setenv("KG_SPARQL_USER", "analyst")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "wrong")
    with pytest.raises(BackendError, match="rejected the credentials of user 'analyst'"):
        load_sparql(graph, url)
    with pytest.raises(BackendError, match="rejected the credentials"):
        query_sparql_endpoint("ASK {}", {}, url)
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cr3t pass")
    assert load_sparql(graph, url).written["triples"] > 0
    assert query_sparql_endpoint("ASK { ?s ?p ?o }", {}, url).rows == [[True]]


def test_connection_refused_says_so(graph: Graph, tmp_path: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/query"
    with pytest.raises(BackendError) as err:
        load_sparql(graph, url, state_dir=tmp_path)
    assert str(err.value) == f"cannot connect to the SPARQL server at {url}: connection refused"
    with pytest.raises(BackendError, match="connection refused"):
        query_sparql_endpoint("ASK {}", {}, url)


def test_not_an_http_endpoint(graph: Graph):
    with pytest.raises(BackendError, match="not an http"):
        load_sparql(graph, "bolt://127.0.0.1:7687")


# --- queries -----------------------------------------------------------------------------------


def test_query_binds_parameters_as_escaped_terms_and_knows_kgs_prefixes(sparql: SparqlServer, graph: Graph):
    load_sparql(graph, sparql.query_url)
    q = "SELECT ?p ?name WHERE { ?p skos:prefLabel ?name ; a foaf:Person }"
    result = query_sparql_endpoint(q, {"name": NASTY_NAME}, sparql.query_url)
    assert result.columns == ["p", "name"]
    assert result.rows == [[ID + "person/" + result.rows[0][0].rsplit("/", 1)[1], NASTY_NAME]]
    person = IRI(result.rows[0][0])
    q = "SELECT ?sentence WHERE { ?f rdf:subject $person ; kg:evidence/kg:sentence ?sentence }"
    assert query_sparql_endpoint(q, {"person": person}, sparql.query_url).rows == [[NASTY_SENTENCE]]


def test_query_values_are_typed_like_the_embedded_store(sparql: SparqlServer, graph: Graph):
    load_sparql(graph, sparql.query_url)
    inner = "SELECT (COUNT(?f) AS ?n) (MAX(?c) AS ?top) WHERE { ?f kg:confidence ?c }"
    q = f"SELECT ?n ?top (?n > 0 AS ?some) WHERE {{ {{ {inner} }} }}"
    assert query_sparql_endpoint(q, {}, sparql.query_url).rows == [[len(graph.relations), 1.0, True]]
    assert query_sparql_endpoint("ASK { ?s a org:Post }", {}, sparql.query_url).rows == [[True]]
    result = query_sparql_endpoint("CONSTRUCT { ?s a org:Role } WHERE { ?s a org:Role }", {}, sparql.query_url)
    assert result.columns == ["subject", "predicate", "object"] and len(result.rows) == 4


def test_query_on_a_named_graph_via_the_protocol_parameter(sparql: SparqlServer, graph: Graph):
    load_sparql(graph, sparql.query_url, graph_iri=GRAPH_IRI)
    target = f"{sparql.query_url}?default-graph-uri={urllib.request.quote(GRAPH_IRI, safe='')}"
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert query_sparql_endpoint(q, {}, target).rows == [[len(graph_to_rdf(graph))]]
    assert query_sparql_endpoint(q, {}, sparql.query_url).rows == [[0]]


def test_a_bad_query_is_a_query_error(sparql: SparqlServer):
    with pytest.raises(QueryError, match="SPARQL query failed"):
        query_sparql_endpoint("SELEC ?x WHERE {}", {}, sparql.query_url)
