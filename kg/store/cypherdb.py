"""The embedded Cypher store: the property-graph mapping (kg.pgmodel) in a ladybug database.

ladybug (the maintained fork of Kùzu) needs a declared schema: one node table per entity type
and one relationship table per relation type, with every (source label, target label) pair the
model allows. Rows are bulk-loaded with COPY FROM over CSV files (per-row MERGE is ~10,000x
slower). Its CSV reader does not parse quoted list elements, so list properties travel as one
string joined by U+001F and are split by `string_split` inside the COPY.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import ladybug

from kg.errors import StoreError
from kg.model import RELATION_TYPES, Graph
from kg.pgmodel import EDGE_PROPS, NODE_LABELS, NODE_PROPS, rows_by_label, rows_by_type

DB_FILE = "graph.lbug"
_SEP = "\x1f"
# Python's csv dialect, stated: left to sniff the first rows, the reader took files whose first
# rows needed no quotes for unquoted ones and split every later name at its comma
_CSV_DIALECT = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
NODE_LISTS = ("aliases",)
EDGE_LISTS = ("docs", "sentences", "spans")
_TYPED = {"confidence": "confidence DOUBLE", "reports": "reports INT64"}  # edge columns that are no strings


def _node_columns() -> list[str]:
    return ["id", "name", "aliases", *NODE_PROPS]


def _edge_columns() -> list[str]:
    return ["id", "confidence", "reports", "docs", "sentences", "spans", *EDGE_PROPS]


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return _SEP.join(str(v).replace(_SEP, " ") for v in value)
    return "" if value is None else str(value).replace(_SEP, " ")


def _list_expr(col: str) -> str:
    return f"CASE WHEN {col} IS NULL OR {col} = '' THEN CAST([] AS STRING[]) ELSE string_split({col}, '{_SEP}') END"


def _write_csv(path: Path, header: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(row.get(col)) for col in header])


def _copy(conn: ladybug.Connection, table: str, path: Path, header: list[str], returns: list[str],
          options: str = "") -> None:
    if "'" in str(path):
        raise StoreError(f"{path}: cannot bulk-load from a path with a quote in it")
    schema = ", ".join(f"{col} STRING" for col in header)
    conn.execute(
        f"COPY {table} FROM (LOAD WITH HEADERS ({schema}) FROM '{path}' ({_CSV_DIALECT}) "
        f"RETURN {', '.join(returns)}){options}"
    )


def schema_statements(
    graph: Graph, by_type: dict[tuple[str, str, str], list[dict[str, Any]]] | None = None
) -> tuple[list[str], list[str], dict[str, list[tuple[str, str]]]]:
    """DDL for the node and relationship tables, the labels, and each relationship's label pairs."""
    labels = list(NODE_LABELS) + sorted({e.type for e in graph.entities.values()} - set(NODE_LABELS))
    labels = [label for label in labels if _IDENT.match(label)]
    pairs: dict[str, list[tuple[str, str]]] = {}
    for rtype, (sources, targets) in RELATION_TYPES.items():
        pairs[rtype] = [(s, t) for s in sources for t in targets]
    for (rtype, src, dst) in by_type if by_type is not None else rows_by_type(graph):
        if _IDENT.match(rtype) and src in labels and dst in labels and (src, dst) not in pairs.setdefault(rtype, []):
            pairs[rtype].append((src, dst))
    node_cols = ", ".join(f"{c} STRING[]" if c in NODE_LISTS else f"{c} STRING" for c in _node_columns()[1:])
    edge_cols = ", ".join(
        _TYPED.get(c) or (f"{c} STRING[]" if c in EDGE_LISTS else f"{c} STRING") for c in _edge_columns()
    )
    ddl = [f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {node_cols})" for label in labels]
    for rtype, plist in pairs.items():
        ends = ", ".join(f"FROM {s} TO {t}" for s, t in plist)
        ddl.append(f"CREATE REL TABLE {rtype}({ends}, {edge_cols})")
    return ddl, labels, pairs


def build(graph: Graph, dest: Path) -> None:
    """Create the ladybug database dest/graph.lbug holding the graph."""
    db = ladybug.Database(str(dest / DB_FILE))
    conn = ladybug.Connection(db)
    try:
        by_type = rows_by_type(graph)
        ddl, tables, pairs = schema_statements(graph, by_type)
        for statement in ddl:
            conn.execute(statement)
        header = _node_columns()
        returns = [_list_expr(c) if c in NODE_LISTS else c for c in header]
        for label, rows in rows_by_label(graph).items():
            if rows and label in tables:
                path = dest / f"node-{label}.csv"
                _write_csv(path, header, rows)
                _copy(conn, label, path, header, returns)
                path.unlink()
        header = ["source", "target", *_edge_columns()]
        returns = [
            f"CAST({c} AS {_TYPED[c].split()[1]})" if c in _TYPED else _list_expr(c) if c in EDGE_LISTS else c
            for c in header
        ]
        for (rtype, src, dst), rows in by_type.items():
            if (src, dst) not in pairs.get(rtype, []):
                continue
            path = dest / f"rel-{rtype}-{src}-{dst}.csv"
            _write_csv(path, header, rows)
            _copy(conn, rtype, path, header, returns, f" (from='{src}', to='{dst}')")
            path.unlink()
    except RuntimeError as exc:
        raise StoreError(f"building the Cypher store failed: {str(exc).splitlines()[0]}") from None
    finally:
        conn.close()
        db.close()


def open_read_only(dest: Path) -> tuple[ladybug.Database, ladybug.Connection]:
    db = ladybug.Database(str(dest / DB_FILE), read_only=True)
    return db, ladybug.Connection(db)
