"""Every statement the writer runs per report finds its rows through an index: none reads a
whole table, so a report costs the same in a store of 100 reports and of 100,000."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from kg.store import Store
from tests.store.sample import synthetic

# tables that grow with the archive (meta, judgements and the temporary tables do not)
GROWING = ("documents", "mentions", "names", "facts", "paths", "person_clusters", "stories", "story_bands")


def _scans(conn: sqlite3.Connection, statement: str) -> list[str]:
    plan = conn.execute("EXPLAIN QUERY PLAN " + statement).fetchall()
    return [row[3] for row in plan
            if row[3].startswith("SCAN ") and row[3].split()[1] in GROWING]


def test_each_statement_of_a_put_change_and_removal_uses_an_index(tmp_path: Path) -> None:
    statements: list[str] = []
    with Store.open(tmp_path / "kg-data") as store:
        for i in range(30):
            store.put(synthetic(i))
        store.conn.set_trace_callback(statements.append)
        store.put(synthetic(30))  # new
        changed = synthetic(31)
        changed.document = replace(changed.document, id=synthetic(4).document.id, paths=synthetic(4).document.paths)
        store.put(changed)  # changed in place
        store.remove(synthetic(6).document.id)  # removed
        store.add_path(synthetic(8).document.id, "elsewhere/copy.txt")  # a copy found
        store.conn.set_trace_callback(None)
        writes = [s for s in statements if s.split()[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE")]
        assert len(writes) > 20
        full = {s[:120]: _scans(store.conn, s) for s in writes if _scans(store.conn, s)}
        assert full == {}
