"""Queries with parameters on the embedded stores (kg.query), and the documented example queries
(ontology/queries.yaml) giving the expected rows in both SPARQL and Cypher."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg import query
from kg.errors import QueryError
from kg.extract import extract_file
from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.pgmodel import EDGE_PROPS
from kg.registry import Plugin, QueryResult
from kg.store import Store
from tests.store.sample import EXAMPLE, EXAMPLE_TEXT, REPORTS, filled_store, small_report

QUERIES = {q["name"]: q for q in yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "ontology" / "queries.yaml").read_text(encoding="utf-8"))}
NEEDS_SINCE = pytest.mark.skipif("since" not in EDGE_PROPS,
                                 reason="waiting on kg/pgmodel.py: EDGE_PROPS needs 'since'")
LANGUAGES = ("sparql", "cypher")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with filled_store(tmp_path_factory.mktemp("q") / "example", (EXAMPLE,)) as store:
        yield store


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with filled_store(tmp_path_factory.mktemp("q") / "three", REPORTS) as store:
        yield store


def _run(store: Store, name: str, lang: str, **params: str) -> list[list]:
    q = QUERIES[name]
    return query.run(lang, q[lang], params or q["params"], store=store).rows


def _both(store: Store, name: str, **params: str) -> list[list]:
    sparql, cypher = _run(store, name, "sparql", **params), _run(store, name, "cypher", **params)
    assert sparql == cypher
    return sparql


# -- the documented queries on the example report ---------------------------------------------


def test_who_attended_the_meeting(example: Store) -> None:
    rows = _both(example, "attendees")
    assert [r[1] for r in rows] == ["Nguyễn Đức Thụ", "Trương Xuân Cừ"]


def test_which_bodies_are_under_a_body_transitively(example: Store) -> None:
    rows = _both(example, "bodies_under")
    assert {r[1] for r in rows} == {
        "Thường trực Đảng ủy Khối các cơ quan Trung ương",  # part of it
        "Đảng ủy cơ quan Văn phòng Quốc hội",  # reports to it
        "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội",  # part of that: two steps down
        "Ủy ban Kiểm tra Đảng ủy cơ quan Văn phòng Quốc hội",
    }
    under_qh = {r[1] for r in _both(example, "bodies_under", body="QH")}
    assert under_qh == {"Ủy ban Thường vụ Quốc hội", "Hội đồng Dân tộc"}


def test_which_directives_apply_to_a_body_and_who_issued_them(example: Store) -> None:
    rows = _both(example, "directives_for_body")
    assert [r[1:] for r in rows] == [["Nghị quyết số 580", "Ủy ban Thường vụ Quốc hội"]]
    assert _both(example, "directives_for_body", body="Bộ Chính trị") == []


def test_which_posts_a_person_holds_sparql(example: Store) -> None:
    rows = _run(example, "posts_of_person", "sparql")
    assert [r[1:] for r in rows] == [["Phó Bí thư Thường trực", "Đảng ủy cơ quan Văn phòng Quốc hội", "2019-08-28"]]


@NEEDS_SINCE
def test_which_posts_a_person_holds_in_both_languages(example: Store) -> None:
    assert [r[1:] for r in _both(example, "posts_of_person")] == [
        ["Phó Bí thư Thường trực", "Đảng ủy cơ quan Văn phòng Quốc hội", "2019-08-28"]]


def test_posts_in_english_where_kg_has_the_english(example: Store) -> None:
    assert [r[1:] for r in _both(example, "posts_in_english")] == [
        ["Deputy Secretary", "Party Committee of the Central Agencies Bloc"]]
    # no English for this body: its name as written, beside the role's English
    assert [r[1:] for r in _both(example, "posts_in_english", person="Nguyễn Đức Thụ")] == [
        ["Standing Deputy Secretary", "Đảng ủy cơ quan Văn phòng Quốc hội"]]


def test_which_reports_support_a_fact(example: Store, three: Store) -> None:
    assert _both(example, "reports_for_fact") == [["vpqh-2019-08-28.txt"]]
    assert _both(three, "reports_for_fact") == [[f"{stem}.txt"] for stem in sorted(REPORTS)]
    # the second report names the directive by its symbol: the alias finds the same fact
    assert _both(three, "reports_for_fact", source="Nghị quyết 580/NQ-UBTVQH14", target="Uỷ ban Thường vụ QH") == \
        [[f"{stem}.txt"] for stem in sorted(REPORTS)]


def test_relations_that_enough_independent_reports_state(example: Store, three: Store) -> None:
    assert _both(example, "trusted_relations") == []  # one report
    rows = _both(three, "trusted_relations")
    graph = three.graph(evidence=False)
    assert {r[0] for r in rows} == {rel.id for rel in graph.relations
                                    if rel.props["reports"] >= 2 and rel.confidence >= 0.7} != set()
    assert all(r[3] >= 2 and r[4] >= 0.7 for r in rows)


def test_two_people_of_one_name_give_two_rows(three: Store) -> None:
    rows = _run(three, "posts_of_person", "sparql")
    assert len({r[0] for r in rows}) == 2
    assert {r[2] for r in rows} == {"Đảng ủy cơ quan Văn phòng Quốc hội", "Ủy ban nhân dân tỉnh Bình Định"}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The example report through the real extractor (these tests wait for it to find people)."""
    ex = extract_file(EXAMPLE_TEXT)
    if not any(r.type == "HOLDS_POSITION" for r in ex.relations):
        pytest.skip("waiting on the extractor: no HOLDS_POSITION relations yet")
    with Store.open(tmp_path_factory.mktemp("q") / "extracted") as store:
        store.put(ex)
        yield store


def test_the_extractor_output_answers_the_documented_questions(extracted: Store) -> None:
    names = {r[1] for r in _both(extracted, "attendees")}
    assert {"Nguyễn Đức Thụ", "Trương Xuân Cừ"} <= names
    posts = _run(extracted, "posts_of_person", "sparql")
    assert ["Phó Bí thư Thường trực", "Đảng ủy cơ quan Văn phòng Quốc hội"] in [r[1:3] for r in posts]
    directives = [r[1:] for r in _both(extracted, "directives_for_body")]
    assert ["Nghị quyết số 580", "Ủy ban Thường vụ Quốc hội"] in directives
    assert _both(extracted, "reports_for_fact") == [["vpqh-2019-08-28.txt"]]
    under = {r[1] for r in _both(extracted, "bodies_under", body="Đảng ủy cơ quan Văn phòng Quốc hội")}
    assert "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội" in under


# -- "as of a date": posts over time on a small store of dated reports --------------------------

NGHE_AN = "Ủy ban nhân dân tỉnh Nghệ An"


def _dated_reports() -> list[Extraction]:
    """A minister shown by report dates then called former; a chairman appointed on a stated day who
    leaves in a stated month, after a deputy post shown by one report; a successor from a stated month."""
    out = [small_report("btc-2023.txt", [("Hồ Đức Phớc", "Bộ trưởng", "Bộ Tài chính")], "2023-03-12"),
           small_report("btc-2024.txt", [("Hồ Đức Phớc", "Bộ trưởng", "Bộ Tài chính")], "2024-09-05"),
           small_report("btc-2025.txt", [("Hồ Đức Phớc", "Bộ trưởng", "Bộ Tài chính")], "2025-06-20"),
           small_report("na-2023.txt", [("Nguyễn Văn An", "Phó Chủ tịch", NGHE_AN)], "2023-05-04"),
           small_report("na-2024.txt", [("Nguyễn Văn An", "Chủ tịch", NGHE_AN)], "2024-03-04"),
           small_report("na-2025.txt", [("Nguyễn Văn An", "Chủ tịch", NGHE_AN), ("Lê Văn Bình", "Chủ tịch", NGHE_AN)],
                        "2025-05-02")]
    out[2].relations[0].props["former"] = True  # "nguyên Bộ trưởng …"
    out[4].relations[0].props.update(since="2024-03-01", change="appointed")  # "… từ ngày 1/3/2024"
    out[5].relations[0].props.update(until="2025-04", change="transferred")  # "… từ tháng 4/2025"
    out[5].relations[1].props.update(since="2025-05", change="appointed")
    return out


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with Store.open(tmp_path_factory.mktemp("q") / "dated") as store:
        for report in _dated_reports():
            store.put(report)
        yield store


@pytest.mark.parametrize(("role", "body", "date", "holders"), [
    ("Chủ tịch", NGHE_AN, "2025-04", [("Nguyễn Văn An", "2024-03-01", "stated", "2025-04", "stated")]),
    ("Chủ tịch", NGHE_AN, "2025-04-30", [("Nguyễn Văn An", "2024-03-01", "stated", "2025-04", "stated")]),
    ("Chủ tịch", NGHE_AN, "2025-05-01", [("Lê Văn Bình", "2025-05", "stated", None, None)]),  # a partial start
    ("Chủ tịch", NGHE_AN, "2025", [("Nguyễn Văn An", "2024-03-01", "stated", "2025-04", "stated"),
                                   ("Lê Văn Bình", "2025-05", "stated", None, None)]),  # a year overlaps both
    ("Chủ tịch", NGHE_AN, "2024-03-01", [("Nguyễn Văn An", "2024-03-01", "stated", "2025-04", "stated")]),
    ("Chủ tịch", NGHE_AN, "2024-02-29", []),  # before the stated start, though in the report's month
    ("Bộ trưởng", "Bộ Tài chính", "2023-03", [("Hồ Đức Phớc", "2023-03-12", "reports", "2025-06-20", "former")]),
    ("Bộ trưởng", "Bộ Tài chính", "2023-03-11", []),  # before the first report showing it held
    ("Bộ trưởng", "Bộ Tài chính", "2025-06-20", [("Hồ Đức Phớc", "2023-03-12", "reports", "2025-06-20", "former")]),
    ("Bộ trưởng", "Bộ Tài chính", "2025-07", []),  # after the report calling him former
])
def test_who_held_a_post_on_a_date(dated: Store, role: str, body: str, date: str, holders: list) -> None:
    rows = _both(dated, "holders_on_date", role=role, body=body, date=date)
    assert [tuple(r[1:]) for r in rows] == holders


@pytest.mark.parametrize(("date", "posts"), [
    ("2023", [("Phó Chủ tịch", "2023-05-04", None)]),
    ("2024-06", [("Chủ tịch", "2024-03-01", "2025-04"), ("Phó Chủ tịch", "2023-05-04", None)]),  # nothing ends a deputy
    ("2025-06", [("Phó Chủ tịch", "2023-05-04", None)]),
    ("2022", []),
])
def test_which_posts_a_person_held_on_a_date(dated: Store, date: str, posts: list) -> None:
    rows = _both(dated, "posts_on_date", person="Nguyễn Văn An", date=date)
    assert [(r[1], r[3], r[5]) for r in rows] == posts
    assert {r[2] for r in rows} <= {NGHE_AN}


def test_the_as_of_queries_agree_with_the_library(dated: Store) -> None:
    from kg.timeline import posts_as_of

    for date in ("2023", "2023-03-12", "2024-03", "2025", "2025-04-30", "2025-05", "2025-06-21", "2026"):
        library = {(p.person, p.role, p.body) for p in posts_as_of(dated, date)}
        queried = set()
        for role, body in {(p.role, p.body) for p in posts_as_of(dated, "2000") + posts_as_of(dated, date)}:
            queried |= {(r[1], role, body) for r in _both(dated, "holders_on_date", role=role, body=body, date=date)}
        assert queried == library, date


def test_the_as_of_queries_on_the_example_report(example: Store) -> None:
    rows = _both(example, "holders_on_date")
    assert [r[1:] for r in rows] == [["Nguyễn Đức Thụ", "2019-08-28", "reports", None, None]]
    assert _both(example, "holders_on_date", **{**QUERIES["holders_on_date"]["params"], "date": "2019-08-27"}) == []
    assert [r[1:4] for r in _both(example, "posts_on_date")] == [
        ["Phó Bí thư Thường trực", "Đảng ủy cơ quan Văn phòng Quốc hội", "2019-08-28"]]
    assert _both(example, "posts_on_date", **{**QUERIES["posts_on_date"]["params"], "date": "2018"}) == []


# -- parameters ---------------------------------------------------------------------------------

NASTY = 'Trần Thị "Hoa" O\'Brien \\ }) ; MATCH (n) DETACH DELETE n // } UNION { ?s ?p ?o } #'


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> Store:
    person = Entity("p", "Person", NASTY)
    org = Entity("o", "Organization", "Sở Tư pháp tỉnh Cà Mau")
    ev = Evidence("n.txt", 0, 10, NASTY, NASTY)
    ex = Extraction(DocumentInfo("n.txt", sha256="n" * 64), NASTY,
                    [person, org], [Relation("HOLDS_POSITION", "p", "o", {"role": "Giám đốc"}, [ev])])
    with filled_store(tmp_path_factory.mktemp("q") / "nasty", (EXAMPLE,)) as store:
        store.put(ex)
        yield store


@pytest.mark.parametrize("lang", LANGUAGES)
def test_parameters_are_data_whatever_they_contain(nasty: Store, lang: str) -> None:
    rows = _run(nasty, "posts_of_person", "sparql", person=NASTY)
    assert [r[1:3] for r in rows] == [["Giám đốc", "Sở Tư pháp tỉnh Cà Mau"]]
    rows = _run(nasty, "attendees", lang, event=NASTY)
    assert rows == []  # matched nothing, and ran nothing else
    assert query.run("cypher", "MATCH (p:Person) RETURN count(p)", store=nasty).rows == [[4]]


def test_sparql_parameters_are_visible_in_filters(example: Store) -> None:
    q = "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name FILTER(STRSTARTS(?name, ?prefix)) }"
    assert query.sparql(example, q, {"prefix": "Trương"}).rows == [["Trương Xuân Cừ"]]
    assert query.cypher(example, "MATCH (p:Person) WHERE p.name STARTS WITH $prefix RETURN p.name",
                        {"prefix": "Trương"}).rows == [["Trương Xuân Cừ"]]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "WHERE {"),
        ("# a { comment\nSELECT * { ?s <urn:x> '}' }", "SELECT * {"),
        ('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p """{x}""" }', "WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", "} {"),
        ("ASK { ?s ?p ?o FILTER(?o < 5) }", "ASK {"),
    ],
)
def test_bind_puts_values_first_in_the_where_clause(text: str, where: str) -> None:
    bound = query.bind_sparql(text, {"x": "a\"}b"})
    assert bound.index('VALUES (?x) { ("a\\"}b") }') == text.index(where) + len(where) + 1


def test_bind_without_where_clause_appends() -> None:
    assert query.bind_sparql("DESCRIBE <urn:a>", {"x": 1}).endswith(
        'VALUES (?x) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n')


@pytest.mark.parametrize(
    ("text", "expected"),
    [("name=Nguyễn Đức Thụ", ("name", "Nguyễn Đức Thụ")), ("n:int=5", ("n", 5)), ("x:float=0.5", ("x", 0.5)),
     ("b:bool=TRUE", ("b", True)), ("e=a=b", ("e", "a=b")), ("empty=", ("empty", ""))],
)
def test_parse_param(text: str, expected: tuple) -> None:
    assert query.parse_param(text) == expected


def test_parse_param_iri_and_errors() -> None:
    _, value = query.parse_param("who:iri=https://kg.example.org/id/org/x")
    assert isinstance(value, query.IRI) and value == "https://kg.example.org/id/org/x"
    for bad in ("novalue", "1x=2", "n:int=five", "b:bool=maybe", "x:date=2020"):
        with pytest.raises(QueryError, match="parameter"):
            query.parse_param(bad)


def test_typed_parameters_reach_both_engines(example: Store) -> None:
    assert query.cypher(example, "MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT $n", {"n": 1}).rows == \
        [["Nguyễn Đức Thụ"]]
    iri = query.sparql(example, "SELECT ?p WHERE { ?p skos:prefLabel 'Vũ Quang' }").rows[0][0]
    rows = query.sparql(example, "SELECT ?name WHERE { ?p skos:prefLabel ?name }", {"p": query.IRI(iri)}).rows
    assert rows == [["Vũ Quang"]]


# -- errors and dispatch ------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "message"), [
    ("sparql", "SELEKT ?x", "SPARQL"),
    ("cypher", "MATCH (n RETURN n", "Cypher"),
    ("cypher", "MATCH (n:NoSuchLabel) RETURN n", "Cypher"),
    ("gremlin", "g.V()", "unknown query language"),
    ("sparql", "   ", "empty query"),
])
def test_bad_queries_raise_query_errors(example: Store, lang: str, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query.run(lang, text, store=example)


def test_a_target_sends_the_query_to_the_registered_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def engine(text: str, params: dict, target: str) -> QueryResult:
        calls.append((text, params, target))
        return QueryResult(["x"], [[1]])

    monkeypatch.setattr(query, "get", lambda kind, name: Plugin(name, engine, ""))
    assert query.run("cypher", "RETURN 1", {"a": "b"}, target="bolt://127.0.0.1:7687").rows == [[1]]
    assert calls == [("RETURN 1", {"a": "b"}, "bolt://127.0.0.1:7687")]


def test_results_are_plain_values(example: Store) -> None:
    result = query.cypher(example, "MATCH (o:Organization {name: $n}) RETURN o, o.aliases", {"n": "Văn phòng Quốc hội"})
    node, aliases = result.rows[0]
    assert node["_label"] == "Organization" and node["name"] == "Văn phòng Quốc hội" and aliases == ["VPQH"]
    assert query.sparql(example, "ASK { ?s ?p ?o }").rows == [[True]]
    built = query.sparql(example, "CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a foaf:Person ; skos:prefLabel ?n }")
    assert built.columns == ["subject", "predicate", "object"] and len(built.rows) == 3
    counted = query.sparql(example, "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")
    assert counted.rows == [[3]] and isinstance(counted.rows[0][0], int)


# -- what the embedded Cypher store supports (ontology/README.md keeps this list) ------------

WORKS = [
    "MATCH (p:Person)-[:ATTENDED]->(e:Event) RETURN p.name, e.name",
    "MATCH (o:Organization) OPTIONAL MATCH (o)-[:PART_OF]->(p) RETURN o.name, p.name",
    "MATCH (a:Organization)-[:PART_OF|REPORTS_TO*1..30]->(b:Organization) RETURN DISTINCT b.name",
    "MATCH p = (a:Organization)-[:PART_OF* SHORTEST 1..10]->(b:Organization) RETURN length(p)",
    "MATCH (n) RETURN label(n), count(*)",
    "MATCH ()-[r]->() RETURN label(r), count(*)",
    "MATCH (o:Organization) WHERE EXISTS { MATCH (o)-[:PART_OF]->() } RETURN o.name",
    "MATCH (o:Organization) WITH o, size(o.aliases) AS n WHERE n > 0 RETURN o.name, n ORDER BY n DESC SKIP 0 LIMIT 3",
    "MATCH (o:Organization) RETURN collect(DISTINCT o.name)",
    "UNWIND ['a', 'b'] AS x RETURN x",
    "MATCH (o:Organization) WHERE o.name =~ 'Văn.*' OR o.name CONTAINS 'Quốc' RETURN o.name",
    "MATCH (o:Organization) RETURN o.name UNION MATCH (l:Location) RETURN l.name",
    "MATCH (o:Organization) RETURN CASE WHEN o.name STARTS WITH 'Đ' THEN 1 ELSE 0 END, lower(o.name), properties(o)",
    "MATCH (o:Organization) RETURN COUNT { MATCH (o)-[:PART_OF]->() }",
    "MATCH ()-[r:HOLDS_POSITION]->() UNWIND r.docs AS d RETURN DISTINCT d",
    "MATCH ()-[h:HOLDS_POSITION]->() WHERE left(h.since, size($d)) <= $d RETURN size(h.since)",
]
FAILS = [
    ("MATCH ()-[r]->() RETURN type(r)", "type(r): use label(r)"),
    ("MATCH p = shortestPath((a:Organization)-[*..5]-(b:Organization)) RETURN p", "shortestPath(): use * SHORTEST"),
    ("RETURN [x IN [1, 2] WHERE x > 1 | x * 2]", "list comprehensions: use list_filter / list_transform"),
    ("MATCH (o:Organization) RETURN [(o)-[:PART_OF]->(p) | p.name]", "pattern comprehensions"),
    ("MATCH (o:Organization) RETURN elementId(o)", "elementId(): use id()"),
    ("MATCH (o:Organization) SET o += {x: 1}", "writes (and SET n += map)"),
]


@pytest.mark.parametrize("text", WORKS)
def test_documented_cypher_features_work(example: Store, text: str) -> None:
    query.cypher(example, text, {"d": "2019"} if "$d" in text else None)


@pytest.mark.parametrize(("text", "why"), FAILS)
def test_documented_cypher_gaps_fail_cleanly(example: Store, text: str, why: str) -> None:
    with pytest.raises(QueryError):
        query.cypher(example, text)



def test_a_cypher_query_run_without_a_value_for_one_of_its_parameters_is_refused_by_name():
    from kg.query import missing_cypher_params, run_cypher

    query = "MATCH (p:Person) WHERE p.name = $person AND p.note <> '$not_a_param' RETURN p.name"
    assert missing_cypher_params(query, {}) == ["person"]
    assert missing_cypher_params(query, {"person": "A"}) == []
    with pytest.raises(QueryError, match=r"\$person"):
        run_cypher(object(), query, {})  # refused before the engine is asked
