"""kg.ingest with the real Store: identical copies, edits, renames and removals lose no facts,
and after any sequence of them the store holds what a fresh ingest of the folder holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import ingest
from kg.store import Store

# short reports with distinct people and bodies, so each one's facts are recognisable
TEXTS = [
    "Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An.",
    "Chiều 5/6/2024, Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng tiếp đoàn công tác của Bộ Tài chính.",
    "Ngày 7/8/2024, Chủ tịch UBND tỉnh Quảng Bình Trần Thắng chủ trì hội nghị sơ kết.",
    "Sáng 9/10/2024, Thứ trưởng Bộ Công Thương Nguyễn Sinh Nhật Tân dự lễ khởi công tại Thanh Hóa.",
]


def facts(store: Store) -> tuple[frozenset, frozenset, frozenset]:
    """What a store holds, independent of ids (which depend on history): reports by path set and
    content hash, entities by type and name, relations by ends' names, type and role."""
    graph = store.graph(evidence=False)
    reports = frozenset((frozenset(d.paths), d.sha256) for d in store.documents())
    names = {e.id: (e.type, e.name) for e in graph.entities.values() if e.type != "Document"}
    entities = frozenset(names.values())
    relations = frozenset(
        (names.get(r.source), r.type, names.get(r.target), r.props.get("role", ""))
        for r in graph.relations if r.source in names and r.target in names
    )
    return reports, entities, relations


def fresh(folder: Path, where: Path) -> tuple[frozenset, frozenset, frozenset]:
    with Store.open(where) as store:
        ingest([folder], store, jobs=1)
        return facts(store)


def person_names(store: Store) -> set[str]:
    return {e.name for e in store.graph(evidence=False).entities.values() if e.type == "Person"}


def test_editing_one_of_two_identical_copies_keeps_the_others_facts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.txt").write_text(TEXTS[0], encoding="utf-8")
    with Store.open(tmp_path / "store") as store:
        ingest([folder], store, jobs=1)
        (folder / "a.txt").write_text(TEXTS[1], encoding="utf-8")
        summary = ingest([folder], store, jobs=1)
        assert (summary.new, summary.unchanged, summary.updated, summary.removed) == (1, 1, 0, 0)
        assert {"Đào Hồng Lan", "Hoàng Trung Dũng"} <= person_names(store)  # b's facts stay
        assert facts(store) == fresh(folder, tmp_path / "fresh")


def test_a_file_edited_to_equal_another_report_leaves_its_old_report(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    with Store.open(tmp_path / "store") as store:
        ingest([folder], store, jobs=1)
        shutil.copy(folder / "b.txt", folder / "a.txt")
        summary = ingest([folder], store, jobs=1)
        assert (summary.duplicate, summary.removed) == (1, 1)
        assert "Đào Hồng Lan" not in person_names(store)  # a's old content exists nowhere now
        assert facts(store) == fresh(folder, tmp_path / "fresh")


def test_a_new_copy_of_a_files_old_content_is_stored_when_that_file_changed_in_the_same_run(
        tmp_path: Path) -> None:
    """a.txt changes and b.txt is a copy of a.txt as it was: a is read first (sorted), and its
    report holds the new content after that, so b's content must be stored as a report of its own."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    with Store.open(tmp_path / "store") as store:
        ingest([folder], store, jobs=1)
        shutil.copy(folder / "a.txt", folder / "b.txt")
        (folder / "a.txt").write_text(TEXTS[1], encoding="utf-8")
        summary = ingest([folder], store, jobs=1)
        assert (summary.new, summary.updated, summary.duplicate) == (1, 1, 0)
        assert {"Đào Hồng Lan", "Hoàng Trung Dũng"} <= person_names(store)
        assert facts(store) == fresh(folder, tmp_path / "fresh")


def test_remove_missing_drops_what_is_gone_and_keeps_copies(tmp_path: Path) -> None:
    folder, other = tmp_path / "in", tmp_path / "elsewhere"
    folder.mkdir()
    other.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "copy.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "c.txt").write_text(TEXTS[2], encoding="utf-8")
    (other / "d.txt").write_text(TEXTS[3], encoding="utf-8")
    store_dir = tmp_path / "store"
    with Store.open(store_dir) as store:
        ingest([folder, other], store, jobs=1)
        (folder / "a.txt").unlink()
        (folder / "c.txt").unlink()
        (other / "d.txt").unlink()
        kept = ingest([folder], store, jobs=1)  # without the option nothing is forgotten
        assert kept.removed == 0 and "Trần Thắng" in person_names(store)
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(store_dir), "--remove-missing", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "1 removed" in result.output  # c.txt; a.txt's content lives on in copy.txt
    with Store.open(store_dir) as store:
        names = person_names(store)
        assert "Đào Hồng Lan" in names and "Trần Thắng" not in names
        assert "Nguyễn Sinh Nhật Tân" in names  # outside the folder named: not touched
        paths = {p for d in store.documents() for p in d.paths}
        assert str(folder / "copy.txt") in paths and str(folder / "a.txt") not in paths


def test_remove_missing_on_an_emptied_folder_empties_the_store_and_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    store_dir = tmp_path / "store"
    with Store.open(store_dir) as store:
        ingest([folder], store, jobs=1)
    (folder / "a.txt").unlink()
    result = CliRunner().invoke(app, ["ingest", str(folder), "--store", str(store_dir), "--remove-missing"])
    assert result.exit_code == 0, result.output
    with Store.open(store_dir) as store:
        assert store.documents() == []
        assert store.graph().entities == {}


STEPS = st.lists(
    st.tuples(st.sampled_from(["add", "edit", "copy", "rename", "remove"]), st.integers(0, 5), st.integers(0, 5),
              st.integers(0, len(TEXTS) - 1)),
    min_size=1, max_size=7,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
# found by the search: an edit gives a file the content another report was first stored with, whose
# id (name~sha) that report still has while its copies keep their old content
@example(steps=[("add", 0, 0, 0), ("copy", 0, 0, 0), ("edit", 1, 1, 0), ("edit", 0, 0, 0), ("add", 0, 0, 0),
                ("copy", 1, 0, 0), ("edit", 2, 1, 0)])
def test_any_sequence_of_changes_gives_what_a_fresh_ingest_gives(tmp_path_factory, steps) -> None:
    base = tmp_path_factory.mktemp("seq")
    folder = base / "in"
    folder.mkdir()
    with Store.open(base / "store") as store:
        for k, (op, i, j, t) in enumerate(steps):
            files = sorted(folder.iterdir())
            src = files[i % len(files)] if files else None
            if op == "add" or src is None:
                (folder / f"f{i}{j}.txt").write_text(TEXTS[t], encoding="utf-8")
            elif op == "edit":
                src.write_text(TEXTS[t] + f" Ngày {j + 1}/1/2025.", encoding="utf-8")
            elif op == "copy":
                shutil.copy(src, folder / f"c{k}.txt")
            elif op == "rename":
                os.replace(src, folder / f"r{k}.txt")
            else:
                src.unlink()
            ingest([folder], store, jobs=1, remove_missing=True)
        got = facts(store)
    assert got == fresh(folder, base / "fresh")
