"""The written HTML, read as text: self-contained, escaped, and faithful to the graph."""

import json
import os
import re
from html.parser import HTMLParser

import pytest

from kg.errors import KgError
from kg.model import Graph
from kg.viz import VizFilter, render_html, select, write_html
from tests.viz.graphs import EVIL, ev, small_graph


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _payload(html: str) -> dict:
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_page_loads_nothing_from_anywhere():
    html = render_html(select(small_graph()))
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag != "link", attrs
        assert "src" not in attrs, (tag, attrs)  # every script and style is inline
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", html)
    assert "bootstrap" not in html.lower() and "sourceMappingURL" not in html
    csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "vis.Network" in html  # vis-network itself is inline


def test_names_from_documents_never_become_markup():
    html = render_html(select(small_graph()))
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    parser = _Tags()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert len(scripts) == 4  # data, vis-network, kg's overview and kg's own: the name added none
    names = {n["label"] for n in _payload(html)["nodes"]}
    assert any(name.startswith("<script>window.__pwned=1</script>") for name in names)  # intact as data


def test_payload_carries_names_labels_positions_and_evidence():
    g = small_graph()
    data = _payload(render_html(select(g)))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(g.entities)
    minister = next(e for e in g.entities.values() if e.type == "Person")
    node = nodes[minister.id]
    assert node["label"] == minister.name and node["group"] == "Person" and node["shape"] == "dot"
    assert isinstance(node["x"], float | int) and isinstance(node["y"], float | int)
    info = data["info"]["nodes"][minister.id]
    assert info["aliases"] == minister.aliases and info["props"] == {"title (tiêu đề)": "Bộ trưởng"}
    assert info["evidence"] == [["r1.txt", minister.evidence[0].sentence]]
    post = next(e for e in data["edges"] if e["label"].startswith("HOLDS_POSITION"))
    assert post["label"] == "HOLDS_POSITION: Bộ trưởng"
    assert data["info"]["edges"][post["id"]]["evidence"][0][1] == g.relations[0].evidence[0].sentence
    assert data["docs"]["r1.txt"] == {"title": "Báo cáo tháng 8", "date": "2019-08-28"}
    assert data["options"]["physics"]["enabled"] is False
    legend_item = r'class="kg-legend-item">.*?</svg>\s*(\w+) <span class="kg-count">(\d+)'
    legend = re.findall(legend_item, render_html(select(g)), re.S)
    assert sorted(legend) == [("Event", "1"), ("Organization", "2"), ("Person", "1")]


def test_long_names_are_cut_on_the_canvas_only():
    g = small_graph()
    e = next(iter(g.entities.values()))
    e.name = "Nghị quyết về việc tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị"
    data = _payload(render_html(select(g)))
    node = next(n for n in data["nodes"] if n["id"] == e.id)
    assert node["label"].endswith("…") and len(node["label"]) <= 48
    assert data["info"]["nodes"][e.id]["name"] == e.name


def test_evidence_is_deduplicated_and_capped_with_a_count():
    g = small_graph()
    e = next(iter(g.entities.values()))
    e.evidence = [ev("r1.txt", f"Câu {i}.") for i in range(8)] + [ev("r1.txt", "Câu 0.")] + [ev("r2.txt", "Khác.")]
    info = _payload(render_html(select(g), max_evidence=3))["info"]["nodes"][e.id]
    assert [s for _, s in info["evidence"]] == ["Câu 0.", "Câu 1.", "Câu 2."]
    assert info["more"] == 6 and info["reports"] == 2


def test_parallel_edges_bend_apart():
    g = small_graph()
    first = g.relations[0]
    g.relations.append(type(first)(first.type, first.source, first.target, props={"role": "Bí thư Ban cán sự"}))
    g.relations.append(type(first)(first.type, first.source, first.target, props={"role": "Ủy viên"}))
    edges = _payload(render_html(select(g)))["edges"]
    between = [e for e in edges if {e["from"], e["to"]} == {first.source, first.target}]
    assert len(between) == 3
    assert "smooth" not in between[0]
    assert between[1]["smooth"]["type"] != between[2]["smooth"]["type"]  # one each side


def test_duplicate_relation_ids_still_make_a_valid_dataset():
    g = small_graph()
    g.relations.append(g.relations[0])
    ids = [e["id"] for e in _payload(render_html(select(g)))["edges"]]
    assert len(ids) == len(set(ids)) == len(g.relations)


def test_empty_graph_says_so_instead_of_a_blank_page():
    html = render_html(select(Graph()))
    assert "Nothing to draw: the graph is empty." in html and "kg ingest" in html
    assert "vis.Network" not in html
    filtered = render_html(select(small_graph(), VizFilter(types=["Location"])))
    assert "Nothing to draw: no entity matches the filters." in filtered
    assert "only entity types Location" in filtered


def test_write_html_writes_atomically_and_reports(tmp_path):
    out = tmp_path / "g.html"
    result = write_html(small_graph(), out, VizFilter(max_nodes=2), title="Thử <nghiệm>")
    assert out.read_bytes().__len__() == result.bytes
    assert (result.nodes, result.total_nodes, result.cut_nodes) == (2, 4, 2)
    assert result.edges + result.cut_edges == result.total_edges == 3
    html = out.read_text(encoding="utf-8")
    assert "<title>Thử &lt;nghiệm&gt;</title>" in html
    assert "--max-nodes 2" in html
    assert os.listdir(tmp_path) == ["g.html"]  # no temporary file left behind
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # a normal file, not mkstemp's private one


def test_write_html_to_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match=r"nope/g\.html: cannot write \(no directory"):
        write_html(small_graph(), tmp_path / "nope" / "g.html")


def test_write_html_over_a_folder_fails_cleanly(tmp_path):
    (tmp_path / "g.html").mkdir()
    with pytest.raises(KgError, match=r"g\.html: cannot write"):
        write_html(small_graph(), tmp_path / "g.html")
    assert os.listdir(tmp_path) == ["g.html"]


def test_evil_title_and_notes_are_escaped(tmp_path):
    html = render_html(select(small_graph(), VizFilter(around=[EVIL])), title=EVIL)
    assert "<script>window.__pwned" not in html


def test_the_header_counts_the_reports_behind_what_is_drawn():
    g = small_graph()
    minister = next(e for e in g.entities.values() if e.type == "Person")
    minister.evidence += [ev(f"other{i}.txt", "Ông An đi họp.") for i in range(5)]  # named in five more reports
    html = render_html(select(g))
    stats = re.search(r'<span id="kg-stats">(.*?)</span>', html).group(1)
    assert stats.endswith("· from 2 reports")  # the relations' reports, not every report naming an entity


def test_in_english_bodies_and_roles_are_drawn_in_english_and_searchable_by_it():
    g = small_graph()
    ministry = next(e for e in g.entities.values() if e.name == "Bộ Tài chính")
    vi, en = _payload(render_html(select(g))), _payload(render_html(select(g), lang="en"))
    assert {n["id"]: n["label"] for n in vi["nodes"]}[ministry.id] == "Bộ Tài chính"  # the default is unchanged
    assert {n["id"]: n["label"] for n in en["nodes"]}[ministry.id] == "Ministry of Finance"
    assert en["info"]["nodes"][ministry.id]["name"] == "Bộ Tài chính"  # the tooltip keeps the name as written
    assert en["info"]["nodes"][ministry.id]["en"] == "Ministry of Finance"
    assert vi["info"]["nodes"][ministry.id]["en"] == ""
    assert "HOLDS_POSITION: Minister" in {e["label"] for e in en["edges"]}
    person = next(e for e in g.entities.values() if e.type == "Person")
    assert {n["id"]: n["label"] for n in en["nodes"]}[person.id] == person.name  # persons keep their names
    with pytest.raises(KgError, match="--lang: unknown language 'fr'"):
        render_html(select(g), lang="fr")
