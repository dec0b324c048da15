"""The README's examples run from the repository's root: the files they name exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.backends import conftest as servers_conftest
from tests.backends.conftest import bolt_target

# the test suite's servers (a session starts each once)
neo4j_server, oxigraph_server = servers_conftest.neo4j_server, servers_conftest.oxigraph_server

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


def _using_kg() -> list[list[str]]:
    """The `kg` commands of the README's "Using kg" section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Using kg", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None
    out = []
    for line in block.group(1).replace("\\\n", " ").splitlines():
        args = shlex.split(line, comments=True)
        if args[:1] == ["kg"]:
            out.append(args[1:])
    return out


@pytest.mark.servers
def test_every_command_of_using_kg_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   neo4j_server, oxigraph_server) -> None:
    """Run from a folder that sees the repository's files, against a fresh store, with the servers
    of the test suite standing in for the README's localhost ones (credentials in the environment,
    as the README says)."""
    bolt_target(neo4j_server)  # its one database, emptied
    work = tmp_path / "work"
    work.mkdir()
    for name in ("data", "ontology", "tests"):
        (work / name).symlink_to(ROOT / name)
    monkeypatch.chdir(work)
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    servers = {"bolt://localhost:7687": neo4j_server.uri, "http://localhost:7878/query": oxigraph_server.query_url}
    commands = _using_kg()
    assert [c[0] for c in commands][:2] == ["extract", "extract"] and ["load", "neo4j"] in [c[:2] for c in commands]
    for args in commands:
        args = [servers.get(a, a) for a in args]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, f"kg {' '.join(args)}: {result.output}"
    assert (work / "graph.html").exists() and (work / "graph.ttl").exists() and (work / "kg-data").is_dir()
