"""Graph algorithms over the merged graph (kg.paths)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.model import Graph
from kg.paths import find_entities, resolve_one, shortest_path, to_networkx, top_entities
from tests.store.sample import REPORTS, filled_store


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    with filled_store(tmp_path_factory.mktemp("paths") / "s", REPORTS) as store:
        return store.graph()


def _names(path) -> list[str]:
    return [e.name for e in path.entities]


def test_chain_of_command_follows_part_of_and_reports_to(graph: Graph) -> None:
    a = resolve_one(graph, "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội")
    b = resolve_one(graph, "Đảng ủy Khối các cơ quan Trung ương")
    path = shortest_path(graph, a, b, via=["PART_OF", "REPORTS_TO"], directed=True)
    assert _names(path) == ["Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội", "Đảng ủy cơ quan Văn phòng Quốc hội",
                            "Đảng ủy Khối các cơ quan Trung ương"]
    assert [r.type for r in path.relations] == ["PART_OF", "REPORTS_TO"]
    assert shortest_path(graph, b, a, via=["PART_OF", "REPORTS_TO"], directed=True) is None  # not upwards
    assert len(shortest_path(graph, b, a, via=["PART_OF", "REPORTS_TO"]).relations) == 2


def test_any_relation_connects_people_through_their_bodies(graph: Graph) -> None:
    cu, hoa = resolve_one(graph, "Trương Xuân Cừ"), resolve_one(graph, "Lê Thị Hoa")
    path = shortest_path(graph, cu, hoa)
    assert path.entities[0].id == cu and path.entities[-1].id == hoa
    for (left, right), rel in zip(itertools.pairwise(path.entities), path.relations, strict=True):
        assert {rel.source, rel.target} == {left.id, right.id}


def test_unconnected_unknown_and_ambiguous(graph: Graph) -> None:
    cu = resolve_one(graph, "Trương Xuân Cừ")
    vpqh = resolve_one(graph, "VPQH")
    assert shortest_path(graph, cu, vpqh, via=["PART_OF"]) is None
    with pytest.raises(KgError, match="unknown relation type"):
        shortest_path(graph, cu, vpqh, via=["FRIEND_OF"])
    with pytest.raises(KgError, match="names 2 entities"):
        resolve_one(graph, "Nguyễn Đức Thụ")
    with pytest.raises(KgError, match="no entity named"):
        resolve_one(graph, "Không Ai")
    assert find_entities(graph, "van phong quoc hoi") == [vpqh] == find_entities(graph, vpqh)


def test_top_entities_by_degree_and_betweenness(graph: Graph) -> None:
    top = top_entities(graph, 3)
    g = to_networkx(graph)
    assert top[0][0].name == "Đảng ủy cơ quan Văn phòng Quốc hội"
    assert [score for _, score in top] == sorted((float(g.degree(e.id)) for e, _ in top), reverse=True)
    assert max(d for n, d in g.degree() if graph.entities[n].type != "Document") == top[0][1]
    assert all(e.type != "Document" for e, _ in top_entities(graph, 100))
    assert {e.type for e, _ in top_entities(graph, 100, types=["Person"])} == {"Person"}
    between = top_entities(graph, 2, measure="betweenness")
    assert len(between) == 2 and between[0][1] >= between[1][1] > 0
    with pytest.raises(KgError, match="unknown measure"):
        top_entities(graph, 2, measure="pagerank")


def test_networkx_view_keeps_every_relation(graph: Graph, tmp_path: Path) -> None:
    g = to_networkx(graph, evidence=True)
    assert g.number_of_nodes() == len(graph.entities) and g.number_of_edges() == len(graph.relations)
    rel = graph.relations[0]
    data = g.get_edge_data(rel.source, rel.target, key=rel.id)
    assert data["relation"] == rel.type and data["sentences"] == [e.sentence for e in rel.evidence]
