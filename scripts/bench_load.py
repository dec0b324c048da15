"""Benchmark: kg's batched loads into a Bolt server and a SPARQL server, against the naive
one-statement-per-row load measured in the same run (target: batched >= 20x naive).

    .venv/bin/python scripts/bench_load.py [--relations 50000] [--naive-rows 2000]

Starts its own servers on 127.0.0.1 (ArcadeDB's Neo4j-compatible Bolt plugin and `oxigraph
serve`, see kg.backends.devservers) in a temporary folder, and stops them at the end. The graph is
synthetic (tests/backends/sample.py: synthetic_graph), with one to three evidence sentences per
relation, so most of the RDF is provenance.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.backends.sample

import neo4j

from kg.backends import cypher as cy
from kg.backends import sparql_text as st
from kg.backends.bolt import DEFAULT_BATCH, load_neo4j
from kg.backends.devservers import ArcadeBoltServer, OxigraphServer
from kg.backends.sparql import load_sparql
from kg.model import Graph
from kg.rdf import raw_triples
from tests.backends.sample import synthetic_graph

WARMUP_LOADS = 2
REPEATS = 3  # medians of three: the machine is shared with the servers


class PhaseClock:
    """A progress callback that notes when the node phase of a Bolt load ended."""

    def __init__(self, nodes: int) -> None:
        self.nodes = nodes
        self.start = time.perf_counter()
        self.nodes_done_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.nodes_done_at is None and done >= self.nodes:
            self.nodes_done_at = time.perf_counter()


def bench_bolt(server: ArcadeBoltServer, graph: Graph, naive_rows: int, state: Path) -> dict[str, float]:
    # The JVM needs a few full loads to compile its hot paths: warm up first, so that neither
    # measurement pays for it (the first, cold load is printed too).
    cold = []
    for i in range(WARMUP_LOADS):
        server.create_database(f"warmup{i}")
        cold.append(load_neo4j(graph, server.uri, database=f"warmup{i}").seconds)
    rates, seconds = [], []
    for i in range(REPEATS):
        server.create_database(f"batched{i}")
        clock = PhaseClock(len(graph.entities))
        report = load_neo4j(graph, server.uri, database=f"batched{i}", state_dir=state / str(i), progress=clock)
        rates.append(report.written["relationships"] / (time.perf_counter() - (clock.nodes_done_at or clock.start)))
        seconds.append(report.seconds)
    t0 = time.perf_counter()
    again = load_neo4j(graph, server.uri, database="batched0", state_dir=state / "0")
    noop = time.perf_counter() - t0
    assert again.written == {"nodes": 0, "relationships": 0}

    # Where the batched time goes on this server: the same batches through the same MATCHes with
    # no write, and with a MERGE that writes only the id. Diagnostics only, not the target.
    probes = {}
    for name, statement in (("read_only", _read_only), ("id_only", _id_only)):
        server.create_database(name)
        load_neo4j(Graph(entities=graph.entities), server.uri, database=name)
        probes[name] = _batched_rate(server, graph, name, statement)

    # Naive: the same MERGE, one relationship per auto-commit statement, onto the same nodes.
    server.create_database("naive")
    load_neo4j(Graph(entities=graph.entities), server.uri, database="naive")
    rows = list(cy.edge_items(graph).values())
    naive = []
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        with driver.session(database="naive") as session:
            for i in range(REPEATS):
                t0 = time.perf_counter()
                for item in rows[i * naive_rows : (i + 1) * naive_rows]:
                    session.run(cy.merge_edges(*item.group), {"rows": [item.row]}).consume()
                naive.append(naive_rows / (time.perf_counter() - t0))
    return {
        "nodes": len(graph.entities),
        "relationships": len(graph.relations),
        "seconds": statistics.median(seconds),
        "rels_per_s": statistics.median(rates),
        "naive_per_s": statistics.median(naive),
        "noop_seconds": noop,
        "cold_seconds": cold[0],
        **{f"{k}_per_s": v for k, v in probes.items()},
    }


def _read_only(edge_type: str, source: str, target: str) -> str:
    merge = cy.merge_edges(edge_type, source, target)
    return merge[: merge.index("MERGE")] + "RETURN count(*) AS n"


def _id_only(edge_type: str, source: str, target: str) -> str:
    merge = cy.merge_edges(edge_type, source, target)
    return merge[: merge.index("SET")] + "RETURN count(r) AS n"


def _batched_rate(server: ArcadeBoltServer, graph: Graph, database: str, statement: Callable[..., str]) -> float:
    """Relationships/s for `statement` sent in the loader's batches and transactions."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for item in cy.edge_items(graph).values():
        groups.setdefault(item.group, []).append(item.row)
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        with driver.session(database=database) as session:
            t0 = time.perf_counter()
            for group, rows in groups.items():
                text = statement(*group)
                for i in range(0, len(rows), DEFAULT_BATCH):
                    batch = rows[i : i + DEFAULT_BATCH]
                    session.execute_write(lambda tx, text=text, batch=batch: tx.run(text, {"rows": batch}).consume())
            return sum(map(len, groups.values())) / (time.perf_counter() - t0)


def bench_sparql(server: OxigraphServer, graph: Graph, naive_rows: int, state: Path) -> dict[str, float]:
    rates, seconds = [], []
    for i in range(REPEATS):
        graph_iri = f"https://kg.example.org/graph/batched{i}"
        report = load_sparql(graph, server.query_url, state_dir=state / str(i), graph_iri=graph_iri)
        rates.append(report.written["triples"] / report.seconds)
        seconds.append(report.seconds)
    t0 = time.perf_counter()
    again = load_sparql(
        graph, server.query_url, state_dir=state / "0", graph_iri="https://kg.example.org/graph/batched0"
    )
    noop = time.perf_counter() - t0
    assert again.written == {"triples": 0}

    # Naive: one INSERT DATA request per triple.
    lines = [f"{st.term(s)} {st.term(p)} {st.term(o)} ." for s, p, o in raw_triples(graph)]
    naive = []
    for i in range(REPEATS):
        t0 = time.perf_counter()
        for line in lines[i * naive_rows : (i + 1) * naive_rows]:
            body = st.insert_data([line], "https://kg.example.org/graph/naive").encode("utf-8")
            req = urllib.request.Request(
                f"{server.url}/update", data=body, method="POST", headers={"Content-Type": "application/sparql-update"}
            )
            with urllib.request.urlopen(req) as resp:
                resp.read()
        naive.append(naive_rows / (time.perf_counter() - t0))
    return {
        "triples": report.written["triples"],
        "seconds": statistics.median(seconds),
        "triples_per_s": statistics.median(rates),
        "naive_per_s": statistics.median(naive),
        "noop_seconds": noop,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--naive-rows", type=int, default=2_000)
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = synthetic_graph(args.relations)
    print(f"synthetic graph: {len(graph.entities)} entities, {len(graph.relations)} relations "
          f"({time.perf_counter() - t0:.1f} s to make)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
        root = Path(tmp)
        bolt_server = ArcadeBoltServer(root / "arcadedb", password=secrets.token_hex(12))
        bolt_server.start()
        try:
            import os

            os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"] = bolt_server.user, bolt_server.password
            bolt = bench_bolt(bolt_server, graph, args.naive_rows, root / "state")
        finally:
            bolt_server.stop()
        with OxigraphServer(root / "oxigraph") as ox:
            sparql = bench_sparql(ox, graph, args.naive_rows, root / "state")

    print("\nBolt (ArcadeDB, Neo4j 5 compatible)")
    nodes, rels = bolt["nodes"], bolt["relationships"]
    print(f"  batched load: {nodes:.0f} nodes + {rels:.0f} relationships in {bolt['seconds']:.1f} s")
    print(f"  batched:      {bolt['rels_per_s']:>10,.0f} relationships/s  (UNWIND $rows, median of {REPEATS})")
    print(f"  naive:        {bolt['naive_per_s']:>10,.0f} relationships/s  ({args.naive_rows} auto-commit statements)")
    print(f"  ratio:        {bolt['rels_per_s'] / bolt['naive_per_s']:>10.1f}x  (target >= 20x)")
    print(f"  second load (nothing changed): {bolt['noop_seconds']:.2f} s")
    print("  where the time goes, same batches (diagnostics):")
    for key, what in (("read_only", "MATCHes only, no write"), ("id_only", "MERGE writing only id")):
        rate = bolt[f"{key}_per_s"]
        print(f"    {what + ':':24s} {rate:>10,.0f}/s  ({rate / bolt['naive_per_s']:.1f}x naive)")
    print(f"  (the first load into a cold server took {bolt['cold_seconds']:.1f} s; {WARMUP_LOADS} warm-up loads ran)")
    print("\nSPARQL (oxigraph serve)")
    print(f"  batched load: {sparql['triples']:.0f} triples in {sparql['seconds']:.1f} s")
    print(
        f"  batched:      {sparql['triples_per_s']:>10,.0f} triples/s  (Graph Store Protocol POST; median of {REPEATS})"
    )
    print(f"  naive:        {sparql['naive_per_s']:>10,.0f} triples/s  ({args.naive_rows} INSERT DATA requests)")
    print(f"  ratio:        {sparql['triples_per_s'] / sparql['naive_per_s']:>10.1f}x  (target >= 20x)")
    print(f"  second load (nothing changed): {sparql['noop_seconds']:.2f} s")


if __name__ == "__main__":
    main()
