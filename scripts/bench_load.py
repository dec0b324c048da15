"""Benchmark: kg's batched loads into real Neo4j and into two SPARQL servers, against the naive
one-statement-per-row load measured in the same run (target: batched >= 20x naive), and the
`neo4j-csv` export through the real `neo4j-admin database import full` (the ceiling).

    .venv/bin/python scripts/bench_load.py [--relations 50000] [--naive-rows 2000] [--profile]

Starts its own servers on 127.0.0.1 in a temporary folder and stops them at the end: Neo4j
Community 5.26 LTS and Apache Jena Fuseki (TDB2), both built by Maven (kg.backends.jvmservers),
and `oxigraph serve`. The graph is synthetic (tests/backends/sample.py: synthetic_graph), with one
to three evidence sentences per relation, so most of the RDF is provenance.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.backends.sample

import neo4j

from kg.backends import cypher as cy
from kg.backends import sparql_text as st
from kg.backends.bolt import DEFAULT_BATCH, load_neo4j
from kg.backends.devservers import OxigraphServer
from kg.backends.jvmservers import FusekiServer, Neo4jServer, neo4j_admin
from kg.backends.sparql import load_sparql
from kg.export.neo4j_csv import export_neo4j_csv
from kg.model import Graph
from kg.rdf import raw_triples
from tests.backends.sample import synthetic_graph

WARMUP_LOADS = 2  # Neo4j: the first two loads into a fresh server run 2x and 1.1x slower (JIT)
REPEATS = 3  # medians of three: the machine is shared with the servers
SparqlServer = OxigraphServer | FusekiServer


class PhaseClock:
    """A progress callback that notes when the node phase of a Bolt load ended."""

    def __init__(self, nodes: int) -> None:
        self.nodes = nodes
        self.start = time.perf_counter()
        self.nodes_done_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.nodes_done_at is None and done >= self.nodes:
            self.nodes_done_at = time.perf_counter()


def _driver(server: Neo4jServer) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))


def bench_neo4j(server: Neo4jServer, graph: Graph, naive_rows: int, state: Path, profile: bool) -> dict[str, Any]:
    """Community has one database: every measured load starts from it wiped (data and schema)."""
    cold = []
    for _ in range(WARMUP_LOADS):  # the JVM compiles its hot paths during the first loads
        server.wipe()
        cold.append(load_neo4j(graph, server.uri).seconds)
    rates, seconds = [], []
    for i in range(REPEATS):
        server.wipe()
        clock = PhaseClock(len(graph.entities))
        report = load_neo4j(graph, server.uri, state_dir=state / str(i), progress=clock)
        rates.append(report.written["relationships"] / (time.perf_counter() - (clock.nodes_done_at or clock.start)))
        seconds.append(report.seconds)
    t0 = time.perf_counter()
    again = load_neo4j(graph, server.uri, state_dir=state / str(REPEATS - 1))
    noop = time.perf_counter() - t0
    assert again.written == {"nodes": 0, "relationships": 0}
    with _driver(server) as driver:
        stats = {
            "version": driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0]").records[0][0],
            "relationships_in_db": driver.execute_query("MATCH ()-[r]->() RETURN count(r)").records[0][0],
        }

    # Where the batched time goes: the same batches through the same MATCHes with no write, and
    # with a MERGE that writes only the id. Diagnostics only, not the target.
    probes = {}
    for name, statement in (("read_only", _read_only), ("id_only", _id_only)):
        server.wipe()
        load_neo4j(Graph(entities=graph.entities), server.uri)  # nodes and constraints
        probes[name] = _batched_rate(server, graph, statement)

    # Naive: the same MERGE, one relationship per auto-commit statement, constraints in place.
    server.wipe()
    load_neo4j(Graph(entities=graph.entities), server.uri)
    rows = list(cy.edge_items(graph).values())
    naive = []
    with _driver(server) as driver, driver.session(database=server.database) as session:
        for i in range(REPEATS):
            t0 = time.perf_counter()
            for item in rows[i * naive_rows : (i + 1) * naive_rows]:
                session.run(cy.merge_edges(*item.group), {"rows": [item.row]}).consume()
            naive.append(naive_rows / (time.perf_counter() - t0))
        plan = _profile(session, rows[REPEATS * naive_rows :]) if profile else None
    return {
        "nodes": len(graph.entities),
        "relationships": len(graph.relations),
        "seconds": statistics.median(seconds),
        "rels_per_s": statistics.median(rates),
        "naive_per_s": statistics.median(naive),
        "noop_seconds": noop,
        "cold_seconds": cold[0] if cold else float("nan"),
        "plan": plan,
        **stats,
        **{f"{k}_per_s": v for k, v in probes.items()},
    }


def _read_only(edge_type: str, source: str, target: str) -> str:
    merge = cy.merge_edges(edge_type, source, target)
    return merge[: merge.index("MERGE")] + "RETURN count(*) AS n"


def _id_only(edge_type: str, source: str, target: str) -> str:
    merge = cy.merge_edges(edge_type, source, target)
    return merge[: merge.index("SET")] + "RETURN count(r) AS n"


def _batched_rate(server: Neo4jServer, graph: Graph, statement: Callable[..., str]) -> float:
    """Relationships/s for `statement` sent in the loader's batches and transactions."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for item in cy.edge_items(graph).values():
        groups.setdefault(item.group, []).append(item.row)
    with _driver(server) as driver, driver.session(database=server.database) as session:
        t0 = time.perf_counter()
        for group, rows in groups.items():
            text = statement(*group)
            for i in range(0, len(rows), DEFAULT_BATCH):
                batch = rows[i : i + DEFAULT_BATCH]
                session.execute_write(lambda tx, text=text, batch=batch: tx.run(text, {"rows": batch}).consume())
        return sum(map(len, groups.values())) / (time.perf_counter() - t0)


def _profile(session: neo4j.Session, items: list[cy.Item]) -> list[str]:
    """PROFILE of kg's relationship MERGE on one batch of one group: operators, rows, db hits."""
    group = max({it.group for it in items}, key=lambda g: sum(it.group == g for it in items))
    batch = [it.row for it in items if it.group == group][:DEFAULT_BATCH]
    summary = session.run("PROFILE " + cy.merge_edges(*group), {"rows": batch}).consume()
    lines = [f"{group[0]} ({group[1]}->{group[2]}), {len(batch)} rows:"]

    def walk(op: dict[str, Any], depth: int) -> None:
        args = op.get("args", {})
        detail = str(args.get("Details", ""))[:70]
        lines.append(f"{'  ' * depth}{op['operatorType']:<28} rows={op.get('rows', 0):<7} "
                     f"dbHits={op.get('dbHits', 0):<8} {detail}")  # fmt: skip
        for child in op.get("children", []):
            walk(child, depth + 1)

    walk(dict(summary.profile or {}), 0)
    return lines


def bench_import(server: Neo4jServer, graph: Graph, root: Path, load_seconds: float) -> dict[str, Any]:
    """The `neo4j-csv` export through the real `neo4j-admin database import full` into a new home,
    timed as a user runs it (`sh import.sh`, JVM start included), then checked on a server."""
    export_neo4j_csv(graph, root / "csv")
    shim = root / "bin" / "neo4j-admin"
    shim.parent.mkdir()
    shim.write_text("#!/bin/sh\nexec " + " ".join(f"'{a}'" for a in neo4j_admin(server.version)) + ' "$@"\n')
    shim.chmod(0o755)
    home, conf = root / "imported" / "home", root / "imported" / "conf"
    conf.mkdir(parents=True)
    home.mkdir()
    (conf / "neo4j.conf").write_text("")
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}", "NEO4J_HOME": str(home)}
    env["NEO4J_CONF"] = str(conf)
    t0 = time.perf_counter()
    done = subprocess.run(["sh", str(root / "csv" / "import.sh"), "neo4j"], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"neo4j-admin import failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    own = re.search(r"IMPORT DONE in ([^.]+)", done.stdout)
    imported = Neo4jServer(root / "imported", version=server.version)
    imported.start()
    try:
        with _driver(imported) as driver:
            rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r)").records[0][0]
            nodes = driver.execute_query("MATCH (n) RETURN count(n)").records[0][0]
    finally:
        imported.stop()
    return {"seconds": seconds, "own": own.group(1).strip() if own else "?", "nodes": nodes, "relationships": rels,
            "fraction": seconds / load_seconds}  # fmt: skip


def bench_sparql(server: SparqlServer, graph: Graph, naive_rows: int, state: Path) -> dict[str, float]:
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
                server.update_url, data=body, method="POST", headers={"Content-Type": "application/sparql-update"}
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


def _print_neo4j(bolt: dict[str, Any], imp: dict[str, Any] | None, naive_rows: int) -> None:
    nodes, rels = bolt["nodes"], bolt["relationships"]
    print(f"\nNeo4j Community {bolt['version']} (Bolt, one database, wiped before each load)")
    print(f"  batched load: {nodes:,} nodes + {rels:,} relationships in {bolt['seconds']:.1f} s "
          f"(schema, nodes, relationships; median of {REPEATS})")  # fmt: skip
    print(f"  batched:      {bolt['rels_per_s']:>10,.0f} relationships/s  (UNWIND $rows, {DEFAULT_BATCH:,} per tx)")
    print(f"  naive:        {bolt['naive_per_s']:>10,.0f} relationships/s  ({naive_rows:,} auto-commit statements)")
    print(f"  ratio:        {bolt['rels_per_s'] / bolt['naive_per_s']:>10.1f}x  (target >= 20x)")
    print(f"  second load (nothing changed): {bolt['noop_seconds']:.2f} s; "
          f"relationships in the database: {bolt['relationships_in_db']:,}")  # fmt: skip
    print("  where the time goes, same batches (diagnostics):")
    for key, what in (("read_only", "MATCHes only, no write"), ("id_only", "MERGE writing only id")):
        rate = bolt[f"{key}_per_s"]
        print(f"    {what + ':':24s} {rate:>10,.0f}/s  ({rate / bolt['naive_per_s']:.1f}x naive)")
    print(f"  (the first load into the cold server took {bolt['cold_seconds']:.1f} s; {WARMUP_LOADS} warm-up loads)")
    if imp:
        print(f"  neo4j-admin database import full of the neo4j-csv export: {imp['seconds']:.1f} s "
              f"(its own timer: {imp['own']}); the database then holds {imp['nodes']:,} nodes, "
              f"{imp['relationships']:,} relationships")  # fmt: skip
        items = nodes + rels
        print(f"  batched load vs that ceiling: {imp['fraction']:.0%} of its speed "
              f"({items / bolt['seconds']:,.0f} vs {items / imp['seconds']:,.0f} items/s)")  # fmt: skip
    for line in bolt["plan"] or []:
        print("  PROFILE " + line)


def _print_sparql(title: str, res: dict[str, float], naive_rows: int) -> None:
    print(f"\n{title}")
    print(f"  batched load: {res['triples']:,.0f} triples in {res['seconds']:.1f} s")
    print(f"  batched:      {res['triples_per_s']:>10,.0f} triples/s  (Graph Store Protocol POST; median of {REPEATS})")
    print(f"  naive:        {res['naive_per_s']:>10,.0f} triples/s  ({naive_rows:,} INSERT DATA requests)")
    print(f"  ratio:        {res['triples_per_s'] / res['naive_per_s']:>10.1f}x  (target >= 20x)")
    print(f"  second load (nothing changed): {res['noop_seconds']:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--naive-rows", type=int, default=2_000)
    parser.add_argument("--no-import", action="store_true", help="skip the neo4j-admin import ceiling")
    parser.add_argument("--profile", action="store_true", help="print PROFILE of one relationship batch")
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = synthetic_graph(args.relations)
    print(f"synthetic graph: {len(graph.entities)} entities, {len(graph.relations)} relations "
          f"({time.perf_counter() - t0:.1f} s to make)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
        root = Path(tmp)
        server = Neo4jServer(root / "neo4j", heap="2g")
        server.start()
        try:
            os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"] = server.user, server.password
            bolt = bench_neo4j(server, graph, args.naive_rows, root / "state-neo4j", args.profile)
        finally:
            server.stop()
        imp = None if args.no_import else bench_import(server, graph, root / "import", bolt["seconds"])
        fuseki = FusekiServer(root / "fuseki", heap="2g")
        fuseki.start()
        try:
            fus = bench_sparql(fuseki, graph, args.naive_rows, root / "state-fuseki")
        finally:
            fuseki.stop()
        with OxigraphServer(root / "oxigraph") as ox:
            oxi = bench_sparql(ox, graph, args.naive_rows, root / "state-oxigraph")

    _print_neo4j(bolt, imp, args.naive_rows)
    _print_sparql(f"SPARQL: Apache Jena Fuseki {fuseki.version} (TDB2)", fus, args.naive_rows)
    _print_sparql(f"SPARQL: oxigraph serve {dist_version('oxigraph')}", oxi, args.naive_rows)
    print("\n| server | batched | naive | ratio |\n| --- | --- | --- | --- |")
    rows = [
        (f"Neo4j {bolt['version']}", bolt["rels_per_s"], bolt["naive_per_s"], "relationships/s"),
        (f"Fuseki {fuseki.version}", fus["triples_per_s"], fus["naive_per_s"], "triples/s"),
        (f"Oxigraph {dist_version('oxigraph')}", oxi["triples_per_s"], oxi["naive_per_s"], "triples/s"),
    ]
    for name, fast, slow, unit in rows:
        print(f"| {name} | {fast:,.0f} {unit} | {slow:,.0f} {unit} | {fast / slow:.1f}× |")


if __name__ == "__main__":
    main()
