"""The JSONL interchange format (see ../shared/eval/README.md): one record per line."""

from __future__ import annotations

import json
from pathlib import Path

from kg.export import atomic_output
from kg.model import Graph
from kg.registry import register


@register("exporter", "jsonl", help="JSON lines: reports, entities, relations (the interchange format)")
def export_jsonl(graph: Graph, out: Path) -> None:
    """Reports first ({"kind": "document", ...}), then entities and relations as kg extract writes them."""
    with atomic_output(out) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for info in graph.documents.values():
            handle.write(json.dumps({"kind": "document", **info.to_dict()}, ensure_ascii=False) + "\n")
        for record in graph.records():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
