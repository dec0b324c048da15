"""kg load --min-reports / --min-confidence: the server gets only the trusted relations, and a
stricter load deletes what it drops."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.backends.devservers import OxigraphServer
from kg.cli import app
from tests.backends.conftest import empty_sparql
from tests.store.sample import REPORTS, filled_store

pytestmark = pytest.mark.servers

FACTS = "SELECT ?n ?c WHERE { ?f a rdf:Statement ; kg:reports ?n ; kg:confidence ?c }"
PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
            "PREFIX kg: <https://kg.example.org/ontology#> ")


def _facts(server: OxigraphServer) -> list[tuple[int, float]]:
    url = server.query_url + "?" + urllib.parse.urlencode({"query": PREFIXES + FACTS})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        rows = json.load(resp)["results"]["bindings"]
    return [(int(r["n"]["value"]), float(r["c"]["value"])) for r in rows]


def test_load_sends_only_trusted_relations(oxigraph_server: OxigraphServer, tmp_path: Path) -> None:
    empty_sparql(oxigraph_server)
    store = tmp_path / "kg-data"
    with filled_store(store, REPORTS):
        pass
    base = ["load", "sparql", "--endpoint", oxigraph_server.query_url, "--store", str(store)]
    assert CliRunner().invoke(app, base).exit_code == 0
    every = _facts(oxigraph_server)
    res = CliRunner().invoke(app, [*base, "--min-reports", "2", "--min-confidence", "0.7"])
    assert res.exit_code == 0, res.output
    some = _facts(oxigraph_server)
    assert sorted(some) == sorted(f for f in every if f[0] >= 2 and f[1] >= 0.7)
    assert 0 < len(some) < len(every)
