"""Symbolic links do not lead discovery out of the named folders unless asked."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.sources import discover


def _tree(tmp_path: Path) -> Path:
    inner = tmp_path / "inner"
    (inner / "sub").mkdir(parents=True)
    (inner / "sub" / "a.txt").write_text("Sáng 3/4/2024, Bộ Y tế tổ chức hội nghị.", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Sáng 4/4/2024, Bộ Tài chính tổ chức hội nghị.", encoding="utf-8")
    os.symlink(outside, inner / "elsewhere")
    os.symlink(outside / "secret.txt", inner / "one.txt")
    os.symlink("..", inner / "up")
    os.symlink(inner / "sub", inner / "same")  # inside: followed (and the file counted once)
    return inner


def test_links_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    inner = _tree(tmp_path)
    found = discover([inner])
    assert [Path(f).name for f in found.files] == ["a.txt"]
    assert sorted(Path(p).name for p in found.links_out) == ["elsewhere", "one.txt", "up"]
    assert not found.errors


def test_follow_links_follows_them_and_loops_stay_reported(tmp_path: Path) -> None:
    inner = _tree(tmp_path)
    found = discover([inner], follow_links=True)
    assert {Path(f).name for f in found.files} == {"a.txt", "secret.txt"}
    assert any("symlink loop" in reason for _, reason in found.errors)


def test_ingest_says_how_many_links_it_did_not_follow(tmp_path: Path) -> None:
    inner = _tree(tmp_path)
    result = CliRunner().invoke(app, ["ingest", str(inner), "--store", str(tmp_path / "kg")])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout and "3 links out of the folders not followed" in result.stdout
