"""Stores the CLI tests ingest through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app


def ingested(tmp_path_factory: pytest.TempPathFactory, reports: dict[str, str]) -> Path:
    """A store made by `kg ingest` from reports written into a folder (name -> text)."""
    folder = tmp_path_factory.mktemp("in")
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("st") / "kg-data"
    res = CliRunner().invoke(app, ["ingest", str(folder), "--store", str(path), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    return path
