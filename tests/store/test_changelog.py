"""The change log (kg.store.changelog): every write records what it touched, a judgement asks for a
rebuild, derived stores older than the log are rebuilt, and the log shrinks once they took it in."""

from __future__ import annotations

from pathlib import Path

from kg import judge, resolve
from kg.store import Store, changelog
from tests.store.sample import person_id, small_report


def _since(store: Store, generation: int) -> changelog.Dirty | None:
    with store.snapshot() as conn:
        return changelog.since(conn, generation)


def _complete(store: Store, kind: str = "rdf") -> str:
    return (store.path / "derived" / f"{kind}-{store.derived._state()}" / "complete").read_text()


def test_a_put_records_its_report_entities_and_links(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        before = store.generation
        store.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        dirty = _since(store, before)
        assert dirty is not None
        person, body = person_id("Nguyễn Văn An"), store.find("Sở Nội vụ tỉnh Nghệ An")[0]
        assert dirty.docs == {"a.txt"}
        assert dirty.entities == {person, body, resolve.document_id("a.txt")}
        assert dirty.links == {("HOLDS_POSITION", person, body)}
        assert _since(store, store.generation) == changelog.Dirty()  # nothing since the last write


def test_a_person_re_resolved_in_another_report_is_recorded_under_both_ids(tmp_path: Path) -> None:
    # an earlier report of a namesake in another province takes the plain id: the person of a.txt is
    # re-labelled by the write of b.txt (kg.store.writer), and the derived stores must hear of it
    with Store.open(tmp_path / "s") as store:
        store.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")], "2019-01-01"))
        before = store.generation
        store.put(small_report("b.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Y tế tỉnh Bình Định")], "2018-02-01"))
        moved = store.conn.execute("SELECT gid FROM mentions WHERE doc='a.txt' AND type='Person'").fetchone()[0]
        assert moved != person_id("Nguyễn Văn An")
        dirty = _since(store, before)
        assert dirty is not None
        assert {person_id("Nguyễn Văn An"), moved} <= dirty.entities
        body = store.find("Sở Nội vụ tỉnh Nghệ An")[0]
        assert {("HOLDS_POSITION", person_id("Nguyễn Văn An"), body), ("HOLDS_POSITION", moved, body)} <= dirty.links


def test_a_judgement_makes_the_next_refresh_a_rebuild(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        store.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        store.put(small_report("b.txt", [("Nguyễn Văn Ân", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        store.refresh()
        before = store.generation
        judge.merge(store, person_id("Nguyễn Văn An"), person_id("Nguyễn Văn Ân"), author="t")
        assert _since(store, before) is None
        store.refresh()
        assert not _complete(store).startswith("updated from")
        store.put(small_report("c.txt", [("Lê Thị Lan", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        store.refresh()  # while the judgement is in force, too
        assert not _complete(store).startswith("updated from")


def test_the_log_keeps_only_what_a_derived_store_has_not_taken_in(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        for i in range(3):  # no derived store: nothing needs the log
            store.put(small_report(f"{i}.txt", [("Nguyễn Văn An", "Giám đốc", f"Sở {i} tỉnh Nghệ An")]))
        rows = lambda: store.conn.execute("SELECT COUNT(*), MIN(gen) FROM changes").fetchone()  # noqa: E731
        assert rows()[1] == store.generation - 1  # the last write's keys alone
        store.refresh()
        built = store.generation
        store.put(small_report("3.txt", [("Trần Thị Bình", "Giám đốc", "Sở 3 tỉnh Nghệ An")]))
        store.put(small_report("4.txt", [("Lê Thị Lan", "Giám đốc", "Sở 4 tỉnh Nghệ An")]))
        assert rows()[1] >= built
        assert _since(store, built) is not None
        store.refresh()
        assert _complete(store).startswith("updated from")
        store.put(small_report("5.txt", [("Lê Thị Lan", "Giám đốc", "Sở 5 tỉnh Nghệ An")]))
        assert _since(store, built) is None  # pruned: both stores took those writes in
        assert rows()[1] == store.generation - 1


def test_a_derived_store_that_does_not_say_its_generation_is_rebuilt(tmp_path: Path) -> None:
    # what an older kg left (its `complete` file names no generation): no log can bring it up to date
    with Store.open(tmp_path / "s") as store:
        store.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        store.refresh()
        for kind in ("rdf", "cypher"):
            marker = store.path / "derived" / f"{kind}-{store.derived._state()}" / "complete"
            marker.write_text(marker.read_text().split("\n")[0] + "\n")
        store.put(small_report("b.txt", [("Lê Thị Lan", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        store.refresh()
        assert not _complete(store).startswith("updated from")
        assert "generation" in _complete(store)
