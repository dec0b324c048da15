"""--min-confidence and --min-reports on kg export and kg viz (kg load: tests/backends/test_trust_load.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.store.sample import REPORTS, filled_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trust") / "kg-data"
    with filled_store(path, REPORTS):
        pass
    return path


def kg(*args: str):
    return CliRunner().invoke(app, list(args))


def _relations(path: Path) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["kind"] == "relation"]


def test_export_keeps_only_trusted_relations(store: Path, tmp_path: Path) -> None:
    every, some = tmp_path / "all.jsonl", tmp_path / "some.jsonl"
    assert kg("export", "jsonl", "-o", str(every), "--store", str(store)).exit_code == 0
    res = kg("export", "jsonl", "-o", str(some), "--store", str(store), "--min-reports", "2",
             "--min-confidence", "0.7")
    assert res.exit_code == 0, res.output
    want = {r["id"] for r in _relations(every) if r["props"]["reports"] >= 2 and r["confidence"] >= 0.7}
    assert {r["id"] for r in _relations(some)} == want
    assert 0 < len(want) < len(_relations(every))
    high = kg("export", "jsonl", "-o", str(some), "--store", str(store), "--min-confidence", "0.95")
    assert high.exit_code == 0
    assert all(r["confidence"] >= 0.95 for r in _relations(some))


def test_export_refuses_a_confidence_outside_0_to_1(store: Path, tmp_path: Path) -> None:
    res = kg("export", "jsonl", "-o", str(tmp_path / "x.jsonl"), "--store", str(store), "--min-confidence", "2")
    assert res.exit_code == 2 and not (tmp_path / "x.jsonl").exists()


def test_viz_draws_only_trusted_relations_and_says_so(store: Path, tmp_path: Path) -> None:
    every = kg("viz", "-o", str(tmp_path / "all.html"), "--store", str(store), "--no-overview")
    some = kg("viz", "-o", str(tmp_path / "some.html"), "--store", str(store), "--no-overview", "--min-reports", "2")
    assert every.exit_code == 0 and some.exit_code == 0, some.output

    def edges(out: str) -> int:
        return int(out.split(" entities, ")[1].split(" relation")[0])

    assert 0 < edges(some.output) < edges(every.output)
    assert "only relations with ≥ 2 independent reports" in some.output
