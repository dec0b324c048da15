#!/usr/bin/env python
"""Make the README screenshot: the example report's graph, as `kg viz` draws it, in Chromium.

Ingests data/examples/vpqh-2019-08-28.txt into a temporary store (the same path as
scripts/demo.sh), writes the page with kg.viz, opens it in headless Chromium, frames the largest
connected part, hovers its most connected entity so the evidence tooltip shows, and saves
docs/graph.png.

With --overview DIR, ingests every file of DIR (or --n of them, evenly spread) instead and saves
the overview page kg viz draws for a large store, hovering its largest group (docs/overview.png):

    .venv/bin/python scripts/screenshot.py [-o docs/graph.png] [--width 1400 --height 860]
    .venv/bin/python scripts/screenshot.py --overview ../shared/corpus-news --n 200 -o docs/overview.png

With --around NAME as well, saves that entity's neighbourhood page instead (as `kg viz --around`),
hovering the entity so its evidence shows:

    .venv/bin/python scripts/screenshot.py --overview ../shared/corpus-news --n 200 --around "Bộ Nội vụ" \
        -o docs/around.png
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from kg.ingest import ingest
from kg.store import Store
from kg.viz import VizFilter, write_html

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
    ap.add_argument("--overview", type=Path, metavar="DIR", help="Reports to ingest for an overview picture.")
    ap.add_argument("--n", type=int, default=200, help="How many reports of DIR (evenly spread).")
    ap.add_argument("--around", metavar="NAME", help="Draw this entity's neighbourhood (kg viz --around).")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kg-screenshot-"))
    reports = [EXAMPLE]
    if args.overview:
        files = sorted(p for p in args.overview.iterdir() if p.suffix == ".txt")
        reports = files[:: max(1, len(files) // args.n)][: args.n]
    with Store.open(tmp / "kg-data", create=True) as store:
        ingest(reports, store, jobs=1)
        graph = store.graph()
    page_path = tmp / "graph.html"
    title = f"kg graph: {len(reports)} reports" if args.overview else f"kg graph: {EXAMPLE.name}"
    if args.around:
        write_html(graph, page_path, VizFilter(around=[args.around]), title=f"{title}, around {args.around}")
    else:
        write_html(graph, page_path, title=title, overview=bool(args.overview))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": args.width, "height": args.height},
        )
        page = ctx.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-drawn=true]", state="attached")
        if args.around:
            name = json.dumps(args.around)
            centre = f"Object.keys(kg.info.nodes).find((id) => kg.info.nodes[id].name === {name})"
            _hover(page, centre, "#kg-tip")
            page.screenshot(path=str(args.output))
            ctx.close()
            print(f"wrote {args.output} (around {args.around})")
            return 0
        if args.overview:
            _hover(page, "'group:' + kg.groups[0].id", "#kg-tip")
            page.screenshot(path=str(args.output))
            ctx.close()
            print(f"wrote {args.output} (overview of {len(reports)} reports)")
            return 0
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


def _hover(page: object, node_expr: str, tip: str) -> None:
    x, y = page.evaluate(f"""() => {{ const id = {node_expr};
        const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }}""")
    page.mouse.move(x, y)
    page.locator(tip).wait_for(state="visible")


if __name__ == "__main__":
    sys.exit(main())
