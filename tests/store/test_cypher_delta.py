"""The Cypher store updated by each change (kg.store.cypher_delta) holds exactly the nodes, relationships and
properties a rebuild from the graph holds, whatever the sequence of reports added, changed and removed."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import ladybug
from hypothesis import HealthCheck, given, settings

from kg import query
from kg.store import Store, cypherdb
from kg.store.builders import build_cypher
from tests.store.deltas import FIRST, STEPS, assert_every_update_equals_a_rebuild, current
from tests.store.sample import small_report, varied_report


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _dump(conn: ladybug.Connection) -> dict[str, list[tuple]]:
    """Every table's rows: a node's properties; a relationship's ends and properties."""
    out = {}
    for name, kind in conn.execute("CALL show_tables() RETURN name, type").get_all():
        match = (f"MATCH (n:{name}) RETURN n.*" if kind == "NODE"
                 else f"MATCH (a)-[r:{name}]->(b) RETURN a.id, b.id, r.*")
        out[name] = sorted((tuple(_frozen(v) for v in row) for row in conn.execute(match).get_all()), key=repr)
    return out


def _rebuilt(store: Store, scratch: Path) -> dict[str, list[tuple]]:
    dest = Path(tempfile.mkdtemp(dir=scratch))
    build_cypher(store.graph(), dest)
    db, conn = cypherdb.open_read_only(dest)
    try:
        return _dump(conn)
    finally:
        conn.close()
        db.close()


def _current(store: Store) -> Path:
    return current(store, "cypher")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=FIRST, steps=STEPS)
def test_every_update_equals_a_rebuild(first: list[int], steps: list[tuple[int, int | None]]) -> None:
    assert_every_update_equals_a_rebuild(first, steps, "cypher", lambda store: _dump(store.derived.cypher()),
                                         _rebuilt)


def test_a_new_report_is_queryable_through_an_update(tmp_path: Path) -> None:
    holders = "MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Organization {name: $body}) RETURN p.name ORDER BY p.name"
    with Store.open(tmp_path / "s") as store:
        store.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        assert query.cypher(store, holders, {"body": "Sở Nội vụ tỉnh Nghệ An"}).rows == [["Nguyễn Văn An"]]
        store.put(small_report("b.txt", [("Lê Thị Lan", "Phó Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        assert query.cypher(store, holders, {"body": "Sở Nội vụ tỉnh Nghệ An"}).rows == [["Lê Thị Lan"],
                                                                                        ["Nguyễn Văn An"]]
        assert (_current(store) / "complete").read_text().startswith("updated from cypher-")
        store.remove("a.txt")
        assert query.cypher(store, holders, {"body": "Sở Nội vụ tỉnh Nghệ An"}).rows == [["Lê Thị Lan"]]


def test_a_change_the_schema_cannot_take_is_built_whole(tmp_path: Path) -> None:
    # a body's directive applying to an Event: a pair of labels no APPLIES_TO table of the first build joins
    with Store.open(tmp_path / "s") as store:
        store.put(varied_report("a.txt", 1))
        store.refresh()
        odd = varied_report("b.txt", 2)
        event = next(e for e in odd.entities if e.type == "Event")
        body = next(e for e in odd.entities if e.type == "Organization")
        odd.relations.append(type(odd.relations[0])("APPLIES_TO", body.id, event.id, {}, event.evidence, 0.5))
        store.put(odd)
        got = _dump(store.derived.cypher())
        assert not (_current(store) / "complete").read_text().startswith("updated from ")
        assert got == _rebuilt(store, tmp_path)
