#!/usr/bin/env python
"""Make the README screenshot: the example report's graph, as `kg viz` draws it, in Chromium.

Ingests data/examples/vpqh-2019-08-28.txt into a temporary store (the same path as
scripts/demo.sh), writes the page with kg.viz, opens it in headless Chromium, frames the largest
connected part, hovers its most connected entity so the evidence tooltip shows, and saves
docs/graph.png.

    .venv/bin/python scripts/screenshot.py [-o docs/graph.png] [--width 1400 --height 860]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kg.ingest import ingest
from kg.store import Store
from kg.viz import write_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "vpqh-2019-08-28.txt"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "graph.png")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=860)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kg-screenshot-"))
    with Store.open(tmp / "kg-data", create=True) as store:
        ingest([EXAMPLE], store, jobs=1)
        graph = store.graph()
    page_path = tmp / "graph.html"
    write_html(graph, page_path, title=f"kg graph: {EXAMPLE.name}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": args.width, "height": args.height},
        )
        page = ctx.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-drawn=true]", state="attached")
        # frame the largest connected part (isolated entities stay on the page, off the picture),
        # then hover its most connected entity so the evidence tooltip shows
        hub = page.evaluate("""() => {
            const seen = new Set();
            let biggest = [];
            for (const start of kg.nodes.getIds()) {
                if (seen.has(start)) continue;
                const part = [start];
                seen.add(start);
                for (let i = 0; i < part.length; i++)
                    for (const n of kg.network.getConnectedNodes(part[i]))
                        if (!seen.has(n)) { seen.add(n); part.push(n); }
                if (part.length > biggest.length) biggest = part;
            }
            if (!biggest.length) return null;
            kg.network.fit({nodes: biggest, animation: false});
            kg.network.moveTo({scale: kg.network.getScale() * 0.92, animation: false});
            let best = biggest[0], degree = -1;
            for (const id of biggest) {
                const d = kg.network.getConnectedEdges(id).length;
                if (d > degree) { degree = d; best = id; }
            }
            return best;
        }""")
        if hub is not None:
            page.wait_for_timeout(200)
            x, y = page.evaluate("""(id) => {
                const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
                const r = document.getElementById('kg-network').getBoundingClientRect();
                return [p.x + r.left, p.y + r.top];
            }""", hub)
            page.mouse.move(x, y)
            page.locator("#kg-tip").wait_for(state="visible")
        page.screenshot(path=str(args.output))
        ctx.close()
    print(f"wrote {args.output} ({len(graph.entities)} entities, {len(graph.relations)} relations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
