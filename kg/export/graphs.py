"""Graph-tool formats for Gephi, Cytoscape, yEd: GraphML and GEXF (through networkx).

Nodes keep `type`, `name` (also the label), `aliases` and the entity's properties; edges are keyed
by the relation id and keep `relation` (the type, also the label: GEXF reserves `type`), its
properties, `confidence`, `reports` and `sentences`.
These formats only hold scalar values: lists are written as JSON arrays in a string.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export import atomic_output
from kg.model import Graph
from kg.paths import to_networkx
from kg.registry import register


def _flat(graph: Graph) -> nx.MultiDiGraph:
    import json

    def scalar(value: object) -> object:
        if isinstance(value, (str, int, float, bool)):
            return value
        return json.dumps(value, ensure_ascii=False) if value is not None else ""

    g = to_networkx(graph, evidence=True)
    for _, data in g.nodes(data=True):
        for key in list(data):
            data[key] = scalar(data[key])
        data["label"] = data.get("name", "")
    for _, _, data in g.edges(data=True):
        for key in list(data):
            data[key] = scalar(data[key])
        data["label"] = data.get("relation", "")
    return g


@register("exporter", "graphml", help="GraphML (Gephi, Cytoscape, yEd)")
def export_graphml(graph: Graph, out: Path) -> None:
    g = _flat(graph)
    with atomic_output(out) as tmp:
        nx.write_graphml(g, str(tmp), encoding="utf-8")


@register("exporter", "gexf", help="GEXF (Gephi)")
def export_gexf(graph: Graph, out: Path) -> None:
    g = _flat(graph)
    with atomic_output(out) as tmp:
        nx.write_gexf(g, str(tmp), encoding="utf-8")
