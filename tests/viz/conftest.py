"""Real headless Chromium for the HTML tests, plus small graphs to draw.

The browser is Debian's /usr/bin/chromium driven by Playwright (never `playwright install`),
with a fresh profile and every host name unresolvable. Each page records every request it
attempts (even one its security policy blocks) and every policy violation (a blocked script,
style or fetch); test_browser.py's controls show both checks catch a page that does fetch.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.model import Graph
from tests.viz import graphs

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

# set before any page script runs: a CSP violation is otherwise only a console message
_RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class LoadedPage:
    page: Any  # playwright.sync_api.Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Every request but the page itself."""
        return [u for u in self.requests if u != self.url]

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")

    def screen_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        x, y = self.page.evaluate(
            """(id) => { const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
                         const r = document.getElementById('kg-network').getBoundingClientRect();
                         return [p.x + r.left, p.y + r.top]; }""",
            node_id,
        )
        return x, y

    def painted_pixels(self) -> int:
        """Non-white pixels on the vis-network canvas."""
        return self.page.evaluate(
            """() => { const c = document.querySelector('#kg-network canvas');
                       const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                       let n = 0;
                       for (let i = 0; i < d.length; i += 4)
                           if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
                       return n; }"""
        )


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium; scripts/setup.sh --dev does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 800},
        )
        context.add_init_script(_RECORD_VIOLATIONS)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """open_page(path, drawn=True) -> LoadedPage, waiting until vis-network has drawn."""
    pages = []

    def _open(path: Path, *, drawn: bool = True, timeout_ms: int = 30_000) -> LoadedPage:
        page = browser.new_page()
        pages.append(page)
        loaded = LoadedPage(page=page, url=path.resolve().as_uri())
        page.on("request", lambda r: loaded.requests.append(r.url))
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
        page.goto(loaded.url, wait_until="load")
        if drawn:
            page.wait_for_selector("body[data-drawn=true]", state="attached", timeout=timeout_ms)
        return loaded

    yield _open
    for page in pages:
        page.close()




@pytest.fixture
def small_graph() -> Graph:
    return graphs.small_graph()
