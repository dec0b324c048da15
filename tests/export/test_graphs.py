"""GraphML and GEXF exports (kg.export.graphs), read back with networkx."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.export.graphs import export_gexf, export_graphml
from tests.store.sample import REPORTS, filled_store


@pytest.mark.parametrize(("export", "read"), [(export_graphml, nx.read_graphml), (export_gexf, nx.read_gexf)])
def test_graph_formats_keep_nodes_edges_and_provenance(tmp_path: Path, export, read) -> None:
    with filled_store(tmp_path / "s", REPORTS) as store:
        graph = store.graph()
    out = tmp_path / "g.out"
    export(graph, out)
    g = read(out)
    assert g.number_of_nodes() == len(graph.entities)
    assert g.number_of_edges() == len(graph.relations)
    vpqh = next(e for e in graph.entities.values() if e.name == "Văn phòng Quốc hội")
    node = g.nodes[vpqh.id]
    assert node["type"] == "Organization" and json.loads(node["aliases"]) == vpqh.aliases
    post = next(r for r in graph.relations if r.type == "HOLDS_POSITION" and len(r.evidence) == 2)
    edges = [d for u, v, d in g.edges(data=True) if u == post.source and v == post.target]
    assert len(edges) == 1
    assert edges[0]["relation"] == "HOLDS_POSITION" and edges[0]["role"] == post.props["role"]
    assert json.loads(edges[0]["reports"]) == sorted({e.doc for e in post.evidence})
    assert json.loads(edges[0]["sentences"]) == [e.sentence for e in post.evidence]
