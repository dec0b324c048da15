"""The 2025 successions of bodies (kg.succession): BECAME relationships for every Cypher target (embedded
store, Neo4j loader and exports), and the documented query "which bodies did B become" (ontology/queries.yaml)
giving the same rows in SPARQL and Cypher."""

from __future__ import annotations

import pytest

from kg import pgmodel
from kg.backends import cypher
from kg.store import Store
from tests.store.sample import EXAMPLE, filled_store, small_report
from tests.test_query import _both
from tests.test_rdf import _bodies

NGHE_AN_FINANCE = "Sở Tài chính tỉnh Nghệ An"


def test_a_body_became_another_in_every_property_graph_target() -> None:
    graph = _bodies("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo")
    rows = pgmodel.rows_by_type(graph)[("BECAME", "Organization", "Organization")]
    got = sorted((r["source"], r["target"], r["change"], r["since"], r["legal_source"], r["reports"]) for r in rows)
    act = "Nghị quyết 176/2025/QH15 (Quốc hội, 2025-02-18)"
    assert got == [("org:0", "org:1", "merged", "2025-03-01", act, 0),
                   ("org:2", "org:3", "created", "2025-03-01", act, 0)]
    items = [i for i in cypher.edge_items(graph).values() if i.group[0] == "BECAME"]  # Neo4j loader, exports
    assert sorted((i.row["source"], i.row["target"]) for i in items) == [("org:0", "org:1"), ("org:2", "org:3")]
    assert not graph.relations  # derived when mapped, never stored


def test_no_succession_when_one_side_is_missing() -> None:
    assert "BECAME" not in {t for t, _, _ in pgmodel.rows_by_type(_bodies("Bộ Tài chính", "Bộ Y tế"))}


# -- "which bodies did B become": the 2025 successions (data/reorganisation_2025.yaml) -----------


@pytest.fixture(scope="module")
def reorganised(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Reports naming bodies before and after the 2025 reorganisation, and one body the data does not know."""
    reports = [small_report("khdt-2024.txt", [("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư")], "2024-05-02"),
               small_report("btc-2025.txt", [("Nguyễn Văn Thắng", "Bộ trưởng", "Bộ Tài chính")], "2025-04-10"),
               small_report("bdn-2024.txt", [("Lê Hoài Trung", "Trưởng ban", "Ban Đối ngoại Trung ương")],
                            "2024-06-01"),
               small_report("bng-2025.txt", [("Lê Hoài Trung", "Bộ trưởng", "Bộ Ngoại giao"),
                                             ("Trần Văn A", "Giám đốc", NGHE_AN_FINANCE)], "2025-09-01")]
    with Store.open(tmp_path_factory.mktemp("q") / "reorganised") as store:
        for report in reports:
            store.put(report)
        yield store


@pytest.mark.parametrize(("body", "rows"), [
    ("Bộ Kế hoạch và Đầu tư", [("Bộ Tài chính", "merged", "2025-03-01",
                                "Nghị quyết 176/2025/QH15 (Quốc hội, 2025-02-18)")]),
    ("Ban Đối ngoại Trung ương", [("Bộ Ngoại giao", "ended", None, None)]),  # no date, no verified act
    ("Bộ Tài chính", []),  # kept its name through the merger: not its own successor
    (NGHE_AN_FINANCE, []),
])
def test_which_bodies_a_body_became(reorganised: Store, body: str, rows: list) -> None:
    assert [tuple(r[1:]) for r in _both(reorganised, "successors_of_body", body=body)] == rows


def test_no_succession_without_both_bodies(tmp_path) -> None:
    with filled_store(tmp_path / "example", (EXAMPLE,)) as example:
        assert _both(example, "successors_of_body") == []
