"""The README's examples run from the repository's root: the files they name exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
READS = {"extract", "eval", "ingest"}  # commands whose arguments are files or folders to read


def _commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            args = shlex.split(line, comments=True)
            if args[:1] == ["kg"]:
                out.append(args[1:])
    return out


def test_the_files_the_examples_name_exist() -> None:
    named = []
    for args in _commands():
        named += [a[1:] for a in args if a.startswith("@")]
        if args[0] in READS:
            named += [a for a in args[1:] if not a.startswith("-") and a not in ("table", "out.jsonl")]
    assert "ontology/queries/posts.rq" in named and "data/examples/vpqh-2019-08-28.txt" in named
    assert [n for n in named if not (ROOT / n).exists()] == []


def test_the_example_query_file_runs_on_the_example_report(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # as the README runs it
    store = str(tmp_path / "kg-data")
    assert CliRunner().invoke(app, ["ingest", "data/examples/", "--store", store]).exit_code == 0
    res = CliRunner().invoke(app, ["query", "sparql", "@ontology/queries/posts.rq", "-f", "csv", "--store", store])
    assert res.exit_code == 0, res.output
    header, *rows = res.stdout.splitlines()
    assert header == "person,role,organization,since"
    assert any(row.startswith("Nguyễn Đức Thụ,") for row in rows), res.stdout
