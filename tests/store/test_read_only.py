"""A store this process cannot write (a read-only mount analysts share) is queried as it is;
writes to it fail with one line. Root writes whatever the modes say, so the checks run with the
effective uid dropped (as_unprivileged); an ordinary user is bound by the modes alone."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.ingest import ingest
from kg.store import Store
from kg.store.schema import DB_FILE, SCHEMA_VERSION
from tests.fixtures.make_fixtures import as_unprivileged

TEXT = "Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An.\n"
V1 = Path(__file__).resolve().parent / "data" / "store-v1" / DB_FILE
SPARQL = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a foaf:Person }"
CYPHER = "MATCH (p:Person) RETURN count(p) AS n"


def _set_writable(root: Path, on: bool) -> None:
    for folder, _, files in os.walk(root):
        for p in [Path(folder), *(Path(folder) / f for f in files)]:
            mode = p.stat().st_mode
            p.chmod(mode | stat.S_IWUSR if on else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder the unprivileged user can reach (pytest's tmp_path is root's alone)."""
    root = Path(tempfile.mkdtemp(prefix="kg-ro-"))
    root.chmod(0o755)
    yield root
    _set_writable(root, True)
    shutil.rmtree(root)


def _warm_up(*commands: list[str]) -> None:
    """Run the commands as root first: Python imports lazily, and the unprivileged user may not be
    allowed to read the interpreter's own files (a venv over root's Python)."""
    for args in commands:
        CliRunner().invoke(app, args)


def _store(shared: Path, *, derived: bool) -> Path:
    (shared / "reports").mkdir()
    (shared / "reports" / "nghe-an.txt").write_text(TEXT, encoding="utf-8")
    folder = shared / "store"
    with Store.open(folder) as store:
        ingest([shared / "reports"], store, jobs=1)
    s = str(folder)
    _warm_up(["ingest", "--store", s, "-j", "1", str(shared / "reports")], ["stats", "--store", s],
             ["show", "--store", s, "Đào Hồng Lan"], ["remove", "--store", s, "none"],
             ["query", "sparql", "--store", s, "-f", "json", SPARQL],
             ["query", "cypher", "--store", s, "-f", "json", CYPHER])
    if not derived:
        shutil.rmtree(folder / "derived")
    _set_writable(shared, False)
    return folder


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_read_only_store_is_queried_and_its_derived_stores_built_elsewhere(shared: Path, caplog) -> None:
    folder = _store(shared, derived=False)
    before = _listing(folder)
    with caplog.at_level(logging.WARNING, logger="kg.store.derived"), as_unprivileged():
        with Store.open(folder, create=False) as store:
            assert store.read_only
            assert store.stats()["reports"] == 1
            assert [e.name for e in store.graph().entities.values() if e.type == "Person"] == ["Đào Hồng Lan"]
            rows = store.derived.rdf().query("SELECT ?s WHERE { ?s a <https://example.org/none> }")
            assert list(rows) == []
            assert store.derived.fresh("cypher") is False
            store.refresh()
            assert store.derived.fresh("rdf") and store.derived.fresh("cypher")
            scratch = store.derived._scratch
            assert scratch is not None and scratch.is_dir()
        assert not scratch.exists()  # the temporary build goes with the Store
    assert f"store {folder} is read-only and has no current rdf store" in caplog.text
    assert _listing(folder) == before  # nothing written, not even a lock or -shm file


def test_current_derived_stores_of_a_read_only_store_are_opened_in_place(shared: Path, caplog) -> None:
    folder = _store(shared, derived=True)
    with caplog.at_level(logging.WARNING, logger="kg.store.derived"), as_unprivileged():
        with Store.open(folder, create=False) as store:
            assert store.derived.fresh("rdf") and store.derived.fresh("cypher")
            store.derived.rdf()
            store.derived.cypher()
            assert store.derived._scratch is None
    assert "read-only" not in caplog.text


@pytest.mark.parametrize("derived", [True, False])
def test_the_cli_queries_a_read_only_store(shared: Path, derived: bool) -> None:
    s = str(_store(shared, derived=derived))
    with as_unprivileged():
        stats = CliRunner().invoke(app, ["stats", "--store", s])
        show = CliRunner().invoke(app, ["show", "--store", s, "Đào Hồng Lan"])
        sparql = CliRunner().invoke(app, ["query", "sparql", "--store", s, "-f", "json", SPARQL])
        cypher = CliRunner().invoke(app, ["query", "cypher", "--store", s, "-f", "json", CYPHER])
    assert stats.exit_code == 0 and "1 reports" in stats.stdout, stats.output
    assert show.exit_code == 0 and "Bộ Y tế" in show.stdout, show.output
    assert sparql.exit_code == 0 and '"n": 1' in sparql.stdout, sparql.output
    assert cypher.exit_code == 0 and '"n": 1' in cypher.stdout, cypher.output


def test_writing_a_read_only_store_fails_with_one_line(shared: Path) -> None:
    folder = _store(shared, derived=True)
    s = str(folder)
    with as_unprivileged():
        added = CliRunner().invoke(app, ["ingest", "--store", s, "-j", "1", str(shared / "reports")])
        removed = CliRunner().invoke(app, ["remove", "--store", s, "nghe-an.txt"])
        upgraded = CliRunner().invoke(app, ["upgrade", "--store", s])
        with Store.open(folder) as store, pytest.raises(StoreError, match="is read-only"):
            store.remove("nghe-an.txt")
    for result in (added, removed, upgraded):
        assert result.exit_code == 1, result.output
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert result.stderr.startswith(f"kg: error: store {s} is read-only"), result.stderr
    assert CliRunner().invoke(app, ["stats", "--store", s, "--json"]).stdout.count('"reports": 1') == 1


def test_an_old_store_on_read_only_media_asks_for_kg_upgrade(shared: Path) -> None:
    folder = shared / "old"
    folder.mkdir()
    shutil.copy(V1, folder / DB_FILE)
    _warm_up(["stats", "--store", str(shared / "missing")])
    _set_writable(shared, False)
    with as_unprivileged():
        result = CliRunner().invoke(app, ["stats", "--store", str(folder)])
        with pytest.raises(StoreError, match="schema version 1 needs an upgrade"):
            Store.open(folder, create=False)
    assert result.exit_code == 1
    assert result.stderr == (f"kg: error: {folder / DB_FILE}: store schema version 1 needs an upgrade to "
                             f"{SCHEMA_VERSION} and the "
                             f"store is read-only here; run `kg upgrade --store {folder}` where it is writable\n")


def test_a_store_cannot_be_created_in_a_read_only_folder(shared: Path) -> None:
    (shared / "empty").mkdir()
    _set_writable(shared, False)
    with as_unprivileged(), pytest.raises(StoreError, match="read-only, cannot create a store"):
        Store.open(shared / "empty")
