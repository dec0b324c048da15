"""N-Triples terms, subject groups, update requests and query parameters for SPARQL servers."""

from __future__ import annotations

import datetime

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from kg.backends import sparql_text as t
from kg.errors import QueryError
from kg.query import IRI
from kg.rdf import Lit, raw_triples
from tests.backends.sample import NASTY_NAME, NASTY_SENTENCE, sample_graph

XSD = "http://www.w3.org/2001/XMLSchema#"


def parse_one(line: str) -> ox.Triple:
    (triple,) = list(ox.parse(line, format=ox.RdfFormat.N_TRIPLES))
    return triple


@given(st.text())
def test_any_text_survives_as_an_n_triples_literal(text: str):
    line = f"<http://s> <http://p> {t.term(Literal(text))} ."
    assert "\n" not in line and "\r" not in line
    assert parse_one(line).object == ox.Literal(text)


def test_terms_keep_language_datatype_and_kg_rdf_raw_form():
    assert t.term(Literal("Hà Nội", lang="vi")) == '"Hà Nội"@vi'
    assert t.term(Literal(3)) == '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert t.term(Literal("x", datatype=URIRef(XSD + "string"))) == '"x"'
    assert t.term(Lit("2019-08-28", XSD + "date")) == '"2019-08-28"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert t.term(Lit("Politburo", lang="en")) == '"Politburo"@en'
    assert t.term("https://kg.example.org/id/org/a") == "<https://kg.example.org/id/org/a>"  # raw IRI
    assert t.term(URIRef("http://x/a b>")) == "<http://x/a%20b%3E>"
    assert t.term(BNode("n1")).startswith("_:b")


def test_every_sample_triple_is_valid_n_triples():
    lines = [f"{t.term(s)} {t.term(p)} {t.term(o)} ." for s, p, o in raw_triples(sample_graph())]
    parsed = list(ox.parse("\n".join(lines), format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == len(lines)
    assert ox.Literal(NASTY_NAME) in {q.object for q in parsed}
    assert ox.Literal(NASTY_SENTENCE) in {q.object for q in parsed}


def test_groups_are_per_subject_and_blank_nodes_join_their_owner():
    a, b, p = URIRef("http://a"), URIRef("http://b"), URIRef("http://p")
    n1, n2, orphan = BNode(), BNode(), BNode()
    groups = t.group_triples(
        [(a, p, Literal("x")), (a, p, n1), (n1, p, n2), (n2, p, Literal("deep")), (b, p, a), (orphan, p, b)]
    )
    assert sorted(k for k in groups if not k.startswith("_:")) == ["http://a", "http://b"]
    assert len(groups["http://a"].lines) == 4 and groups["http://a"].blank
    assert not groups["http://b"].blank and groups["http://b"].deletable
    (orphan_key,) = [k for k in groups if k.startswith("_:")]
    assert not groups[orphan_key].deletable


def test_group_digest_is_stable_across_blank_node_labels_and_sees_changes():
    a, p = URIRef("http://a"), URIRef("http://p")
    one = t.group_triples([(a, p, BNode("x1")), (BNode("x1"), p, Literal("v"))])["http://a"]
    two = t.group_triples([(a, p, BNode("y2")), (BNode("y2"), p, Literal("v"))])["http://a"]
    three = t.group_triples([(a, p, BNode("y2")), (BNode("y2"), p, Literal("w"))])["http://a"]
    assert one.digest == two.digest != three.digest


def test_update_requests_run_on_a_real_sparql_engine():
    store = ox.Store()
    lines = [f"{t.term(s)} {t.term(p)} {t.term(o)} ." for s, p, o in raw_triples(sample_graph())]
    store.update(t.insert_data(lines, "http://g"))
    assert len(store) == len(lines)
    groups = t.group_triples(raw_triples(sample_graph()))
    victim = next(k for k in groups if "/person/" in k)
    store.update(t.delete_subjects([victim], "http://g"))
    assert len(store) == len(lines) - len(groups[victim].lines)
    assert not list(store.quads_for_pattern(ox.NamedNode(victim), None, None))


def test_parameters_become_escaped_terms_and_projected_ones_keep_their_column():
    query = 'SELECT ?name (COUNT(?x) AS ?n) WHERE { ?x ex:label ?name . FILTER(?x != "?name") } # ?name'
    out = t.substitute(query, {"name": 'a "quoted" \\ name'})
    assert out == (
        'SELECT ("a \\"quoted\\" \\\\ name" AS ?name) (COUNT(?x) AS ?n) WHERE '
        '{ ?x ex:label "a \\"quoted\\" \\\\ name" . FILTER(?x != "?name") } # ?name'
    )
    assert (
        t.substitute("SELECT * WHERE { ?s ?p $o }", {"o": IRI("http://x/o")}) == "SELECT * WHERE { ?s ?p <http://x/o> }"
    )
    assert t.substitute("SELECT ?s WHERE { BIND(1 AS ?v) }", {"v": 2}) == "SELECT ?s WHERE { BIND(1 AS ?v) }"
    assert t.param_term(True) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    assert t.param_term(datetime.date(2019, 8, 28)) == '"2019-08-28"^^<http://www.w3.org/2001/XMLSchema#date>'
    with pytest.raises(QueryError):
        t.param_term(object())


@given(st.text())
def test_any_parameter_value_is_matched_exactly_by_a_real_engine(value: str):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal(value)))
    query = t.substitute("SELECT ?s ?v WHERE { ?s <http://p> ?v }", {"v": value})
    rows = [(row["s"], row["v"]) for row in store.query(query)]
    assert rows == [(ox.NamedNode("http://s"), ox.Literal(value))]


def test_undeclared_kg_prefixes_are_declared_and_declared_ones_kept():
    out = t.with_prefixes("PREFIX kg: <http://mine#> SELECT * { ?s a kg:X }", {"kg": "https://kg#", "org": "http://o#"})
    assert out.splitlines() == ["PREFIX org: <http://o#>", "PREFIX kg: <http://mine#> SELECT * { ?s a kg:X }"]
