"""kg query sparql|cypher through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.query
from kg.cli import app
from kg.registry import Plugin, QueryResult
from tests.store.sample import EXAMPLE, filled_store

runner = CliRunner()
ATTENDEES = ("SELECT ?name WHERE { ?e a schema:Event . ?p kg:attended ?e ; skos:prefLabel ?name } ORDER BY ?name")
POSTS = "MATCH (p:Person)-[h:HOLDS_POSITION]->(o) WHERE p.name = $person RETURN h.role AS role, o.name AS body"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("qcli") / "kg-data"
    with filled_store(path, (EXAMPLE,)) as store:
        store.refresh()  # built now, so the tests below see only their own output
    return path


def test_the_first_query_after_a_change_says_it_builds(tmp_path: Path) -> None:
    filled_store(tmp_path / "kg-data", (EXAMPLE,)).close()
    args = ["query", "cypher", "MATCH (p:Person) RETURN count(p)", "--store", str(tmp_path / "kg-data")]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert "building the CYPHER store" in first.stderr and "building" not in second.stderr
    assert first.stdout == second.stdout


def test_sparql_table(store: Path) -> None:
    res = runner.invoke(app, ["query", "sparql", ATTENDEES, "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert "Nguyễn Đức Thụ" in res.output and "Trương Xuân Cừ" in res.output and "2 row(s)" in res.output


def test_cypher_json_with_a_parameter(store: Path) -> None:
    res = runner.invoke(app, ["query", "cypher", POSTS, "--param", "person=Nguyễn Đức Thụ", "-f", "json",
                              "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"role": "Phó Bí thư Thường trực", "body": "Đảng ủy cơ quan Văn phòng Quốc hội"}]


def test_csv_lists_and_query_from_a_file(store: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "q.cypher"
    query_file.write_text("MATCH (o:Organization) WHERE o.name = $n RETURN o.name, o.aliases", encoding="utf-8")
    res = runner.invoke(app, ["query", "cypher", f"@{query_file}", "-p", "n=Văn phòng Quốc hội", "-f", "csv",
                              "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert list(csv.reader(io.StringIO(res.stdout))) == [["o.name", "o.aliases"], ["Văn phòng Quốc hội", "VPQH"]]


def test_query_from_stdin(store: Path) -> None:
    res = runner.invoke(app, ["query", "sparql", "-", "-f", "json", "--store", str(store)],
                        input="ASK { ?s org:subOrganizationOf ?o }")
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"ask": True}]


def test_names_are_shown_literally_in_tables(tmp_path: Path) -> None:
    from kg.model import DocumentInfo, Entity, Extraction

    path = tmp_path / "kg-data"
    with filled_store(path, ()) as s:
        marked = Entity("x", "Organization", "[bold red]Sở[/] X")
        s.put(Extraction(DocumentInfo("m.txt", sha256="m" * 64), "", [marked]))
    res = runner.invoke(app, ["query", "cypher", "MATCH (o:Organization) RETURN o.name", "--store", str(path)])
    assert "[bold red]Sở[/] X" in res.output


@pytest.mark.parametrize(("args", "message"), [
    (["sparql", "SELEKT ?x"], "kg: error: SPARQL: "),
    (["cypher", "MATCH (n:Nothing) RETURN n"], "kg: error: Cypher: "),
    (["cypher", "@/no/such/file"], "kg: error: /no/such/file: cannot read the query"),
])
def test_errors_are_one_line(store: Path, args: list[str], message: str) -> None:
    res = runner.invoke(app, ["query", *args, "--store", str(store)])
    assert res.exit_code == 1
    assert len(res.output.strip().splitlines()) == 1 and res.output.startswith(message)


@pytest.mark.parametrize(("args", "message"), [
    (["cypher", "RETURN $x", "--param", "x:int=five"], "kg: error: parameter 'x:int=five': 'five' is not a valid int"),
    (["sparql", "SELECT ?x WHERE { ?x ?p ?o }", "-p", "x:iri=not an iri"],
     "kg: error: parameter 'x:iri=not an iri': 'not an iri' is not a valid iri (Invalid IRI code point ' ')"),
    (["sparql", "SELECT ?x WHERE { ?x ?p ?o }", "-p", "x:iri=relative"], "kg: error: parameter 'x:iri=relative': "),
    (["cypher", "RETURN $x", "-p", "x:uri=a"], "kg: error: parameter 'x:uri=a': unknown type 'uri'"),
])
def test_bad_parameters_are_one_line_and_bad_usage(store: Path, args: list[str], message: str) -> None:
    res = runner.invoke(app, ["query", *args, "--store", str(store)])
    assert res.exit_code == 2, res.output
    assert res.stdout == "" and res.stderr.startswith(message) and len(res.stderr.splitlines()) == 1


def test_bad_format_is_refused(store: Path) -> None:
    res = runner.invoke(app, ["query", "cypher", "RETURN 1", "-f", "xml", "--store", str(store)])
    assert res.exit_code == 2 and "table, json, csv" in res.output


@pytest.mark.parametrize(("lang", "option", "engine"), [("cypher", "--neo4j", "neo4j"),
                                                        ("sparql", "--endpoint", "sparql-endpoint")])
def test_server_options_go_to_the_registered_engines(monkeypatch: pytest.MonkeyPatch, lang: str, option: str,
                                                     engine: str) -> None:
    seen = []

    def fake(text: str, params: dict, target: str) -> QueryResult:
        seen.append((text, params, target))
        return QueryResult(["n"], [[42]])

    monkeypatch.setattr(kg.query, "get", lambda kind, name: Plugin(name, fake, "") if name == engine else None)
    res = runner.invoke(app, ["query", lang, "Q", option, "http://127.0.0.1:9", "-p", "a=b", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"n": 42}] and seen == [("Q", {"a": "b"}, "http://127.0.0.1:9")]
