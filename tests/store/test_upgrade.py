"""kg.store.schema: a store an older kg wrote is upgraded in place, all of it or none of it."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.store import Store, schema, sentences, upgrade_store

V1 = Path(__file__).resolve().parent / "data" / "store-v1" / "kg.sqlite"


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(V1, folder / "kg.sqlite")
    return folder


def _tables(db: Path) -> dict[str, list[tuple]]:
    """The rows of the graph's tables, each row's evidence as the items stored before version 7
    ([start, end, text, sentence or ""]; a later store's decoded with its report's sentences)."""
    conn = sqlite3.connect(db)
    try:
        texts = sentences.load(conn) if _has_table(conn, "sentences") else None
        out = {}
        for table in ("mentions", "names", "facts", "person_clusters"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            at = columns.index("evidence") if "evidence" in columns else -1
            rows = [list(r) for r in conn.execute(f"SELECT * FROM {table}")]
            for row in rows if at >= 0 else []:
                row[at] = json.loads(row[at]) if texts is None else sentences.decode(row[at], texts[row[0]])
            out[table] = sorted(json.dumps(row, ensure_ascii=False) for row in rows)
        return out
    finally:
        conn.close()


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def _v1_documents(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    try:
        return {doc: json.loads(info) for doc, info in conn.execute("SELECT id, info FROM documents")}
    finally:
        conn.close()


def test_the_fixture_is_a_version_1_store() -> None:
    conn = sqlite3.connect(V1)
    assert schema.version_of(conn) == 1
    assert "paths" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()


def test_opening_an_old_store_upgrades_it_and_keeps_every_fact(old_store: Path, caplog) -> None:
    db = old_store / "kg.sqlite"
    facts_before, docs_before = _tables(db), _v1_documents(db)
    with caplog.at_level(logging.WARNING, logger="kg.store.schema"), Store.open(old_store, create=False) as store:
        docs = {d.id: d for d in store.documents()}
        graph = store.graph()
    assert f"upgraded the store from schema version 1 to {schema.SCHEMA_VERSION}" in caplog.text
    assert _tables(db) == facts_before  # the facts are untouched (their evidence's sentences moved, not changed)
    assert set(docs) == set(docs_before)
    for doc_id, old in docs_before.items():  # each report keeps every file it was found in
        assert docs[doc_id].paths == sorted(old["paths"])
        assert docs[doc_id].sha256 == old["sha256"]
    assert any(len(d.paths) == 2 for d in docs.values())  # the copy is still a copy
    conn = sqlite3.connect(db)
    assert schema.version_of(conn) == schema.SCHEMA_VERSION
    assert conn.execute("SELECT COUNT(DISTINCT gid) FROM mentions").fetchone()[0] == len(graph.entities)
    conn.close()


def test_an_upgraded_store_takes_new_reports(old_store: Path, tmp_path: Path) -> None:
    from kg.ingest import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "new.txt").write_text(
        "Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An.", encoding="utf-8")
    with Store.open(old_store, create=False) as store:
        summary = ingest([tmp_path / "in"], store, jobs=1)
        assert summary.new == 1
        assert "new.txt" in {d.id for d in store.documents()}
        assert store.find("Đào Hồng Lan")


def test_upgrade_is_idempotent_and_reports_what_it_did(old_store: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["upgrade", "--store", str(old_store)])
    assert first.exit_code == 0, first.output
    assert f"from schema version 1 to {schema.SCHEMA_VERSION}" in first.output
    again = runner.invoke(app, ["upgrade", "--store", str(old_store)])
    assert again.exit_code == 0 and "nothing to do" in again.output
    assert upgrade_store(old_store) == (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION)


def test_a_failed_migration_leaves_the_store_as_it_was(old_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = old_store / "kg.sqlite"
    before = _tables(db), _v1_documents(db)

    def half_done(conn: sqlite3.Connection) -> None:  # a fault we cannot cause otherwise
        schema._v1_to_v2(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [half_done])
    with pytest.raises(StoreError, match="upgrade failed, the store is as it was"):
        upgrade_store(old_store)
    conn = sqlite3.connect(db)
    assert schema.version_of(conn) == 1
    assert "paths" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert (_tables(db), _v1_documents(db)) == before


def test_a_store_newer_than_kg_is_refused_untouched(old_store: Path) -> None:
    db = old_store / "kg.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(app, ["stats", "--store", str(old_store)])
    assert result.exit_code != 0
    assert "schema version 99 is newer than this kg reads" in result.output
    assert _v1_documents(db)  # still there, still version-1 shaped


def _as_version_6(db: Path) -> None:
    """Give a current store version 6's layout, as version 6 wrote it: each evidence item with its
    text and sentence ("" when the text is the sentence), no table of sentences."""
    conn = sqlite3.connect(db)
    texts = sentences.load(conn)
    for table, key in (("mentions", "local_id"), ("facts", "seq")):
        rows = conn.execute(f"SELECT doc, {key}, evidence FROM {table}").fetchall()
        conn.executemany(f"UPDATE {table} SET evidence=? WHERE doc=? AND {key}=?", [
            (json.dumps(sentences.decode(ev, texts[doc]), ensure_ascii=False, separators=(",", ":")), doc, k)
            for doc, k, ev in rows])
    conn.execute("DROP TABLE sentences")
    conn.execute("UPDATE meta SET value='6' WHERE key='schema'")
    conn.commit()
    conn.close()


def _as_version_4(db: Path) -> None:
    """Give a current store version 4's layout: an index on every mention's (type, key)."""
    _as_version_6(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX mentions_person_key")
    conn.execute("CREATE INDEX mentions_key ON mentions(type, key)")
    conn.execute("UPDATE meta SET value='4' WHERE key='schema'")
    conn.commit()
    conn.close()


def _indexes(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='mentions'")}
    finally:
        conn.close()


def test_a_version_4_store_indexes_only_person_mentions_by_key_after_the_upgrade(tmp_path: Path, caplog) -> None:
    from tests.store.sample import canonical, synthetic

    with Store.open(tmp_path / "store") as store:
        for i in range(6):
            store.put(synthetic(i))
        before = canonical(store.graph())
    db = tmp_path / "store" / "kg.sqlite"
    _as_version_4(db)
    assert "mentions_key" in _indexes(db)
    with caplog.at_level(logging.WARNING, logger="kg.store.schema"), Store.open(tmp_path / "store") as store:
        assert canonical(store.graph()) == before
        store.put(synthetic(6))  # and it takes new reports (persons resolved through the new index)
        store.remove(synthetic(2).document.id)
    assert f"from schema version 4 to {schema.SCHEMA_VERSION}" in caplog.text
    assert "mentions_key" not in _indexes(db) and "mentions_person_key" in _indexes(db)
    conn = sqlite3.connect(db)
    plan = conn.execute("EXPLAIN QUERY PLAN SELECT doc FROM mentions WHERE type='Person' AND key='x'").fetchall()
    conn.close()
    assert "mentions_person_key" in plan[0][3]


def test_a_version_5_stores_judgements_keep_applying_and_take_a_detail_after_the_upgrade(tmp_path: Path) -> None:
    from kg import judge
    from tests.store.sample import small_report

    with Store.open(tmp_path / "store") as store:
        store.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", "Sở Tài chính tỉnh Nghệ An")]))
        judge.reject(store, "Lê Văn Bình", author="lan")
    db = tmp_path / "store" / "kg.sqlite"
    _as_version_6(db)
    conn = sqlite3.connect(db)  # version 5's judgements table: no detail column
    conn.execute("ALTER TABLE judgements DROP COLUMN detail")
    conn.execute("UPDATE meta SET value='5' WHERE key='schema'")
    conn.commit()
    conn.close()
    with Store.open(tmp_path / "store") as store:
        assert [(j.kind, j.detail) for j in judge.listing(store)] == [("reject", {})]
        assert not [e for e in store.graph().entities.values() if e.type == "Person"]
        judge.distinct(store, "Lê Văn Bình", "Sở Tài chính tỉnh Nghệ An", author="lan")
        assert judge.listing(store)[1].detail["sides"] == [[["a.txt", "lê văn bình"]],
                                                          [["a.txt", "sở tài chính tỉnh nghệ an"]]]
        assert schema.version_of(store.conn) == schema.SCHEMA_VERSION


def _v6_store(tmp_path: Path) -> tuple[Path, list[str], dict[str, list[dict]]]:
    """A version 6 store of the test reports and synthetic ones; its graph as read before, and one
    person's entity and relations as `kg show` reads them."""
    from tests.store.sample import canonical, filled_store, person_id, synthetic

    with filled_store(tmp_path / "store") as store:
        for i in range(4):
            store.put(synthetic(i))
        graph = canonical(store.graph())
        thu = person_id("Nguyễn Đức Thụ")
        show = {"entity": [store.entity(thu).to_dict()], "relations": [r.to_dict() for r in store.relations_of(thu)],
                "derived": _derived(store)}
    _as_version_6(tmp_path / "store" / "kg.sqlite")
    return tmp_path / "store", graph, show


def _derived(store: Store) -> list[dict]:
    """Every relation's evidence as the derived stores hold it (SPARQL and Cypher)."""
    from kg import query

    sparql = query.sparql(store, "SELECT ?f ?doc ?start ?end ?sentence ?text WHERE { ?f kg:evidence ?e . "
                                 "?e kg:sentence ?sentence ; prov:wasQuotedFrom ?doc ; kg:start ?start ; kg:end ?end "
                                 "OPTIONAL { ?e kg:text ?text } }")
    cypher = query.cypher(store, "MATCH ()-[r]->() RETURN r.id, r.docs, r.sentences, r.spans")
    assert sparql.rows and cypher.rows
    return [sorted(map(str, sparql.rows)), sorted(map(str, cypher.rows))]


def test_a_version_6_store_keeps_every_piece_of_evidence_after_the_upgrade(tmp_path: Path, caplog) -> None:
    from tests.store.sample import canonical, person_id

    folder, graph, show = _v6_store(tmp_path)
    db = folder / "kg.sqlite"
    v6 = _tables(db)
    conn = sqlite3.connect(db)
    # version 6 repeats a sentence in every row it supports
    assert conn.execute("SELECT COUNT(*) FROM facts WHERE instr(evidence, 'Tham dự có')").fetchone()[0] > 10
    conn.close()
    with caplog.at_level(logging.WARNING, logger="kg.store.schema"), Store.open(folder) as store:
        assert canonical(store.graph()) == graph
        thu = person_id("Nguyễn Đức Thụ")
        assert [store.entity(thu).to_dict()] == show["entity"]
        assert [r.to_dict() for r in store.relations_of(thu)] == show["relations"]
        assert _derived(store) == show["derived"]  # rebuilt for the upgraded state: the same evidence
    assert f"from schema version 6 to {schema.SCHEMA_VERSION}" in caplog.text
    assert _tables(db) == v6  # item for item, what version 6 held
    conn = sqlite3.connect(db)
    assert schema.version_of(conn) == schema.SCHEMA_VERSION
    assert {r[0] for r in conn.execute("SELECT doc FROM sentences")} == {r[0] for r in
                                                                        conn.execute("SELECT id FROM documents")}
    assert conn.execute("SELECT COUNT(*) FROM facts WHERE instr(evidence, 'Tham dự có')").fetchone() == (0,)
    conn.close()


def test_a_failed_upgrade_from_version_6_leaves_the_evidence_as_it_was(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _, _ = _v6_store(tmp_path)
    db = folder / "kg.sqlite"
    before = _tables(db)
    real = sentences.migrate

    def half_done(conn: sqlite3.Connection) -> None:  # every row re-encoded, then a fault
        real(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sentences, "migrate", half_done)
    with pytest.raises(StoreError, match="upgrade failed, the store is as it was"):
        upgrade_store(folder)
    conn = sqlite3.connect(db)
    assert schema.version_of(conn) == 6 and not _has_table(conn, "sentences")
    conn.close()
    assert _tables(db) == before
