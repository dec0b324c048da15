"""Walking folders: reproducible order, loops and broken links reported, junk passed over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.sources import discover
from tests.fixtures.make_fixtures import build


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fixtures")
    build(root)
    return root


def test_walk_finds_reports_in_sorted_order_and_counts_other_files(fixture_dir: Path) -> None:
    found = discover([fixture_dir / "good"])
    assert found.errors == []
    assert found.skipped == 1  # notes.xyz
    rel = [os.path.relpath(p, fixture_dir) for p in found.files]
    assert rel == sorted(rel, key=lambda p: p.split(os.sep))
    assert "good/sub/copy-of-official.txt" in rel and "good/page.html" in rel


def test_walk_reports_each_loop_and_broken_link_once(fixture_dir: Path) -> None:
    found = discover([fixture_dir / "bad"])
    problems = {os.path.relpath(p, fixture_dir): reason for p, reason in found.errors}
    assert problems == {
        "bad/cycle/back": "symlink loop (links back to a folder that contains it)",
        "bad/loop.txt": "symlink loop (too many levels of symbolic links)",
        "bad/dangling.txt": "broken symbolic link (its target does not exist)",
    }
    assert found.skipped == 1  # report.rtf: another type, not a failure inside a folder


def test_named_files_must_exist_and_be_supported(fixture_dir: Path, tmp_path: Path) -> None:
    found = discover([fixture_dir / "bad" / "report.rtf", tmp_path / "missing.txt"])
    assert found.files == []
    assert [reason.split(" (")[0] for _, reason in found.errors] == [
        "unsupported file type .rtf",
        "no such file or directory",
    ]


def test_hidden_entries_lock_files_and_excluded_folders_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "a.txt").write_text("x")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "b.txt").write_text("x")
    (tmp_path / "c.md").write_text("x")
    found = discover([tmp_path], exclude=[tmp_path / "store"])
    assert found.files == [str(tmp_path / "c.md")]


def test_same_file_through_a_link_is_found_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path, tmp_path / "self-link-elsewhere", target_is_directory=True)
    found = discover([tmp_path, tmp_path / "a.txt"])
    assert found.files == [str(tmp_path / "a.txt")]
    assert [reason for _, reason in found.errors] == ["symlink loop (links back to a folder that contains it)"]
