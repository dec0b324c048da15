"""The `neo4j-csv` exporter: files neo4j-admin database import reads as the same property graph."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path
from typing import Any

import pytest

from kg.backends import cypher as cy
from kg.errors import KgError
from kg.export.neo4j_csv import ARRAY_DELIMITER, export_neo4j_csv
from kg.registry import get
from tests.backends.sample import NASTY_NAME, NASTY_SENTENCE, sample_graph


def read_as_neo4j_admin(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read the export as neo4j-admin does: the file groups of import.sh, header types, array
    delimiter; an empty field is no property (and CSV import leaves empty arrays out)."""
    args = shlex.split((folder / "import.sh").read_text(encoding="utf-8").replace("\\\n", " "))
    nodes: dict[str, Any] = {}
    edges: dict[str, Any] = {}
    for arg in args:
        if not arg.startswith(("--nodes=", "--relationships=")):
            continue
        option, _, spec = arg.partition("=")
        name, _, files = spec.partition("=")
        header_file, data_file = files.split(",")
        with open(folder / header_file, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        with open(folder / data_file, encoding="utf-8", newline="") as fh:
            for cells in csv.reader(fh):
                props: dict[str, Any] = {}
                ends = {}
                for field, cell in zip(header, cells, strict=True):
                    key, _, kind = field.partition(":")
                    if kind in ("START_ID", "END_ID"):
                        ends[kind] = cell
                    elif cell == "":
                        continue
                    elif kind == "string[]":
                        props[key] = cell.split(ARRAY_DELIMITER)
                    elif kind == "double":
                        props[key] = float(cell)
                    elif kind == "long":
                        props[key] = int(cell)
                    else:  # ID and string
                        props[key] = cell
                if option == "--nodes":
                    nodes[props["id"]] = (name, props)
                else:
                    edges[props["id"]] = (name, ends["START_ID"], ends["END_ID"], props)
    return nodes, edges


def expected(graph: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    def kept(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if v is not None and v != []}

    nodes = {i: (it.group[0], kept(it.row)) for i, it in cy.node_items(graph).items()}
    edges = {
        i: (it.group[0], it.row["source"], it.row["target"], kept(it.row["props"]))
        for i, it in cy.edge_items(graph).items()
    }
    return nodes, edges


def test_the_files_hold_the_property_graph(tmp_path: Path):
    graph = sample_graph()
    get("exporter", "neo4j-csv").func(graph, tmp_path / "out")
    assert read_as_neo4j_admin(tmp_path / "out") == expected(graph)


def test_headers_are_typed_and_text_is_quoted(tmp_path: Path):
    export_neo4j_csv(sample_graph(), tmp_path / "out")
    header = (tmp_path / "out" / "relationships" / "HOLDS_POSITION.header.csv").read_text(encoding="utf-8")
    assert header.startswith('":START_ID",":END_ID"') or header.startswith('"id",":START_ID"')
    assert '"confidence:double"' in header and '"docs:string[]"' in header and '"sentences:string[]"' in header
    assert (tmp_path / "out" / "nodes" / "Person.header.csv").read_text(encoding="utf-8").startswith('"id:ID","name"')
    people = (tmp_path / "out" / "nodes" / "Person.csv").read_text(encoding="utf-8")
    assert '"' + NASTY_NAME.replace('"', '""') + '"' in people  # RFC 4180 quoting, no backslash escapes
    posts = (tmp_path / "out" / "relationships" / "HOLDS_POSITION.csv").read_text(encoding="utf-8")
    assert NASTY_SENTENCE.replace('"', '""') in posts


def test_import_script_and_after_import_cypher(tmp_path: Path):
    export_neo4j_csv(sample_graph(), tmp_path / "out")
    script = (tmp_path / "out" / "import.sh").read_text(encoding="utf-8")
    assert 'neo4j-admin database import full "${1:-neo4j}"' in script  # the database before the file lists
    assert "--array-delimiter=U+001F" in script and "--id-type=string" in script
    for spec in [a for a in script.split() if a.startswith(("--nodes=", "--relationships="))]:
        for name in spec.split("=", 2)[2].split(","):
            assert (tmp_path / "out" / name).is_file()
    after = (tmp_path / "out" / "after-import.cypher").read_text(encoding="utf-8")
    assert all(s.cypher + ";" in after for s in cy.schema_statements())
    assert "SET n.aliases = [];" in after


def test_an_earlier_export_is_replaced_and_a_foreign_folder_refused(tmp_path: Path):
    out = tmp_path / "out"
    export_neo4j_csv(sample_graph(), out)
    (out / "nodes" / "Stale.csv").write_text("old", encoding="utf-8")
    export_neo4j_csv(sample_graph(), out)
    assert not (out / "nodes" / "Stale.csv").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(KgError, match="is not an earlier neo4j-csv export"):
        export_neo4j_csv(sample_graph(), foreign)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "out"]  # no temporary folders left
