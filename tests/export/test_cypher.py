"""The `cypher` exporter: a cypher-shell script whose literals a real Cypher engine reads back exactly."""

from __future__ import annotations

from pathlib import Path

import ladybug
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.backends import cypher as cy
from kg.errors import KgError
from kg.export.cypher import ROWS_PER_STATEMENT, export_cypher, literal, statements
from kg.registry import get
from tests.backends.sample import NASTY_SENTENCE, sample_graph, synthetic_graph

_CONN = ladybug.Connection(ladybug.Database(":memory:"))  # an embedded Cypher engine to read literals


def evaluate(text: str) -> object:
    return _CONN.execute(f"RETURN {text} AS v").get_all()[0][0]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_read_back_exactly(value: str):
    assert evaluate(literal(value)) == value


def test_lists_maps_numbers_and_nulls_are_read_back_exactly():
    value = {"id": "x", "aliases": ["a", 'b"c'], "confidence": 0.85, "n": 3, "flag": True, "date": None}
    assert evaluate(literal(value)) == value
    with pytest.raises(KgError):
        literal(float("nan"))


def test_the_script_holds_the_schema_then_one_merge_statement_per_batch(tmp_path: Path):
    graph = synthetic_graph(3000, seed=1)
    out = tmp_path / "load.cypher"
    get("exporter", "cypher").func(graph, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    body = [line for line in lines[:-1] if not line.startswith("//")]
    assert all(line.endswith(";") for line in body)
    schema = [s.cypher + ";" for s in cy.schema_statements()]
    assert body[: len(schema)] == schema
    merges = body[len(schema) :]
    nodes, edges = cy.node_items(graph), cy.edge_items(graph)
    groups = {i.group for i in nodes.values()} | {i.group for i in edges.values()}
    assert len(merges) >= len(groups)
    assert sum(line.count('{id: "') for line in merges) == len(nodes) + len(edges)
    per_statement = max(line.count('{id: "') for line in merges)
    assert per_statement == ROWS_PER_STATEMENT


def test_document_text_never_breaks_a_line(tmp_path: Path):
    out = tmp_path / "load.cypher"
    export_cypher(sample_graph(), out)
    text = out.read_text(encoding="utf-8")
    assert NASTY_SENTENCE not in text  # written escaped ...
    assert literal(NASTY_SENTENCE) in text  # ... exactly once, as a literal
    assert "\u2028" not in text and "\t" not in text
    assert len(text.split("\n")) == len(list(statements(sample_graph()))) + 5


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path):
    out = tmp_path / "missing-dir" / "load.cypher"
    with pytest.raises(KgError, match=r"missing-dir/load\.cypher: folder \S*missing-dir does not exist"):
        export_cypher(sample_graph(), out)
    assert not out.parent.exists()
