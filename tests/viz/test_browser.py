"""The page in real headless Chromium: drawn, informative, safe, and offline."""

import pytest

from kg.model import Graph
from kg.viz import VizFilter, write_html
from tests.viz.graphs import EVIL, ev, synthetic_graph

pytestmark = pytest.mark.browser


def _id(graph: Graph, name: str) -> str:
    return next(e.id for e in graph.entities.values() if e.name == name)


@pytest.fixture
def small_page(tmp_path, small_graph, open_page):
    path = tmp_path / "small.html"
    write_html(small_graph, path)
    return open_page(path)


def _assert_clean(loaded) -> None:
    assert loaded.outside_requests() == [], "the page tried to fetch something"
    assert loaded.violations() == [], "the page tried something its security policy forbids"
    assert loaded.errors == []
    assert loaded.page.evaluate("window.__pwned") is None


def test_the_checks_would_see_a_fetch(tmp_path, open_page):
    # controls: a page that does fetch is caught, by request and by security-policy violation
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<img src="https://cdn.example.org/x.png"><script>window.__pwned = 1</script>')
    loaded = open_page(leaky, drawn=False)
    assert loaded.outside_requests() == ["https://cdn.example.org/x.png"]
    assert loaded.page.evaluate("window.__pwned") == 1
    strict = tmp_path / "strict.html"
    strict.write_text('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
                      '<img src="https://cdn.example.org/y.png">')
    loaded = open_page(strict, drawn=False)
    assert loaded.outside_requests() == ["https://cdn.example.org/y.png"]  # attempted, though blocked
    assert loaded.violations() == ["img-src https://cdn.example.org/y.png"]


def test_nodes_are_drawn(small_page, small_graph):
    assert small_page.page.evaluate("kg.nodes.length") == len(small_graph.entities)
    assert small_page.page.evaluate("kg.edges.length") == len(small_graph.relations)
    assert small_page.painted_pixels() > 500
    assert not small_page.page.evaluate("kg.network.physics.physicsEnabled")
    _assert_clean(small_page)


def test_hovering_a_node_shows_aliases_props_and_evidence_with_its_report(small_page, small_graph):
    minister = small_graph.entities[_id(small_graph, "Nguyễn Văn An")]
    small_page.page.mouse.move(*small_page.screen_point(minister.id))
    tip = small_page.page.locator("#kg-tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert minister.evidence[0].sentence in text
    assert "r1.txt (2019-08-28) — Báo cáo tháng 8" in text
    assert "Also: đồng chí An" in text and "Bộ trưởng" in text
    _assert_clean(small_page)


def test_hovering_an_edge_shows_its_relation_and_sentence(small_page, small_graph):
    post = small_graph.relations[0]
    (x1, y1), (x2, y2) = small_page.screen_point(post.source), small_page.screen_point(post.target)
    small_page.page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2)
    tip = small_page.page.locator("#kg-tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "HOLDS_POSITION: Bộ trưởng" in text
    assert "Nguyễn Văn An → Bộ Tài chính" in text
    assert post.evidence[0].sentence in text


def test_tooltip_is_short_and_a_click_shows_all_the_evidence(tmp_path, small_graph, open_page):
    ministry = small_graph.entities[_id(small_graph, "Bộ Tài chính")]
    sentences = [f"Bộ Tài chính báo cáo lần {i}." for i in range(4)]
    ministry.evidence = [ev("r1.txt", s, "Bộ Tài chính") for s in sentences]
    path = tmp_path / "many.html"
    write_html(small_graph, path)
    loaded = open_page(path)
    page = loaded.page
    page.mouse.move(*loaded.screen_point(ministry.id))
    page.locator("#kg-tip").wait_for(state="visible")
    tip = page.inner_text("#kg-tip")
    assert [s in tip for s in sentences] == [True, True, False, False]
    assert "+ 2 more sentences · click for more" in tip
    page.mouse.click(*loaded.screen_point(ministry.id))
    page.locator("#kg-details").wait_for(state="visible")
    details = page.inner_text("#kg-details")
    assert all(s in details for s in sentences)
    assert details.count("r1.txt (2019-08-28) — Báo cáo tháng 8") == 1  # one citation per report


def test_a_script_in_a_name_is_shown_literally_and_runs_nowhere(small_page, small_graph):
    page = small_page.page
    evil = _id(small_graph, EVIL)
    assert page.evaluate("(id) => kg.nodes.get(id).label", evil).startswith("<script>window.__pwned=1</script>")
    page.mouse.move(*small_page.screen_point(evil))
    page.locator("#kg-tip").wait_for(state="visible")
    assert EVIL in page.inner_text("#kg-tip")
    assert page.locator("#kg-tip script, #kg-tip img").count() == 0
    page.mouse.click(*small_page.screen_point(evil))  # details panel
    assert EVIL in page.inner_text("#kg-details")
    page.fill("#kg-search", "pwned")
    assert EVIL in page.inner_text("#kg-results")
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.locator("main script, main img, header img").count() == 0
    _assert_clean(small_page)


def test_search_finds_without_accents_and_focuses_the_node(small_page, small_graph):
    page = small_page.page
    page.keyboard.press("/")
    page.keyboard.type("bo tai")
    results = page.locator("#kg-results li")
    assert results.count() == 1 and results.first.inner_text().startswith("Bộ Tài chính")
    page.keyboard.press("Enter")
    ministry = _id(small_graph, "Bộ Tài chính")
    page.wait_for_function("(id) => kg.highlighted === id", arg=ministry)
    assert page.evaluate("kg.network.getSelectedNodes()") == [ministry]
    page.wait_for_function("(id) => { const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);"
                           "const c = document.getElementById('kg-network');"
                           "return Math.abs(p.x - c.clientWidth / 2) < 5 && Math.abs(p.y - c.clientHeight / 2) < 5; }",
                           arg=ministry)  # centred on screen once the focus animation ends
    assert "Bộ Tài chính" in page.inner_text("#kg-details")
    page.fill("#kg-search", "không có ai")
    assert page.inner_text("#kg-results") == "no entity matches"


def test_clicking_a_node_highlights_its_neighbourhood_and_escape_resets(small_page, small_graph):
    page = small_page.page
    minister = _id(small_graph, "Nguyễn Văn An")
    page.mouse.click(*small_page.screen_point(minister))
    page.wait_for_function("(id) => kg.highlighted === id", arg=minister)
    opacity = page.evaluate("() => Object.fromEntries(kg.nodes.get().map(n => [n.id, n.opacity ?? 1]))")
    neighbours = {minister, _id(small_graph, "Bộ Tài chính"), _id(small_graph, "Phiên họp thứ 36")}
    assert {k for k, v in opacity.items() if v == 1} == neighbours
    assert {k for k, v in opacity.items() if v < 1} == set(small_graph.entities) - neighbours
    page.keyboard.press("Escape")
    assert page.evaluate("kg.highlighted") is None
    assert all(v == 1 for v in page.evaluate("kg.nodes.get().map(n => n.opacity ?? 1)"))


def test_empty_graph_shows_a_message(tmp_path, open_page):
    path = tmp_path / "empty.html"
    write_html(Graph(), path)
    loaded = open_page(path, drawn=False)
    message = loaded.page.locator("#kg-empty")
    assert message.is_visible()
    assert "Nothing to draw: the graph is empty." in message.inner_text()
    _assert_clean(loaded)


def test_filters_and_cuts_are_stated_on_the_page(tmp_path, small_graph, open_page):
    path = tmp_path / "cut.html"
    write_html(small_graph, path, VizFilter(max_nodes=2))
    loaded = open_page(path)
    assert loaded.page.evaluate("kg.nodes.length") == 2
    assert "--max-nodes 2: kept the 2 most connected of 4 entities" in loaded.page.inner_text("#kg-notes")


@pytest.mark.slow
def test_a_5000_node_graph_is_drawn(tmp_path, open_page):
    # drawing speed is measured by scripts/bench_viz.py; this checks it draws at all at full size
    g = synthetic_graph(5000, 10000)
    path = tmp_path / "big.html"
    write_html(g, path, overview=False)
    loaded = open_page(path, timeout_ms=60_000)
    assert loaded.page.evaluate("kg.nodes.length") == 5000
    assert loaded.page.evaluate("kg.edges.length") == 10000
    assert loaded.painted_pixels() > 10_000
    hub = max(g.entities, key=lambda k: sum(k in (r.source, r.target) for r in g.relations[:2000]))
    loaded.page.evaluate("(id) => kg.focusNode(id)", hub)
    assert loaded.page.evaluate("kg.highlighted") == hub
    _assert_clean(loaded)
