"""kg.trust: relations filtered by confidence and independent reports, once for every command."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.model import Entity, Evidence, Graph, Relation
from kg.trust import describe, independent_reports, trusted


def _graph() -> Graph:
    ents = {i: Entity(i, "Organization", i.upper()) for i in ("a", "b", "c", "d", "lone")}
    ev = [Evidence("r1.txt", 0, 1, "x"), Evidence("r2.txt", 0, 1, "x")]
    rels = [
        Relation("PART_OF", "a", "b", {"reports": 2}, ev, 0.9),  # trusted
        Relation("PART_OF", "c", "b", {"reports": 1}, ev, 0.9),  # two reprints of one story
        Relation("REPORTS_TO", "d", "b", {"reports": 3}, ev, 0.5),  # not confident
    ]
    return Graph(entities=ents, relations=rels)


def test_defaults_keep_everything() -> None:
    graph = _graph()
    assert trusted(graph) is graph


def test_relations_under_either_threshold_go_and_so_do_entities_they_leave_alone() -> None:
    graph = _graph()
    kept = trusted(graph, min_confidence=0.7, min_reports=2)
    assert [(r.source, r.target) for r in kept.relations] == [("a", "b")]
    assert set(kept.entities) == {"a", "b", "lone"}  # "lone" never had a relation: not the filter's to judge
    assert len(graph.relations) == 3  # the input is left alone
    assert len(trusted(graph, min_reports=2).relations) == 2
    assert len(trusted(graph, min_confidence=0.7).relations) == 2


def test_a_relation_without_the_prop_counts_the_reports_of_its_evidence() -> None:
    rel = Relation("PART_OF", "a", "b", {}, [Evidence("r1.txt", 0, 1, "x"), Evidence("r1.txt", 5, 6, "y")])
    assert independent_reports(rel) == 1
    assert independent_reports(Relation("PART_OF", "a", "b")) == 1


@pytest.mark.parametrize(("conf", "reports"), [(-0.1, 1), (1.5, 1), (0.0, 0)])
def test_bad_thresholds_are_kg_errors(conf: float, reports: int) -> None:
    with pytest.raises(KgError):
        trusted(_graph(), conf, reports)


def test_describe() -> None:
    assert describe() == ""
    assert describe(0.7, 2) == "only relations with confidence ≥ 0.7 and ≥ 2 independent reports"
