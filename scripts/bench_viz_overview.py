#!/usr/bin/env python
"""How the overview reads at archive scale, measured in real headless Chromium.

For stores of real reports (every k-th file of a folder, e.g. ../shared/corpus-news, ingested
with kg's own pipeline) and a synthetic graph, writes the page `kg viz` draws by default (the
overview of groups) and the page of every entity (`--no-overview`, the baseline, same run), and
prints for each: time to write, HTML size, time until drawn, what is drawn at the first zoom
(nodes, labels), the smallest drawn label's size on screen, label overlaps, and the time to open
the largest group (its members and relations drawn). Overlaps are
computed here from the network's node positions and the labels' text measured on a canvas with
their font (scripts/label_boxes.js), not by the page.

    .venv/bin/python scripts/bench_viz_overview.py --reports ../shared/corpus-news --n 200,1500 \\
        --synthetic 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kg.ingest import ingest
from kg.model import Graph
from kg.store import Store
from kg.viz import write_html

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from bench_viz import CHROMIUM, FLAGS, synthetic_graph  # noqa: E402  (the full-page benchmark's browser and graphs)


def real_graph(folder: Path, n: int, tmp: Path) -> Graph:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    chosen = files[:: max(1, len(files) // n)][:n]
    with Store.open(tmp / f"store-{n}", create=True) as store:
        ingest(chosen, store, jobs=2)
        return store.graph()


def overlaps(boxes: list[dict]) -> int:
    def clash(a: dict, b: dict) -> bool:
        return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]

    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if clash(a, b))


def measure(page, path: Path, boxes_js: str) -> dict[str, float]:
    page.goto("about:blank")
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load", timeout=180_000)
    page.wait_for_function("window.kg && window.kg.drawnAt !== null", timeout=180_000)
    drawn = time.perf_counter() - start
    page.wait_for_timeout(100)
    boxes = page.evaluate(boxes_js)
    out = {"drawn": drawn, "nodes": page.evaluate("kg.network.body.nodeIndices.length"), "labels": len(boxes),
           "min_px": min((b["px"] for b in boxes), default=0.0), "overlaps": overlaps(boxes), "open": None}
    if page.evaluate("!!(kg.groups && kg.groups.length)"):
        # a click on the largest group: its members and their relations come in, then a redraw
        out["open"] = page.evaluate("""() => new Promise((done) => {
            const t0 = performance.now();
            kg.openGroup('group:' + kg.groups[0].id, false);
            kg.network.once('afterDrawing', () => done((performance.now() - t0) / 1000));
            kg.network.redraw(); })""")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=Path, help="A folder of reports to ingest (e.g. ../shared/corpus-news).")
    ap.add_argument("--n", default="200,1500", help="How many of its reports, evenly spread, per store.")
    ap.add_argument("--synthetic", type=int, default=10_000, help="Entities of a synthetic graph (0: none).")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-viz-overview-"))
    graphs: list[tuple[str, Graph]] = []
    if args.reports:
        for n in (int(x) for x in args.n.split(",")):
            graphs.append((f"{n} real reports", real_graph(args.reports, n, tmp)))
            print(f"ingested {n} reports", file=sys.stderr)
    if args.synthetic:
        graphs.append((f"synthetic {args.synthetic:,}", synthetic_graph(args.synthetic, 2 * args.synthetic)))
    boxes_js = (ROOT / "label_boxes.js").read_text(encoding="utf-8")
    rows = []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(str(tmp / "profile"), executable_path=CHROMIUM, headless=True,
                                                    args=FLAGS, viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        for name, graph in graphs:
            for overview in (True, False):
                path = tmp / f"{name.replace(' ', '-')}-{overview}.html"
                t0 = time.perf_counter()
                res = write_html(graph, path, overview=overview)
                write = time.perf_counter() - t0
                rows.append((name, "overview" if overview else "every entity", len(graph.entities), res.groups,
                             write, res.bytes, measure(page, path, boxes_js)))
                print(f"measured {name} ({'overview' if overview else 'full'})", file=sys.stderr)
        ctx.close()
    print(f"{'store':<20} {'page':<13} {'entities':>8} {'groups':>6} {'write s':>7} {'MB':>6} {'drawn s':>7} "
          f"{'nodes':>6} {'labels':>6} {'min px':>6} {'overlaps':>8} {'open s':>6}")
    for name, kind, n, groups, write, size, m in rows:
        print(f"{name:<20} {kind:<13} {n:>8,} {groups:>6} {write:7.2f} {size / 1e6:6.2f} {m['drawn']:7.2f} "
              f"{m['nodes']:>6,} {m['labels']:>6,} {m['min_px']:6.1f} {m['overlaps']:>8,} "
              f"{'—' if m['open'] is None else format(m['open'], '.2f'):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
