#!/usr/bin/env python
"""How big and how fast `kg viz` pages are, measured in real headless Chromium.

For synthetic knowledge graphs of 500 and 5,000 entities (two relations per entity, hubs like
real ministries), prints: Python time to filter + lay out + write, HTML size, time from
navigation until the graph is first drawn, and how long a click-highlight of a hub takes to
redraw (responsiveness). The baseline, measured in the same run, is the page plain pyvis writes
for the same graph with its default settings (physics on, in_line resources): time until its
physics has stabilized (capped by --baseline-timeout). The ratio baseline/kg is printed.

    .venv/bin/python scripts/bench_viz.py [--sizes 500,5000] [--baseline-timeout 60]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from kg.model import RELATION_TYPES, DocumentInfo, Entity, Evidence, Graph, Relation, make_id
from kg.viz import write_html

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MIX = {"Person": 0.45, "Organization": 0.25, "Event": 0.1, "Directive": 0.1, "Location": 0.05, "Document": 0.05}


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> Graph:
    """Typed entities and type-correct relations; targets drawn with preferential attachment."""
    rng = random.Random(seed)
    g = Graph()
    docs = [f"report-{i:03d}.txt" for i in range(max(1, n_nodes // 50))]
    for i, d in enumerate(docs):
        g.documents[d] = DocumentInfo(d, title=f"Báo cáo {i}", date=f"20{10 + i % 15}-0{1 + i % 9}-15")
    by_type: dict[str, list[str]] = {t: [] for t in MIX}
    types = rng.choices(list(MIX), weights=list(MIX.values()), k=n_nodes)
    for i, t in enumerate(types):
        name = f"{t} số {i} Hà Nội"
        sentence = f"Câu chứng cứ về {name} trong báo cáo."
        doc = rng.choice(docs)
        ent = Entity(make_id(t, name), t, name, aliases=[f"T{i}"],
                     evidence=[Evidence(doc, 0, len(sentence), name, sentence)])
        g.entities[ent.id] = ent
        by_type[t].append(ent.id)
    popular: list[str] = []  # ids repeated once per link: preferential attachment
    rel_types = [r for r, (src, dst) in RELATION_TYPES.items() if any(by_type[s] for s in src)
                 and any(by_type[d] for d in dst)]
    seen = set()
    while len(g.relations) < n_edges:
        rtype = rng.choice(rel_types)
        src_types, dst_types = RELATION_TYPES[rtype]
        src = rng.choice(by_type[rng.choice([t for t in src_types if by_type[t]])])
        dst_pool = [x for t in dst_types for x in by_type[t]]
        hubs = [x for x in popular[-2000:] if g.entities[x].type in dst_types]
        dst = rng.choice(hubs) if hubs and rng.random() < 0.6 else rng.choice(dst_pool)
        if src == dst or (rtype, src, dst) in seen:
            continue
        seen.add((rtype, src, dst))
        popular.append(dst)
        sentence = f"{g.entities[src].name} {rtype.lower()} {g.entities[dst].name}."
        props = {"role": "Chủ tịch"} if rtype == "HOLDS_POSITION" else {}
        g.relations.append(Relation(rtype, src, dst, props=props,
                                    evidence=[Evidence(rng.choice(docs), 0, len(sentence), sentence, sentence)]))
    return g


def baseline_html(graph: Graph, path: Path) -> None:
    """What plain pyvis writes for the same graph: default options, physics on."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for e in graph.entities.values():
        net.add_node(e.id, label=e.name, title=e.type)
    for r in graph.relations:
        net.add_edge(r.source, r.target, title=r.type)
    path.write_text(net.generate_html(), encoding="utf-8")


def measure(page, url: str, *, kg_page: bool, timeout_s: float) -> dict[str, float | None]:
    page.goto("about:blank")
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=int(timeout_s * 1000) + 60_000)
    out: dict[str, float | None] = {}
    if kg_page:
        page.wait_for_function("window.kg && window.kg.drawnAt !== null", timeout=int(timeout_s * 1000))
        out["drawn"] = time.perf_counter() - start
        # a click on the most connected node: dims the rest and redraws
        out["highlight"] = page.evaluate("""() => {
            const ids = kg.nodes.getIds();
            let hub = ids[0], best = -1;
            for (const id of ids) {
                const d = kg.network.getConnectedEdges(id).length;
                if (d > best) { best = d; hub = id; }
            }
            return new Promise(resolve => {
                const t0 = performance.now();
                kg.network.once('afterDrawing', () => resolve((performance.now() - t0) / 1000));
                kg.focusNode(hub);
            });
        }""")
    else:
        # pyvis's page: the network is usable once physics has stabilized
        try:
            page.wait_for_function(
                "() => typeof network !== 'undefined' && !!network && network.physics.stabilized === true",
                timeout=int(timeout_s * 1000),
            )
            out["drawn"] = time.perf_counter() - start
        except Exception:  # a timeout: not usable within the cap
            out["drawn"] = None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="500,5000", help="entity counts (relations = 2 per entity)")
    ap.add_argument("--baseline-timeout", type=float, default=60.0, help="seconds before giving up on pyvis")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-viz-"))
    rows = []
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 900},
        )
        page = ctx.new_page()
        requests: dict[str, list[str]] = {"kg": [], "pyvis": []}
        current = ["kg"]
        local = ("file:", "about:")
        page.on("request", lambda r: None if r.url.startswith(local) else requests[current[0]].append(r.url))
        for n in (int(s) for s in args.sizes.split(",")):
            graph = synthetic_graph(n, 2 * n)
            t0 = time.perf_counter()
            res = write_html(graph, tmp / f"kg-{n}.html", title=f"synthetic {n}", overview=False)
            build = time.perf_counter() - t0
            current[0] = "kg"
            ours = measure(page, (tmp / f"kg-{n}.html").as_uri(), kg_page=True, timeout_s=60)
            baseline_html(graph, tmp / f"pyvis-{n}.html")
            current[0] = "pyvis"
            base = measure(page, (tmp / f"pyvis-{n}.html").as_uri(), kg_page=False, timeout_s=args.baseline_timeout)
            page.goto("about:blank")  # stop pyvis's physics before the next graph is built
            rows.append((n, len(graph.relations), build, res.bytes, ours, base))
            print(f"measured {n} nodes", file=sys.stderr)
        ctx.close()

    print(f"{'nodes':>6} {'edges':>6} {'write s':>8} {'HTML MB':>8} {'drawn s':>8} {'click s':>8} "
          f"{'pyvis s':>9} {'pyvis/kg':>9}")
    for n, m, build, size, ours, base in rows:
        b = base["drawn"]
        b_txt = f"{b:9.2f}" if b is not None else f">{args.baseline_timeout:8.0f}"
        ratio = (b if b is not None else args.baseline_timeout) / ours["drawn"]
        print(f"{n:>6} {m:>6} {build:8.2f} {size / 1e6:8.2f} {ours['drawn']:8.2f} {ours['highlight']:8.3f} "
              f"{b_txt} {'>' if b is None else ' '}{ratio:7.1f}x")
    print(f"network requests attempted: kg pages {len(requests['kg'])}, pyvis pages {len(requests['pyvis'])} "
          f"({', '.join(sorted(set(requests['pyvis'])))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
