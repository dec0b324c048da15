"""Domain knowledge loaded from data files (see data/README.md): loaded once, cached."""

from __future__ import annotations

import csv
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError


def shared_dir(name: str) -> Path:
    """A folder of kg's own files ("data", "ontology"): the checkout's, beside the kg package (an
    editable install), else the one a wheel installs in <prefix>/share/kg."""
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "kg" / name


def data_dir() -> Path:
    """The data folder: $KG_DATA_DIR, else kg's own (shared_dir)."""
    env = os.environ.get("KG_DATA_DIR")
    return Path(env) if env else shared_dir("data")


def _path(name: str) -> Path:
    p = data_dir() / name
    if not p.exists():
        raise KgError(f"data file missing: {p} (set KG_DATA_DIR to kg's data folder)")
    return p


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; '#' lines are comments."""
    with _path(name).open(encoding="utf-8") as handle:
        lines = [ln for ln in handle if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@cache
def read_yaml(name: str) -> Any:
    with _path(name).open(encoding="utf-8") as handle:
        # libyaml's safe loader when PyYAML has it: the same documents, several times faster at start-up
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    with _path(name).open(encoding="utf-8") as handle:
        return tuple(ln.strip() for ln in handle if ln.strip() and not ln.startswith("#"))


@cache
def abbreviations() -> dict[str, str]:
    """Lower-cased abbreviation -> expansion (as written, for canonical names)."""
    return {row["abbr"].lower(): row["expansion"] for row in read_tsv("abbreviations.tsv")}
