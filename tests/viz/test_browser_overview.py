"""The overview in real headless Chromium: groups drawn closed, loose entities counted, a click
opens a group, and no two labels drawn at the first zoom overlap (measured here, not by the page)."""

from pathlib import Path

import pytest

from kg.viz import write_html
from tests.viz.graphs import EVIL, community_graph

pytestmark = pytest.mark.browser

# every label drawn at the current zoom, as a box measured from node positions and label text
_LABEL_BOXES = (Path(__file__).resolve().parents[2] / "scripts" / "label_boxes.js").read_text(encoding="utf-8")


@pytest.fixture
def overview_page(tmp_path, open_page):
    g = community_graph(groups=6, size=12, pairs=8, isolated=20)
    hub = next(e for e in g.entities.values() if e.name.endswith("khóa 2"))
    hub.aliases = [EVIL]
    path = tmp_path / "overview.html"
    result = write_html(g, path, overview=True)
    return g, result, open_page(path)


def test_groups_are_drawn_closed_and_loose_entities_counted(overview_page):
    g, result, loaded = overview_page
    page = loaded.page
    assert result.groups == 7  # six communities and the pool of eight pairs
    visible = page.evaluate("kg.network.body.nodeIndices.slice()")
    assert sorted(visible) == sorted(f"group:{x}" for x in page.evaluate("kg.groups.map((g) => g.id)"))
    assert len(visible) == 7
    assert page.evaluate("Object.keys(kg.info.nodes).length") == len(g.entities) - 20  # loose ones left out
    notes = page.inner_text("#kg-notes")
    assert "20 entities without relations not drawn: --isolated draws them" in notes
    assert page.inner_text("#kg-stats").startswith("7 groups of 88 entities")
    assert loaded.painted_pixels() > 500
    assert loaded.outside_requests() == [] and loaded.violations() == [] and loaded.errors == []


def test_every_group_is_labelled_and_no_labels_overlap_at_the_first_zoom(overview_page):
    _g, _result, loaded = overview_page
    boxes = loaded.page.evaluate(_LABEL_BOXES)
    groups = loaded.page.evaluate("kg.groups.map((g) => 'group:' + g.id)")
    assert {b["id"] for b in boxes} == set(groups)
    assert min(b["px"] for b in boxes) >= 10  # readable, not just drawn
    assert _clashes(boxes) == []
    inside = loaded.page.evaluate("""(boxes) => { const c = document.getElementById('kg-network');
        return boxes.every((b) => {
          const p = kg.network.canvasToDOM({x: b.left, y: b.top});
          const q = kg.network.canvasToDOM({x: b.right, y: b.bottom});
          return p.x >= 0 && p.y >= 0 && q.x <= c.clientWidth && q.y <= c.clientHeight; }); }""", boxes)
    assert inside, "a group label is cut off by the edge of the page"


def test_clicking_a_group_opens_it_with_its_members_in_place(overview_page):
    g, _result, loaded = overview_page
    page = loaded.page
    page.mouse.click(*loaded.screen_point("group:g0"))
    page.wait_for_function("kg.opened.length === 1")
    members = page.evaluate("kg.nodes.getIds({filter: (n) => n.kgGroup === 'g0'})")
    visible = set(page.evaluate("kg.network.body.nodeIndices.slice()"))
    assert len(members) == 12 and set(members) <= visible and "group:g0" not in visible
    drawn = page.evaluate("(ids) => kg.network.getPositions(ids)", members)
    planned = page.evaluate("(ids) => kg.nodes.get(ids).map((n) => [n.id, n.x, n.y])", members)
    assert all(abs(drawn[k]["x"] - x) < 1 and abs(drawn[k]["y"] - y) < 1 for k, x, y in planned)
    hub = next(e.id for e in g.entities.values() if e.name.endswith("khóa 0"))
    folded = page.evaluate("kg.edges.get().filter((e) => e.id.startsWith('fold:')).map((e) => [e.from, e.to, e.count])")
    assert [hub, "group:g1", 1] in folded  # its link to a closed group: one folded edge, counted
    page.keyboard.press("c")
    page.wait_for_function("kg.opened.length === 0")
    assert "group:g0" in page.evaluate("kg.network.body.nodeIndices.slice()")


def test_hovering_a_group_describes_it_and_search_opens_the_group_of_what_it_finds(overview_page):
    g, _result, loaded = overview_page
    page = loaded.page
    page.mouse.move(*loaded.screen_point("group:g1"))
    tip = page.locator("#kg-tip")
    tip.wait_for(state="visible")
    assert "12 entities" in tip.inner_text() and "most linked: Ủy ban nhân dân tỉnh" in tip.inner_text()
    page.keyboard.press("/")
    page.keyboard.type("ba cap 3")  # without tone marks
    page.keyboard.press("Enter")
    page.wait_for_function("kg.opened.length === 1")
    target = next(e.id for e in g.entities.values() if e.name == "Bà Cặp 3")
    assert page.evaluate("kg.highlighted") == target
    assert page.evaluate("window.__pwned") is None


def _clashes(boxes):
    return [(a["label"], b["label"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def test_the_overlap_check_sees_overlapping_labels(tmp_path, open_page):
    # control: two long names one edge apart, drawn node by node at a zoom where both labels show
    g = community_graph(groups=0, size=0, pairs=1, isolated=0)
    for e in g.entities.values():
        e.name = f"{e.name} của Ủy ban nhân dân tỉnh Hà Giang khóa XVI"
    path = tmp_path / "full.html"
    write_html(g, path, overview=False)
    loaded = open_page(path)
    loaded.page.evaluate("""() => new Promise((done) => {
        kg.network.once('afterDrawing', done); kg.network.moveTo({scale: 0.8}); })""")
    assert _clashes(loaded.page.evaluate(_LABEL_BOXES))
