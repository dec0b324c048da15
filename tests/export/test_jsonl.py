"""The JSONL export (kg.export.jsonl): the interchange format, read back to the same graph."""

from __future__ import annotations

import json
from pathlib import Path

from kg.export.jsonl import export_jsonl
from kg.model import DocumentInfo, Graph
from tests.store.sample import REPORTS, canonical, filled_store


def test_jsonl_round_trips(tmp_path: Path) -> None:
    with filled_store(tmp_path / "s", REPORTS) as store:
        graph = store.graph()
    out = tmp_path / "g.jsonl"
    export_jsonl(graph, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["kind"] for r in records[:3]] == ["document"] * 3
    back = Graph.from_records(records)
    back.documents = {r["id"]: DocumentInfo.from_dict(r) for r in records if r["kind"] == "document"}
    assert canonical(back) == canonical(graph)
    relation = next(r for r in records if r["kind"] == "relation")
    assert relation["evidence"] and {"doc", "start", "end", "text", "sentence"} <= set(relation["evidence"][0])
