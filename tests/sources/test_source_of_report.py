"""Where a report was published: its URL and outlet, from HTML metadata or a source line of its text,
carried to the Document entity, RDF and the property graph."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Graph
from kg.pgmodel import node_row
from kg.rdf import SCHEMA, Lit, entity_iri, raw_triples
from kg.sources import parse_bytes
from kg.sources.meta import host_of, source_from_text

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="Sở Y tế Nam Định họp giao ban">
<meta property="og:url" content="https://baonamdinh.vn/tin/so-y-te-hop-giao-ban-123.html">
<meta property="og:site_name" content="Báo Nam Định">
<meta property="article:published_time" content="2024-03-14T08:00:00+07:00">
</head><body><article><h1>Sở Y tế Nam Định họp giao ban</h1>
<p>Sáng 14/3, Sở Y tế tỉnh Nam Định tổ chức họp giao ban.</p></article></body></html>"""


@pytest.mark.parametrize(("text", "expected"), [
    ("Tin\n\nNội dung.\n\nNguồn: Báo Dân trí https://dantri.com.vn/a-1.htm\n",
     ("https://dantri.com.vn/a-1.htm", "Báo Dân trí")),
    ("URL: https://www.vietnamplus.vn/x-123.vnp\nTin\n\nNội dung.\n", ("https://www.vietnamplus.vn/x-123.vnp", "")),
    ("Tin\n\nNội dung bài viết.\n\nTheo VnExpress\n", ("", "VnExpress")),
    ("https://tuoitre.vn/bai-viet.htm\n\nNội dung.\n", ("https://tuoitre.vn/bai-viet.htm", "")),
    # a source named inside a long body sentence is not the report's own
    ("Tin\n\n" + "Theo Báo Nhân Dân, hội nghị đã thống nhất nhiều nội dung quan trọng " * 3 + "\n", ("", "")),
])
def test_a_source_line_near_the_top_or_end(text: str, expected: tuple[str, str]) -> None:
    assert source_from_text(text) == expected


def test_html_metadata_names_the_url_and_outlet() -> None:
    _, info = parse_bytes(PAGE.encode("utf-8"), "bai.html")
    assert (info.url, info.outlet, info.date) == (
        "https://baonamdinh.vn/tin/so-y-te-hop-giao-ban-123.html", "Báo Nam Định", "2024-03-14")


def test_a_text_with_a_bare_address_takes_its_host_as_the_outlet() -> None:
    text = "Sở Y tế họp giao ban\n14/03/2024\n\nSáng 14/3, Sở Y tế tỉnh Nam Định họp.\n\nhttps://www.baonamdinh.vn/a.html\n"
    _, info = parse_bytes(text.encode("utf-8"), "a.txt")
    assert (info.url, info.outlet) == ("https://www.baonamdinh.vn/a.html", "baonamdinh.vn")
    assert host_of("ftp://x") == ""


def test_the_source_reaches_the_document_entity_rdf_and_the_property_graph() -> None:
    text, info = parse_bytes(PAGE.encode("utf-8"), "bai.html")
    x = extract(text, info)
    doc = next(e for e in x.entities if e.type == "Document")
    assert (doc.props["url"], doc.props["outlet"]) == (info.url, "Báo Nam Định")
    row = node_row(doc)
    assert (row["url"], row["outlet"]) == (info.url, "Báo Nam Định")
    graph = Graph(entities={e.id: e for e in x.entities}, relations=x.relations, documents={info.id: info})
    about = {(p, o) for s, p, o in raw_triples(graph) if s == entity_iri(doc.id)}
    assert (SCHEMA + "url", Lit(info.url)) in about
