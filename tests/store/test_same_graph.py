"""A fixed synthetic archive gives the same graph, byte for byte, whatever the store's schema
and indexes: the digest below was taken before the store was reshaped for size and flat ingest
cost (schema 4), so a change of layout that changes any id, name, evidence, story or count
fails here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from kg.store import Store
from tests.store.sample import canonical, synthetic

# sha256 of canonical(graph) + the stories and person clusters' ids, from schema 4's store
EXPECTED = "17417c7e86de7283d61d7e9091f37e064d34168ce108f7fe5357afc7e4854a85"


def archive(store: Store) -> None:
    """40 reports (namesakes, shared events, merged clusters), an exact reprint under another id,
    a report changed in place and one removed: every writer path (new, changed, removed)."""
    with store.batch(size=7):
        for i in range(40):
            store.put(synthetic(i))
        copy = synthetic(3)
        copy.document = replace(copy.document, id="reprint-of-3.txt", paths=["reprint-of-3.txt"])
        store.put(copy)
        changed = synthetic(41)
        changed.document = replace(changed.document, id=synthetic(5).document.id, paths=synthetic(5).document.paths)
        store.put(changed)
        store.remove(synthetic(7).document.id)


def digest(store: Store) -> str:
    graph = store.graph()
    lines = canonical(graph)
    lines += sorted(json.dumps(r, ensure_ascii=False) for r in store.conn.execute(
        "SELECT doc, story FROM stories ORDER BY doc"))
    lines += sorted({json.dumps([r[0], r[1]], ensure_ascii=False) for r in store.conn.execute(
        "SELECT key, gid FROM mentions WHERE type='Person'")})
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_a_fixed_archive_gives_the_graph_it_gave_before_the_store_was_reshaped(tmp_path: Path) -> None:
    with Store.open(tmp_path / "kg-data") as store:
        archive(store)
        assert digest(store) == EXPECTED
