"""RDF exports (kg.export.rdf): Turtle, N-Triples and JSON-LD hold exactly the mapping's graph."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import rdf
from kg.errors import KgError
from kg.export import atomic_output
from kg.model import Graph
from kg.registry import get, names
from tests.store.sample import REPORTS, filled_store

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    with filled_store(tmp_path_factory.mktemp("export") / "s", REPORTS) as store:
        return store.graph()


def test_the_formats_are_registered() -> None:
    assert {"ttl", "nt", "jsonld", "graphml", "gexf", "jsonl"} <= set(names("exporter"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_rdf_exports_hold_the_mapping_graph(graph: Graph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    get("exporter", fmt).func(graph, out)
    parsed = rdflib.Graph().parse(out, format=FORMATS[fmt])
    assert isomorphic(parsed, rdf.graph_to_rdf(graph))
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_turtle_uses_the_vocabulary_prefixes(graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    get("exporter", "ttl").func(graph, out)
    text = out.read_text(encoding="utf-8")
    assert "@prefix org: <http://www.w3.org/ns/org#>" in text and "org:subOrganizationOf" in text
    assert "Văn phòng Quốc hội" in text  # not escaped


def test_jsonld_is_compacted_with_a_context(graph: Graph, tmp_path: Path) -> None:
    import json

    out = tmp_path / "g.jsonld"
    get("exporter", "jsonld").func(graph, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["org"] == rdf.ORG and "@graph" in doc


def test_a_failed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    out.write_text("previous")
    with pytest.raises(RuntimeError), atomic_output(out) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]
    with pytest.raises(KgError, match="does not exist"), atomic_output(tmp_path / "missing" / "g.ttl"):
        pass
