"""ontology/: the vocabulary covers every kg: term the mapping writes, the SHACL shapes accept the
example report's RDF and reject broken RDF, and the README shows the tested queries."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
import yaml
from rdflib.namespace import OWL, RDF, RDFS

from kg import rdf
from kg.extract import extract_file
from kg.model import RELATION_TYPES, Graph
from kg.pgmodel import EDGE_PROPS, NODE_LABELS, NODE_PROPS
from kg.store import Store
from tests.store.sample import EXAMPLE, EXAMPLE_TEXT, REPORTS, filled_store, synthetic

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
KG = rdflib.Namespace(rdf.KG)
TIME = rdflib.Namespace(rdf.TIME)


@pytest.fixture(scope="module")
def vocabulary() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    with filled_store(tmp_path_factory.mktemp("onto") / "s", REPORTS) as store:
        for i in range(3):
            store.put(synthetic(i))
        return store.graph()


def _validate(data: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, text


def test_every_kg_term_written_is_declared(vocabulary: rdflib.Graph, three: Graph) -> None:
    data = rdf.graph_to_rdf(three)
    used = {p for p in data.predicates() if str(p).startswith(rdf.KG)}
    used |= {o for o in data.objects(None, RDF.type) if str(o).startswith(rdf.KG)}
    declared = {s for s in vocabulary.subjects(RDF.type, None) if str(s).startswith(rdf.KG)}
    assert used and used <= declared, sorted(used - declared)
    for term in declared:
        assert vocabulary.value(term, RDFS.label) is not None and vocabulary.value(term, RDFS.comment) is not None
    assert (KG.attended, OWL.inverseOf, rdflib.URIRef(rdf.SCHEMA + "attendee")) in vocabulary


def test_a_rejected_fact_written_on_request_uses_a_declared_term(vocabulary: rdflib.Graph, tmp_path: Path) -> None:
    from kg import judge
    from tests.store.sample import filled_store

    store = filled_store(tmp_path / "kg")
    try:
        judge.reject(store, "VPQH", author="lan", reason="test")
        data = rdf.graph_to_rdf(store.graph(include_rejected=True))
    finally:
        store.close()
    rejected = rdflib.URIRef(rdf.KG + "rejected")
    assert len(list(data.subject_objects(rejected))) > 1  # the body and its relations' fact nodes
    assert (rejected, RDF.type, OWL.DatatypeProperty) in vocabulary


def test_the_example_and_test_reports_conform(shapes: rdflib.Graph, three: Graph) -> None:
    conforms, text = _validate(rdf.graph_to_rdf(three), shapes)
    assert conforms, text


def test_the_extractor_output_for_the_example_report_conforms(shapes: rdflib.Graph, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        store.put(extract_file(EXAMPLE_TEXT))
        data = rdf.graph_to_rdf(store.graph())
    assert len(data) > 50
    conforms, text = _validate(data, shapes)
    assert conforms, text


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.set((next(g.subjects(RDF.type, RDF.Statement)), KG.confidence,
                          rdflib.Literal(1.5))), "confidence"),
        (lambda g: g.remove((next(g.subjects(RDF.type, RDF.Statement)), KG.evidence, None)), "evidence"),
        (lambda g: g.remove((next(g.subjects(RDF.type, rdflib.URIRef(rdf.ORG + "Post"))),
                             rdflib.URIRef(rdf.ORG + "postIn"), None)), "postIn"),
        (lambda g: g.add((next(g.subjects(RDF.type, rdflib.URIRef(rdf.FOAF + "Person"))),
                          rdflib.URIRef(rdf.SKOS + "prefLabel"), rdflib.Literal("a second name"))), "prefLabel"),
        (lambda g: g.add((next(g.subjects(RDF.type, rdflib.URIRef(rdf.FOAF + "Person"))),
                          rdflib.URIRef(rdf.ORG + "holds"), rdflib.URIRef("urn:not-a-post"))), "holds"),
        (lambda g: g.add((next(g.subjects(RDFS.label, None)), RDFS.label, rdflib.Literal("another", lang="en"))),
         "UniqueLang"),
        (lambda g: g.remove((next(g.subjects(RDF.type, TIME.Instant)), KG.basis, None)), "basis"),
        (lambda g: g.add((next(g.subjects(RDF.type, TIME.Instant)), TIME.inXSDgYear,
                          rdflib.Literal("2024", datatype=rdflib.URIRef(rdf.XSD + "gYear")))), "Xone"),
        (lambda g: g.remove((next(g.subjects(RDF.type, rdflib.URIRef(rdf.ORG + "Membership"))),
                             rdflib.URIRef(rdf.ORG + "member"), None)), "member"),
    ],
)
def test_shapes_reject_broken_rdf(shapes: rdflib.Graph, three: Graph, break_it, message: str) -> None:
    data = rdf.graph_to_rdf(three)
    break_it(data)
    conforms, text = _validate(data, shapes)
    assert not conforms and message in text


def test_the_readme_shows_the_tested_queries_and_the_whole_mapping() -> None:
    readme = (ONTOLOGY / "README.md").read_text(encoding="utf-8")
    queries = yaml.safe_load((ONTOLOGY / "queries.yaml").read_text(encoding="utf-8"))
    assert {q["name"] for q in queries} == {"attendees", "bodies_under", "directives_for_body", "posts_of_person",
                                            "reports_for_fact", "posts_in_english", "trusted_relations",
                                            "holders_on_date", "posts_on_date", "successors_of_body"}
    for q in queries:
        for lang in ("sparql", "cypher"):
            assert f"```{lang}\n{q[lang]}```" in readme, f"{q['name']} {lang} differs from queries.yaml"
    for term in [*NODE_LABELS, *RELATION_TYPES, *NODE_PROPS, *EDGE_PROPS, "docs", "sentences", "spans"]:
        assert f"`{term}`" in readme, term


def test_the_store_loads_the_vocabulary_for_queries(tmp_path: Path) -> None:
    with filled_store(tmp_path / "s", (EXAMPLE,)) as store:
        rows = store.derived.rdf().query(
            "SELECT ?p WHERE { GRAPH <https://kg.example.org/ontology> { ?p rdfs:domain eli:LegalResource } } "
            "ORDER BY ?p", prefixes=rdf.PREFIXES)
        assert [str(r["p"].value) for r in rows] == [rdf.KG + "appliesTo", rdf.KG + "kind"]


def test_change_events_of_bodies_conform_and_need_their_ends(shapes: rdflib.Graph) -> None:
    from tests.test_rdf import _bodies

    data = rdf.graph_to_rdf(_bodies("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"))
    event = next(data.subjects(RDF.type, rdflib.URIRef(rdf.ORG + "ChangeEvent")))
    assert _validate(data, shapes)[0]
    data.remove((event, KG.changeKind, None))
    conforms, text = _validate(data, shapes)
    assert not conforms and "changeKind" in text
