"""What an installed kg carries: every file of data/ and ontology/ goes into a wheel
(pyproject's data-files), and kg finds them in <prefix>/share/kg when there is no checkout."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from kg import resources

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_and_ontology_file_is_in_the_wheel() -> None:
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = spec["tool"]["setuptools"]["data-files"]
    shipped = {p.resolve() for globs in data_files.values() for g in globs for p in ROOT.glob(g)}
    ours = {p.resolve() for top in ("data", "ontology") for p in (ROOT / top).rglob("*") if p.is_file()
            and "__pycache__" not in p.parts}
    assert sorted(str(p.relative_to(ROOT)) for p in ours - shipped) == []
    for target, globs in data_files.items():  # each lands where kg.resources looks for it
        for g in globs:
            assert target == "share/kg/" + str(Path(g).parent)


def test_without_a_checkout_kg_reads_its_files_from_the_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "site-packages" / "kg" / "resources.py"
    installed.parent.mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(installed))  # a kg that is not a checkout
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.delenv("KG_DATA_DIR", raising=False)
    assert resources.data_dir() == tmp_path / "venv" / "share" / "kg" / "data"
    assert resources.shared_dir("ontology") == tmp_path / "venv" / "share" / "kg" / "ontology"
