"""After `kg load`, the documented example queries (ontology/queries.yaml) give the same rows on
every Bolt server (Neo4j, ArcadeDB) and every SPARQL server (Oxigraph, Fuseki) as on the embedded
store, in either language: rows compared as multisets in kg.backends.rows' normal form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kg import labels_en, query, reorganisation
from kg.backends import load
from kg.backends.rows import row_set
from kg.dates import interval
from kg.extract import extract_file
from kg.model import Entity, Graph, Relation
from kg.registry import QueryResult
from kg.store import Store
from tests.backends.conftest import BOLT_SERVERS, SPARQL_SERVERS, bolt_server, bolt_target
from tests.backends.sample import NASTY_NAME, REPORT_2, make_store, sample_graph
from tests.store.sample import small_report

pytestmark = pytest.mark.servers

ROOT = Path(__file__).resolve().parents[2]
QUERIES = yaml.safe_load((ROOT / "ontology" / "queries.yaml").read_text(encoding="utf-8"))
EXAMPLE = ROOT / "data" / "examples" / "vpqh-2019-08-28.txt"

# The same queries asked about the hand-made sample reports, whose answers are known.
SAMPLE_PARAMS: dict[str, dict[str, str]] = {
    "attendees": {"event": "Buổi làm việc ngày 28.8.2019"},
    "bodies_under": {"body": "Quốc hội"},
    "directives_for_body": {"body": "VPQH"},
    "posts_of_person": {"person": "Hồ Quốc Dũng"},
    "reports_for_fact": {"source": "Nghị quyết 580/NQ-UBTVQH14", "target": "UBTVQH"},
    "posts_in_english": {"person": "Hồ Quốc Dũng"},
    "trusted_relations": {},
    "holders_on_date": {"role": "Bí thư Tỉnh ủy", "body": "Tỉnh ủy Bình Định", "date": "2019"},
    "posts_on_date": {"person": "Hồ Quốc Dũng", "date": "2019-08"},
    "successors_of_body": {"body": "Bộ Kế hoạch và Đầu tư"},
}


def _named(entity: Entity, name: str) -> bool:
    return name == entity.name or name in entity.aliases


def _held_on(relation: Relation, date: str) -> bool:
    """A post's interval (since … until, partial dates the interval of their days) overlaps `date`."""
    since, until = relation.props.get("since"), relation.props.get("until")
    first, last = interval(date)
    return bool(since) and interval(str(since))[0] <= last and (not until or interval(str(until))[1] >= first)


def expected_values(graph: Graph, name: str, params: dict[str, str]) -> set[str]:
    """Values the answer to query `name` must hold, computed straight from the store's graph."""
    ents, rels = graph.entities, graph.relations

    def ends(rtype: str) -> list[tuple[Entity, Entity, Relation]]:
        return [(ents[r.source], ents[r.target], r) for r in rels if r.type == rtype]

    if name == "attendees":
        return {p.name for p, e, _ in ends("ATTENDED") if _named(e, params["event"])}
    if name == "bodies_under":
        under = {x.id for x in ents.values() if x.type == "Organization" and _named(x, params["body"])}
        found: set[str] = set()
        while True:
            new = {r.source for r in rels if r.type in ("PART_OF", "REPORTS_TO") and r.target in under | found}
            if new <= found:
                return {ents[i].name for i in found}
            found |= new
    if name == "directives_for_body":
        return {d.name for d, b, _ in ends("APPLIES_TO") if _named(b, params["body"])}
    if name == "posts_of_person":
        return {r.props["role"] for p, _, r in ends("HOLDS_POSITION") if _named(p, params["person"])}
    if name == "posts_in_english":
        return {labels_en.body(o.name) or o.name for p, o, _ in ends("HOLDS_POSITION") if _named(p, params["person"])}
    if name == "holders_on_date":
        return {p.name for p, o, r in ends("HOLDS_POSITION")
                if _named(o, params["body"]) and r.props.get("role") == params["role"] and _held_on(r, params["date"])}
    if name == "posts_on_date":
        return {r.props["role"] for p, _, r in ends("HOLDS_POSITION")
                if _named(p, params["person"]) and _held_on(r, params["date"])}
    if name == "successors_of_body":  # from the data file: its record's name and change, where both bodies are here
        names = {e.name for e in ents.values() if e.type == "Organization"}
        return {v for b in reorganisation.replaced_by(params["body"]) if b.name in names and b.name != params["body"]
                for v in (b.name, b.change)} if params["body"] in names else set()
    if name == "trusted_relations":
        return {r.id for r in rels if r.props.get("reports", 1) >= 2 and r.confidence >= 0.7}
    assert name == "reports_for_fact"
    return {
        ev.doc
        for s, o, r in ends("ISSUED_BY")
        if _named(s, params["source"]) and _named(o, params["target"])
        for ev in r.evidence
    }


@dataclass
class Remote:
    """One server holding the loaded store: the query language, target and credentials to ask it."""

    language: str
    target: str
    env: dict[str, str]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the example report, the sample reports, and two ministries before and after the 2025 merger."""
    path = make_store(tmp_path_factory.mktemp("store") / "kg-data", sample_graph())
    with Store.open(path) as store:
        store.put(extract_file(EXAMPLE))
        store.put(small_report("khdt-2024.txt", [("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư")],
                               "2024-05-02"))
        store.put(small_report("btc-2025.txt", [("Nguyễn Văn Thắng", "Bộ trưởng", "Bộ Tài chính")], "2025-04-10"))
    return path


REMOTES = [("cypher", kind) for kind in BOLT_SERVERS] + [("sparql", kind) for kind in SPARQL_SERVERS]


@pytest.fixture(scope="module", params=REMOTES, ids=[kind for _, kind in REMOTES])
def remote(request: pytest.FixtureRequest, store_path: Path) -> Remote:
    """The store loaded (`kg.backends.load`) into each of the session's servers in turn."""
    language, kind = request.param
    server = bolt_server(request, kind) if language == "cypher" else request.getfixturevalue(f"{kind}_server")
    if language == "cypher":
        bolt = bolt_target(server)
        env = {"NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password}
        with pytest.MonkeyPatch.context() as patch:
            for key, value in env.items():
                patch.setenv(key, value)
            load("neo4j", bolt.uri, store=store_path, database=bolt.database)
        return Remote(language, bolt.target, env)
    graph_iri = "https://kg.example.org/graph/integration"
    load("sparql", server.query_url, store=store_path, graph_iri=graph_iri)
    return Remote(language, f"{server.query_url}?default-graph-uri={graph_iri}", {})


def _ask(language: str, text: str, params: dict[str, str], store: Path, target: str | None) -> QueryResult:
    if target:
        return query.run(language, text, params, target=target)
    with Store.open(store) as db:
        return query.run(language, text, params, store=db)


CASES = [(q["name"], params) for q in QUERIES for params in ("documented", "sample")]


@pytest.mark.parametrize(("name", "which"), CASES)
def test_documented_query_gives_the_embedded_answer_on_the_server(
    store_path: Path, remote: Remote, monkeypatch: pytest.MonkeyPatch, name: str, which: str
):
    for key, value in remote.env.items():
        monkeypatch.setenv(key, value)
    spec = next(q for q in QUERIES if q["name"] == name)
    params = spec["params"] if which == "documented" else SAMPLE_PARAMS[name]
    other = "sparql" if remote.language == "cypher" else "cypher"
    embedded = _ask(remote.language, spec[remote.language], params, store_path, None)
    embedded_other = _ask(other, spec[other], params, store_path, None)
    answer = _ask(remote.language, spec[remote.language], params, store_path, remote.target)
    assert answer.columns == embedded.columns == embedded_other.columns
    assert row_set(answer) == row_set(embedded)
    assert row_set(answer) == row_set(embedded_other)  # the same question asked in the other language
    with Store.open(store_path) as db:
        want = expected_values(db.graph(), name, params)
    assert {value for row in answer.rows for value in row} >= want
    if which == "sample":
        assert want, "the sample reports answer every documented question"


def test_every_documented_query_has_sample_parameters():
    assert {q["name"] for q in QUERIES} == set(SAMPLE_PARAMS)


def test_document_text_travels_intact(remote: Remote, monkeypatch: pytest.MonkeyPatch):
    for key, value in remote.env.items():
        monkeypatch.setenv(key, value)
    if remote.language == "sparql":
        sparql = "SELECT ?n WHERE { ?p skos:prefLabel ?n FILTER(?n = ?name) }"
        assert query.run("sparql", sparql, {"name": NASTY_NAME}, target=remote.target).rows == [[NASTY_NAME]]
        return
    cypher = "MATCH (p:Person) WHERE p.name = $name RETURN p.name"
    assert query.run("cypher", cypher, {"name": NASTY_NAME}, target=remote.target).rows == [[NASTY_NAME]]
    cypher = "MATCH ()-[r:HOLDS_POSITION]->() WHERE $doc IN r.docs RETURN count(r)"
    assert query.run("cypher", cypher, {"doc": REPORT_2}, target=remote.target).rows[0][0] >= 3
