"""scripts/bench_store.py's query timings: every documented query runs with all its parameters bound, both
engines give the same rows, and a query over its time limit is reported as "timeout" without hanging the bench."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from kg import query
from kg.errors import QueryError
from kg.store import Store
from tests.store.sample import small_report

ROOT = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((ROOT / "ontology" / "queries.yaml").read_text(encoding="utf-8"))


def _load() -> ModuleType:
    # imported by name from scripts/ (on sys.path), so that its query worker, a spawned process, imports it too
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    import bench_store

    return bench_store


bench = _load()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A few of the bench's synthetic reports, and two naming a body before and after the 2025 reorganisation
    (Bộ Kế hoạch và Đầu tư merged into Bộ Tài chính): the shape of store on which successors_of_body gave
    rows in SPARQL and none in Cypher when the bench ran it without its parameter."""
    path = tmp_path_factory.mktemp("bench") / "kg-data"
    world = bench.World(bench.Params(reports=30))
    with Store.open(path) as store:
        for i in range(30):
            ex = bench.report(world, i)
            ex.document.sha256 = hashlib.sha256(ex.text.encode("utf-8")).hexdigest()
            store.put(ex)
        store.put(small_report("khdt-2024.txt", [("Nguyễn Chí Dũng", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư")],
                               "2024-05-02"))
        store.put(small_report("btc-2025.txt", [("Nguyễn Văn Thắng", "Bộ trưởng", "Bộ Tài chính")], "2025-04-10"))
    yield path


def test_a_parameter_left_out_is_why_the_engines_disagreed(store_path: Path) -> None:
    q = next(q for q in QUERIES if q["name"] == "successors_of_body")
    with Store.open(store_path) as store:
        # as the bench ran it: SPARQL reads the unbound ?body as any body; Cypher, which read the missing
        # $body as null and matched nothing, now refuses the query by the parameter's name
        assert query.sparql(store, q["sparql"]).rows
        with pytest.raises(QueryError, match=r"\$body"):
            query.cypher(store, q["cypher"])
        values = bench._values(q, bench._params(store))
        assert set(values) == {"body"}  # taken from the store: a body that became another
        rows = query.sparql(store, q["sparql"], values).rows
        assert rows and rows == query.cypher(store, q["cypher"], values).rows
        plan = query.sparql(store, q["sparql"], {"body": "Bộ Kế hoạch và Đầu tư"}).rows
        assert [r[1:3] for r in plan] == [["Bộ Tài chính", "merged"]]


def test_every_documented_query_gets_every_parameter(store_path: Path) -> None:
    with Store.open(store_path) as store:
        params = bench._params(store)
    for q in QUERIES:
        assert set(bench._values(q, params)) == set(q["params"]), q["name"]


def test_the_bench_times_every_documented_query_and_both_engines_agree(
        store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench._queries(store_path, repeat=2, timeout=60)
    lines = capsys.readouterr().out.splitlines()[1:]
    assert not [line for line in lines if "MISMATCH" in line or "timeout" in line or "failed" in line]
    timed = {tuple(line.split()[:2]) for line in lines if line.endswith("rows)")}
    assert timed == {(q["name"], lang) for q in QUERIES for lang in ("sparql", "cypher")}
    # the as-of and succession queries answer something here, so their agreement means something
    for name in ("posts_on_date", "holders_on_date", "successors_of_body"):
        assert all("(0 rows)" not in line for line in lines if line.split()[0] == name), name


def test_a_query_over_its_time_limit_is_reported_and_the_next_one_runs(store_path: Path) -> None:
    # four copies of the graph joined with nothing in common: (thousands of triples)^4 solutions to count
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with bench.QueryRunner(store_path, timeout=2.0) as runner:
        assert runner.run("sparql", endless, {}) == ("timeout", None, None)
        status, times, rows = runner.run("cypher", "MATCH (o:Organization) RETURN count(o)", {}, repeat=3)
        assert status == "ok" and rows[0][0] > 0 and len(times) == 4
        status, why, _ = runner.run("sparql", "SELECT * WHERE { ?s ?p }", {})
        assert status == "failed" and "SPARQL" in why
