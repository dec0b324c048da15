"""The Neo4j loader and query engine against real Bolt servers: Neo4j itself, and ArcadeDB's Neo4j plugin."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import neo4j
import pytest

from kg.backends import cypher as cy
from kg.backends.bolt import load_neo4j, query_neo4j, split_target
from kg.backends.jvmservers import Neo4jServer
from kg.backends.state import LoadState
from kg.errors import BackendError, QueryError
from kg.model import Graph, make_id
from tests.backends.conftest import BoltTarget, bolt_target
from tests.backends.sample import NASTY_NAME, NASTY_SENTENCE, REPORT_1, REPORT_2, changed_graph

pytestmark = pytest.mark.servers


def expected(graph: Graph) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the server must hold: nodes {id: (label, props)}, relationships {id: (type, a, b, props)}."""
    nodes = {
        i: (item.group[0], {k: v for k, v in item.row.items() if v is not None})
        for i, item in cy.node_items(graph).items()
    }
    edges = {
        i: (
            item.group[0],
            item.row["source"],
            item.row["target"],
            {k: v for k, v in item.row["props"].items() if v is not None},
        )
        for i, item in cy.edge_items(graph).items()
    }
    return nodes, edges


def on_server(bolt: BoltTarget) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the server holds, read back through the query engine."""
    result = query_neo4j("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", {}, bolt.target)
    nodes: dict[str, Any] = {}
    for labels, props in result.rows:
        assert props["id"] not in nodes, f"duplicate node {props['id']}"
        nodes[props["id"]] = (labels[0], props)
    result = query_neo4j(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props", {}, bolt.target
    )
    edges: dict[str, Any] = {}
    for rtype, a, b, props in result.rows:
        assert props["id"] not in edges, f"duplicate relationship {props['id']}"
        edges[props["id"]] = (rtype, a, b, props)
    return nodes, edges


def test_load_writes_every_node_and_relationship_with_its_properties(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    report = load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    assert report.full
    assert report.written == {"nodes": len(graph.entities), "relationships": len(graph.relations)}
    assert on_server(bolt) == expected(graph)


def test_second_load_sends_nothing_and_changes_nothing(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    report = load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    assert not report.full
    assert report.written == {"nodes": 0, "relationships": 0}
    assert report.unchanged == {"nodes": len(graph.entities), "relationships": len(graph.relations)}
    assert on_server(bolt) == expected(graph)


def test_without_state_every_load_is_full_and_merge_keeps_it_idempotent(bolt: BoltTarget, graph: Graph):
    load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=None)
    report = load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=None)
    assert report.full and report.written["relationships"] == len(graph.relations)
    assert on_server(bolt) == expected(graph)  # no duplicates: MERGE on the stable ids


def test_incremental_load_sends_only_what_changed_and_deletes_what_is_gone(
    bolt: BoltTarget, graph: Graph, tmp_path: Path
):
    load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    changed = changed_graph(graph)
    report = load_neo4j(changed, bolt.uri, database=bolt.database, state_dir=tmp_path)
    # changed_graph: one alias added, one location gone (with its APPLIES_TO), one ATTENDED gone,
    # one PART_OF with more evidence, one REPORTS_TO added.
    assert report.written == {"nodes": 1, "relationships": 2}
    assert report.deleted == {"nodes": 1, "relationships": 2}
    assert report.unchanged["nodes"] == len(changed.entities) - 1
    assert on_server(bolt) == expected(changed)


def test_full_load_after_the_server_lost_the_data(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    with neo4j.GraphDatabase.driver(bolt.uri, auth=(bolt.server.user, bolt.server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=bolt.database)
    report = load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    assert report.full
    assert on_server(bolt) == expected(graph)


def test_uniqueness_constraints_exist_and_hold(bolt: BoltTarget, graph: Graph):
    load_neo4j(graph, bolt.uri, database=bolt.database)
    names = {row[0] for row in query_neo4j("SHOW CONSTRAINTS YIELD name RETURN name", {}, bolt.target).rows}
    assert {"kg_person_id", "kg_organization_id", "kg_holds_position_id", "kg_part_of_id"} <= names
    person = make_id("Person", "Nguyễn Đức Thụ")
    with pytest.raises(BackendError):
        query_neo4j("CREATE (:Person {id: $id, name: 'again'})", {"id": person}, bolt.target)


def test_provenance_questions_are_answerable_in_cypher(bolt: BoltTarget, graph: Graph):
    load_neo4j(graph, bolt.uri, database=bolt.database)
    rows = query_neo4j(
        "MATCH (a:Organization {name: $a})-[r:PART_OF]->(b:Organization {name: $b}) "
        "UNWIND r.docs AS report RETURN DISTINCT report ORDER BY report",
        {"a": "Văn phòng Quốc hội", "b": "Quốc hội"},
        bolt.target,
    ).rows
    assert rows == [[REPORT_2], [REPORT_1]]
    rows = query_neo4j(
        "MATCH (p:Person {name: $name})-[r:HOLDS_POSITION]->(o) RETURN r.role, r.acting, r.sentences, r.spans, o.name",
        {"name": NASTY_NAME},
        bolt.target,
    ).rows
    assert rows == [
        ["Vụ trưởng", "true", [NASTY_SENTENCE], [f"{REPORT_2}:70-{70 + len(NASTY_SENTENCE)}"], "Văn phòng Quốc hội"]
    ]


def test_query_engine_returns_nodes_relationships_and_paths_as_plain_values(bolt: BoltTarget, graph: Graph):
    load_neo4j(graph, bolt.uri, database=bolt.database)
    result = query_neo4j(
        "MATCH path = (p:Person {name: $name})-[r:HOLDS_POSITION]->(o) RETURN p, r, path ORDER BY r.role",
        {"name": "Hồ Quốc Dũng"},
        bolt.target,
    )
    assert result.columns == ["p", "r", "path"]
    person, rel, path = result.rows[0]
    assert person["_label"] == "Person" and person["name"] == "Hồ Quốc Dũng"
    assert person["aliases"] == ["ông Dũng", "đồng chí Hồ Quốc Dũng"]
    assert rel["_label"] == "HOLDS_POSITION" and rel["role"] == "Bí thư Tỉnh ủy" and rel["confidence"] == 0.9
    assert [n["name"] for n in path["nodes"]] == ["Hồ Quốc Dũng", "Tỉnh ủy Bình Định"]
    assert [r["_label"] for r in path["relationships"]] == ["HOLDS_POSITION"]


def test_a_bad_query_is_a_query_error(bolt: BoltTarget):
    with pytest.raises(QueryError, match="Cypher query failed"):
        query_neo4j("MATCH (n RETURN n", {}, bolt.target)


def test_the_database_may_be_named_in_the_uri_or_the_environment(
    bolt: BoltTarget, graph: Graph, monkeypatch: pytest.MonkeyPatch
):
    assert split_target(f"{bolt.uri}?database=x&routing=y") == (f"{bolt.uri}?routing=y", "x")
    load_neo4j(graph, bolt.target)
    monkeypatch.setenv("NEO4J_DATABASE", bolt.database)
    assert query_neo4j("MATCH (n) RETURN count(n)", {}, bolt.uri).rows == [[len(graph.entities)]]


def test_a_routing_uri_loads_and_queries_through_the_routing_table(
    neo4j_server: Neo4jServer, graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """neo4j:// (as for a cluster or Aura): the driver asks the server for its routing table and
    sends writes to the leader it names, which on one server is the advertised Bolt address."""
    target = bolt_target(neo4j_server)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    uri = target.uri.replace("bolt://", "neo4j://")
    report = load_neo4j(graph, uri, database=target.database, state_dir=tmp_path)
    assert report.target == uri and report.written["relationships"] == len(graph.relations)
    assert query_neo4j("MATCH (n) RETURN count(n)", {}, f"{uri}?database={target.database}").rows == [
        [len(graph.entities)]
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("run", ["load", "query"])
def test_connection_refused_says_so(graph: Graph, tmp_path: Path, run: str):
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(BackendError) as err:
        if run == "load":
            load_neo4j(graph, uri, state_dir=tmp_path)
        else:
            query_neo4j("RETURN 1", {}, uri)
    assert str(err.value) == f"cannot connect to Neo4j at {uri}: connection refused"


@pytest.mark.parametrize("run", ["load", "query"])
def test_wrong_password_says_so(bolt: BoltTarget, graph: Graph, monkeypatch: pytest.MonkeyPatch, run: str):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-" + bolt.server.password)
    with pytest.raises(BackendError) as err:
        if run == "load":
            load_neo4j(graph, bolt.target)
        else:
            query_neo4j("RETURN 1", {}, bolt.target)
    message = str(err.value)
    assert f"rejected the credentials of user {bolt.server.user!r}" in message and "\n" not in message
    assert bolt.server.password not in message


def test_unknown_database_says_so(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    with pytest.raises(BackendError) as err:
        load_neo4j(graph, bolt.uri, database="nosuchdb", state_dir=tmp_path)
    assert str(err.value) == f"database 'nosuchdb' does not exist on Neo4j at {bolt.uri}"


def test_a_uri_the_driver_cannot_use_says_so(graph: Graph):
    with pytest.raises(BackendError, match=r"not a Neo4j Bolt URI: 'http://127\.0\.0\.1:7474'"):
        load_neo4j(graph, "http://127.0.0.1:7474")


def test_a_second_load_to_the_same_target_waits_for_the_first(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    first = LoadState.open(tmp_path, f"neo4j {bolt.uri}/{bolt.database}", "bolt-1")
    try:
        with pytest.raises(BackendError, match=r"another load to .* is running"):
            load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path)
    finally:
        first.close()
    assert load_neo4j(graph, bolt.uri, database=bolt.database, state_dir=tmp_path).written["nodes"] > 0
