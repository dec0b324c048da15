"""The cypher-shell script (kg export cypher) writes on a real Bolt server exactly the graph the
Bolt loader writes, and running it twice changes nothing."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from kg.export.cypher import export_cypher
from kg.model import Graph
from tests.backends.conftest import BoltTarget
from tests.backends.test_bolt import expected, on_server

pytestmark = pytest.mark.servers


def run_script(bolt: BoltTarget, script: Path) -> int:
    """Run a script the way cypher-shell -f does: statements end with ';' at the end of a line."""
    count = 0
    with neo4j.GraphDatabase.driver(bolt.uri, auth=(bolt.server.user, bolt.server.password)) as driver:
        with driver.session(database=bolt.database) as session:
            for line in script.read_text(encoding="utf-8").split("\n"):
                if line and not line.startswith("//"):
                    assert line.endswith(";")
                    session.run(line[:-1]).consume()  # auto-commit, as cypher-shell runs it
                    count += 1
    return count


def test_script_writes_the_same_graph_as_the_loader(bolt: BoltTarget, graph: Graph, tmp_path: Path):
    script = tmp_path / "load.cypher"
    export_cypher(graph, script)
    assert run_script(bolt, script) > 0
    assert on_server(bolt) == expected(graph)
    run_script(bolt, script)
    assert on_server(bolt) == expected(graph)
