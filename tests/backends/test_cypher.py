"""The Cypher statements and rows shared by the Bolt loader and the cypher-shell export."""

from __future__ import annotations

import pytest

from kg.backends import cypher as cy
from kg.errors import KgError
from kg.model import RELATION_TYPES, Entity, Graph, Relation
from kg.pgmodel import NODE_LABELS
from tests.backends.sample import sample_graph


def test_labels_and_types_come_only_from_the_model():
    assert cy.label("Person") == "`Person`"
    assert cy.rel_type("PART_OF") == "`PART_OF`"
    for bad in ("Person`) DETACH DELETE n //", "person", ""):
        with pytest.raises(KgError):
            cy.label(bad)
        with pytest.raises(KgError):
            cy.rel_type(bad)


def test_schema_has_a_uniqueness_constraint_per_label_and_type_in_neo4j_5_syntax():
    statements = [s.cypher for s in cy.schema_statements()]
    for name in NODE_LABELS:
        assert (
            f"CREATE CONSTRAINT kg_{name.lower()}_id IF NOT EXISTS FOR (n:`{name}`) REQUIRE n.id IS UNIQUE"
            in statements
        )
    rel_constraints = [s for s in cy.schema_statements() if s.fallback]
    assert len(rel_constraints) == len(RELATION_TYPES)
    assert all("REQUIRE r.id IS UNIQUE" in s.cypher and "ON (r.id)" in (s.fallback or "") for s in rel_constraints)


def test_values_travel_as_parameters_never_in_the_text():
    graph = sample_graph()
    texts = [cy.merge_nodes(label) for label in NODE_LABELS]
    texts += [cy.merge_edges(*item.group) for item in cy.edge_items(graph).values()]
    names = [e.name for e in graph.entities.values()]
    assert all("$rows" in text and not any(name in text for name in names) for text in texts)


def test_rows_follow_the_property_graph_mapping():
    graph = sample_graph()
    nodes, edges = cy.node_items(graph), cy.edge_items(graph)
    assert len(nodes) == len(graph.entities) and len(edges) == len(graph.relations)
    person = next(i for i in nodes.values() if i.row["name"] == "Hồ Quốc Dũng")
    assert person.group == ("Person",)
    assert person.row["aliases"] == ["ông Dũng", "đồng chí Hồ Quốc Dũng"]
    assert person.row["date"] is None  # absent, as on the embedded store, not ""
    post = next(i for i in edges.values() if i.row["props"].get("role") == "Chủ tịch HĐND tỉnh")
    assert post.group == ("HOLDS_POSITION", "Person", "Organization")
    assert post.row["props"]["docs"] == ["mau-vpqh-2019-08-28.txt", "bao-cao-binh-dinh.txt"]
    assert post.row["props"]["confidence"] == 0.85 and "source" not in post.row["props"]


def test_relations_with_a_missing_end_are_skipped_and_unknown_types_refused():
    a = Entity("org:a", "Organization", "A")
    graph = Graph(entities={a.id: a}, relations=[Relation("PART_OF", a.id, "org:missing")])
    assert cy.edge_items(graph) == {}
    graph.entities["x:y"] = Entity("x:y", "Spaceship", "Y")
    with pytest.raises(KgError, match="entity type 'Spaceship' is not in the model"):
        cy.node_items(graph)
