"""The ``neo4j-csv`` exporter: header and data files for ``neo4j-admin database import full``.

For very large or offline loads into a new Neo4j 5 database. The folder holds:

- ``nodes/<Label>.header.csv`` + ``nodes/<Label>.csv`` per entity type (``id:ID`` in one global id
  space: kg ids are unique across types), and ``relationships/<TYPE>.header.csv`` +
  ``relationships/<TYPE>.csv`` per relation type (``:START_ID``, ``:END_ID``, properties);
- ``import.sh``: the exact neo4j-admin command (database name as its first argument);
- ``after-import.cypher``: constraints and indexes (neo4j-admin does not create them in the
  community edition) and the empty lists CSV import cannot express, to run once afterwards.

The columns are those of kg.pgmodel, typed from its rows (lists -> ``string[]``, floats ->
``double``). Arrays use U+001F (unit separator) as delimiter because report text contains ``;``.
Strings are quoted; a missing value is an unquoted empty field, i.e. no property, as in the
embedded store and the Bolt loader.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.backends import cypher as cy
from kg.errors import KgError
from kg.model import Entity, Graph, Relation
from kg.pgmodel import edge_row, node_row
from kg.registry import register

ARRAY_DELIMITER = "\x1f"
MARKER = "import.sh"  # a folder holding it is an earlier export this one may replace


def _type_suffix(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ":string[]"
    if isinstance(value, bool):
        return ":boolean"
    if isinstance(value, float):
        return ":double"  # `float` would be 32-bit in Neo4j: 0.9 would come back as 0.8999999761...
    if isinstance(value, int):
        return ":long"
    return ""


def node_columns() -> list[tuple[str, str]]:
    """(property, header field) for node files, in the order of kg.pgmodel.node_row."""
    sample = node_row(Entity(id="x", type="Person", name="x"))
    return [(key, "id:ID" if key == "id" else key + _type_suffix(value)) for key, value in sample.items()]


def edge_columns() -> list[tuple[str, str]]:
    """(property, header field) for relationship files, from kg.pgmodel.edge_row."""
    sample = edge_row(Relation(type="PART_OF", source="a", target="b"))
    fields = {"source": ":START_ID", "target": ":END_ID"}
    return [(key, fields.get(key) or key + _type_suffix(value)) for key, value in sample.items()]


def _cell(value: Any) -> str | float | int | None:
    """A CSV cell: None is written unquoted-empty (no property), strings quoted, floats bare."""
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or isinstance(value, float | int):  # (bool is handled above)
        return value
    # The delimiter cannot be escaped inside an array; it never occurs in normalized report text.
    return str(value).replace(ARRAY_DELIMITER, " ")


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        writer.writerows(rows)


def _import_script(node_files: list[tuple[str, str, str]], rel_files: list[tuple[str, str, str]]) -> str:
    lines = [
        "#!/bin/sh",
        "# Import this folder into a NEW Neo4j 5 database (the database must be stopped or not exist):",
        "#   sh import.sh DATABASE        (default: neo4j)",
        "# then start it, CREATE DATABASE if it did not exist, and run after-import.cypher once:",
        "#   cypher-shell -d DATABASE -f after-import.cypher",
        'set -e\ncd "$(dirname "$0")"',
        'neo4j-admin database import full "${1:-neo4j}" \\',
        "  --id-type=string --array-delimiter=U+001F --multiline-fields=true \\",
    ]
    args = [f"  --nodes={name}={header},{data}" for name, header, data in node_files]
    args += [f"  --relationships={name}={header},{data}" for name, header, data in rel_files]
    return "\n".join([*lines, " \\\n".join(args)]) + "\n"


def _after_import() -> str:
    lines = ["// Run once after neo4j-admin import: schema, then the empty lists CSV cannot express."]
    lines += [stmt.cypher + ";" for stmt in cy.schema_statements()]
    node_lists = [key for key, field in node_columns() if field.endswith("[]")]
    edge_lists = [key for key, field in edge_columns() if field.endswith("[]")]
    for key in node_lists:
        lines.append(f"MATCH (n) WHERE n.id IS NOT NULL AND n.{key} IS NULL SET n.{key} = [];")
    for key in edge_lists:
        lines.append(f"MATCH ()-[r]->() WHERE r.id IS NOT NULL AND r.{key} IS NULL SET r.{key} = [];")
    return "\n".join(lines) + "\n"


def write_folder(graph: Graph, folder: Path) -> None:
    """Write every file into `folder` (which must exist and be empty)."""
    (folder / "nodes").mkdir()
    (folder / "relationships").mkdir()
    ncols, ecols = node_columns(), edge_columns()
    nodes: dict[str, list[list[Any]]] = defaultdict(list)
    for item in cy.node_items(graph).values():
        nodes[item.group[0]].append([_cell(item.row.get(key)) for key, _ in ncols])
    edges: dict[str, list[list[Any]]] = defaultdict(list)
    for item in cy.edge_items(graph).values():
        row = {**item.row["props"], "source": item.row["source"], "target": item.row["target"]}
        edges[item.group[0]].append([_cell(row.get(key)) for key, _ in ecols])
    node_files, rel_files = [], []
    for sub, groups, cols, listing in (
        ("nodes", nodes, ncols, node_files),
        ("relationships", edges, ecols, rel_files),
    ):
        for name in sorted(groups):
            header, data = f"{sub}/{name}.header.csv", f"{sub}/{name}.csv"
            _write_csv(folder / header, [[field for _, field in cols]])
            _write_csv(folder / data, groups[name])
            listing.append((name, header, data))
    (folder / "after-import.cypher").write_text(_after_import(), encoding="utf-8")
    (folder / MARKER).write_text(_import_script(node_files, rel_files), encoding="utf-8")


@register("exporter", "neo4j-csv", help="Folder of CSV files + import.sh for neo4j-admin database import.")
def export_neo4j_csv(graph: Graph, out: Path) -> None:
    """Write the export folder `out`, atomically: it appears complete or not at all.

    An existing `out` is replaced only when it is empty or an earlier export (holds import.sh).
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise KgError(f"{out}: exists and is not an earlier neo4j-csv export; choose an empty or new folder")
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    old = out.with_name(f".{out.name}.old{os.getpid()}")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        write_folder(graph, tmp)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
    except OSError as exc:
        if old.exists() and not out.exists():
            old.rename(out)  # put the earlier export back rather than leave nothing
        raise KgError(f"{out}: cannot write ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
