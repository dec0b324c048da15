"""The ``cypher`` exporter: the graph as a cypher-shell script for offline or air-gapped loads.

    cypher-shell -a bolt://host:7687 -u neo4j -d neo4j -f load.cypher

The script holds the same statements the Bolt loader sends (kg.backends.cypher): constraints and
indexes, then ``UNWIND [...] AS row MERGE ...`` per batch of rows, so it is idempotent and writes
the same graph. Values are written as Cypher literals, escaped here, one statement per line (no
raw line break ever occurs inside a string literal).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.backends import cypher as cy
from kg.errors import KgError
from kg.export import atomic_output
from kg.model import Graph
from kg.registry import register

ROWS_PER_STATEMENT = 500

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Control characters, and the line/paragraph separators some tools treat as line breaks.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f\u0085\u2028\u2029]')


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def literal(value: Any) -> str:
    """A Cypher literal for a JSON-like value (str, int, float, bool, None, list, dict)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise KgError(f"cannot write {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return '"' + _NEEDS_ESCAPE.sub(_escape_char, value) + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise KgError(f"cannot write a {type(value).__name__} as a Cypher literal")


def _key(name: str) -> str:
    if _IDENT.match(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def statements(graph: Graph, rows_per_statement: int = ROWS_PER_STATEMENT) -> Iterator[str]:
    """Every statement of the script, without the trailing semicolon, in load order."""
    for stmt in cy.schema_statements():
        yield stmt.cypher
    nodes, edges = cy.node_items(graph), cy.edge_items(graph)
    for group, rows in _grouped(nodes).items():
        for i in range(0, len(rows), rows_per_statement):
            yield cy.merge_nodes(group[0], rows=literal(rows[i : i + rows_per_statement]))
    for group, rows in _grouped(edges).items():
        for i in range(0, len(rows), rows_per_statement):
            yield cy.merge_edges(*group, rows=literal(rows[i : i + rows_per_statement]))


def _grouped(items: dict[str, cy.Item]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    out: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for item in items.values():
        out[item.group].append(item.row)
    return out


@register("exporter", "cypher", help="cypher-shell script (constraints + batched UNWIND/MERGE), for Neo4j 5.")
def export_cypher(graph: Graph, out: Path) -> None:
    """Write the script to `out` (atomically: a failed export leaves no partial file)."""
    out = Path(out)
    header = [
        "// kg knowledge graph as a cypher-shell script (Neo4j 5).",
        f"// {len(graph.entities)} entities, {len(graph.relations)} relations; reports: "
        + json.dumps(sorted(graph.documents)),  # ASCII-escaped: nothing can end the comment line
        "// Run: cypher-shell -a bolt://HOST:7687 -u neo4j -d DATABASE -f " + out.name,
        "// Idempotent (MERGE on stable ids): running it again changes nothing.",
    ]
    with atomic_output(out) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(line.replace("\n", " ") for line in header) + "\n")
        for statement in statements(graph):
            fh.write(statement + ";\n")
