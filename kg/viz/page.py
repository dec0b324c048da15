"""One self-contained HTML page of a graph: pyvis data, vis-network inline, no network access.

pyvis (cdn_resources='in_line') builds the node/edge data and the vis-network options; the page
is kg's template (see kg.viz.assets), not pyvis's, which loads Bootstrap from a CDN.
Everything from a document travels as JSON in a non-executed <script> block (`<`, `>`, `&` and
`'` escaped) and reaches the page through textContent, never as markup.
"""

from __future__ import annotations

import logging
import math
import os
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyvis.network import Network

from kg import labels_en
from kg.errors import KgError
from kg.model import Entity, Evidence, Graph, Relation
from kg.viz.assets import assets, environment, style_of, styles
from kg.viz.defaults import OVERVIEW_FROM
from kg.viz.labels import short_label, shown_props
from kg.viz.layout import layout
from kg.viz.overview import Overview, extent, groups_data, overview_notes, plan
from kg.viz.select import View, VizFilter, counted, select

log = logging.getLogger(__name__)

FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
BIG = 1500  # from this many edges, edges hide while dragging/zooming so the page stays fluid


@dataclass
class VizResult:
    """What `write_html` wrote and what the filters left out."""

    path: Path
    nodes: int
    edges: int
    bytes: int
    notes: list[str]
    total_nodes: int
    total_edges: int
    cut_nodes: int
    cut_edges: int
    groups: int = 0  # drawn as an overview of this many groups (0: every entity drawn)

    def summary(self) -> str:
        """One line for the CLI: what was written, then one line per filter note."""
        what = (
            f"{counted(self.nodes, 'entity', 'entities')}, {counted(self.edges, 'relation')}"
            if self.nodes
            else "nothing to draw"
        )
        if self.groups:
            what = f"overview of {counted(self.groups, 'group')}: {what}"
        return "\n".join([f"wrote {self.path} ({what}; {self.bytes / 1e6:.1f} MB)", *(f"  {n}" for n in self.notes)])


def render_html(view: View, *, title: str = "kg graph", max_evidence: int = 8,
                overview: Overview | None = None, lang: str = "vi") -> str:
    """The page for a selected graph (see `kg.viz.select`); with `overview`, its groups.

    `lang` "en" draws the English names of bodies and roles where data/labels_en.tsv has them;
    tooltips and details keep the names as written, with the English beside them.
    """
    english = labels_en.check_lang(lang) == "en"
    graph = view.graph
    degree: Counter[str] = Counter()
    for r in graph.relations:
        degree[r.source] += 1
        degree[r.target] += 1
    if overview is not None:
        drawn = overview.group_of
        entities = {k: e for k, e in graph.entities.items() if k in drawn}
        relations = [r for r in graph.relations if r.source in drawn and r.target in drawn]
        positions = overview.positions
    else:
        entities, relations = graph.entities, graph.relations
        log.info("layout of %d nodes and %d edges", len(entities), len(relations))
        positions = layout(list(entities), [(r.source, r.target) for r in relations])

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for eid, entity in entities.items():
        x, y = positions[eid]
        extra = {"kgGroup": overview.group_of[eid], "font": {"size": _font_size(degree[eid])}} if overview else {}
        net.add_node(
            eid,
            label=short_label(entity, labels_en.entity(entity) if english else None),
            shape=style_of(entity.type)["shape"],
            group=entity.type,
            size=round(min(36.0, 12 + 3 * math.log2(1 + degree[eid])), 1),
            x=x,
            y=y,
            **extra,
        )
    edge_ids = _edge_ids(relations)
    for rel, edge_id, smooth in zip(relations, edge_ids, _curves(relations), strict=True):
        extra = {"smooth": smooth} if smooth else {}
        if overview is None:
            extra["label"] = _edge_label(rel, english)
        net.add_edge(rel.source, rel.target, id=edge_id, **extra)
    net.options = _options(entities, len(relations))
    nodes, edges, _heading, _height, _width, _options_json = net.get_network_data()

    limit = 0 if overview else max_evidence  # the overview carries no evidence: --around has it
    types = Counter(e.type for e in entities.values())
    legend = [{"type": t, **style_of(t), "count": types[t]} for t in _type_order(types)]
    docs_used = _docs_used(entities.values(), relations)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": net.options,
        "info": {
            "nodes": {eid: _entity_info(e, limit, english) for eid, e in entities.items()},
            "edges": {edge_id: _relation_info(r, limit, english)
                      for r, edge_id in zip(relations, edge_ids, strict=True)},
        },
        "docs": {} if overview else {d: _doc_info(graph, d) for d in sorted(docs_used)},
        "overview": groups_data(overview, graph) if overview else None,
        "view": extent(overview) if overview and overview.groups else None,
    }
    notes = list(view.notes) + (overview_notes(overview, len(entities)) if overview else [])
    if not graph.entities:
        empty = f"Nothing to draw: {'no entity matches the filters' if view.notes else 'the graph is empty'}."
    elif not entities:
        empty = f"Nothing to draw: none of the {counted(len(graph.entities), 'entity', 'entities')} has a relation."
    else:
        empty = ""
    return environment().get_template("page.html").render(
        title=title,
        data=data,
        legend=legend,
        notes=notes,
        empty=empty,
        n_groups=len(overview.groups) if overview else 0,
        n_nodes=len(entities),
        n_edges=len(relations),
        # where what is drawn came from: the reports behind its relations (an entity drawn for one link
        # may be named in a hundred other reports), else behind its entities
        n_docs=len(_docs_used([], relations) or docs_used),
        cdn_resources=net.cdn_resources,
        **assets(),
    )


def write_html(
    graph: Graph,
    path: str | Path,
    flt: VizFilter | None = None,
    *,
    title: str | None = None,
    max_evidence: int = 8,
    overview: bool | None = None,
    isolated: bool = False,
    lang: str = "vi",
) -> VizResult:
    """Filter `graph`, draw it, and write one self-contained HTML file (atomically).

    `overview`: draw communities as groups that expand on a click (see kg.viz.overview); by
    default (None) when there is no --around and at least OVERVIEW_FROM entities are left to draw.
    `isolated`: in the overview, also draw the entities without relations (as one group).
    `lang`: "vi" (the names as written) or "en" (English names of bodies and roles where known).
    """
    labels_en.check_lang(lang)  # before any work: a wrong value is a usage error
    path = Path(path)
    flt = flt or VizFilter()
    view = select(graph, flt)
    if overview is None:
        overview = not flt.around and len(view.graph.entities) >= OVERVIEW_FROM
    plan_ = plan(view.graph, isolated=isolated) if overview else None
    html = render_html(view, title=title or path.stem, max_evidence=max_evidence, overview=plan_, lang=lang)
    data = html.encode("utf-8")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: cannot write (no directory {directory})")
    tmp = directory / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"  # umask applies, unlike mkstemp
    try:
        try:
            with open(tmp, "xb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise KgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    drawn = plan_.group_of if plan_ else view.graph.entities
    notes = view.notes + (overview_notes(plan_, len(drawn)) if plan_ else [])
    return VizResult(
        path=path,
        nodes=len(drawn),
        edges=sum(1 for r in view.graph.relations if r.source in drawn and r.target in drawn),
        bytes=len(data),
        notes=notes,
        groups=len(plan_.groups) if plan_ else 0,
        total_nodes=view.total_nodes,
        total_edges=view.total_edges,
        cut_nodes=view.cut_nodes,
        cut_edges=view.cut_edges,
    )


def _edge_label(rel: Relation, english: bool = False) -> str:
    role = str(rel.props.get("role") or "")
    shown = (labels_en.title(role) if english else None) or role
    return f"{rel.type}: {shown}" if shown else rel.type


def _edge_ids(relations: list[Relation]) -> list[str]:
    """Relation ids, made unique: vis-network refuses a dataset with a repeated id."""
    seen: Counter[str] = Counter()
    out = []
    for r in relations:
        seen[r.id] += 1
        out.append(r.id if seen[r.id] == 1 else f"{r.id}#{seen[r.id]}")
    return out


def _curves(relations: list[Relation]) -> list[dict[str, Any] | None]:
    """Straight edges, except that the 2nd, 3rd... edge between two nodes bends to stay visible."""
    count: Counter[frozenset[str]] = Counter()
    out: list[dict[str, Any] | None] = []
    for r in relations:
        pair = frozenset((r.source, r.target))
        k = count[pair]
        count[pair] += 1
        if k == 0:
            out.append(None)
        else:
            # curvedCW seen from the other end is CCW: orient by the pair, not by the edge
            flip = (k % 2 == 1) == (r.source < r.target)
            out.append({"enabled": True, "type": "curvedCW" if flip else "curvedCCW",
                        "roundness": round(0.2 * ((k + 1) // 2), 2)})
    return out


def _font_size(degree: int) -> int:
    """In the overview, hubs' labels are larger, so lesser ones appear only as one zooms in."""
    return round(12 + 5 * math.log2(1 + degree))


def _options(entities: dict[str, Entity], n_edges: int) -> dict[str, Any]:
    groups = {}
    for t in {e.type for e in entities.values()}:
        s = style_of(t)
        border = _darker(s["color"])
        groups[t] = {
            "shape": s["shape"],
            "color": {
                "background": s["color"],
                "border": border,
                "highlight": {"background": s["color"], "border": "#111111"},
                "hover": {"background": s["color"], "border": "#111111"},
            },
        }
    big = n_edges >= BIG
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "selectionWidth": 2,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333", "inherit": False},
            "font": {"face": FONT, "size": 10, "color": "#555555", "align": "horizontal", "strokeWidth": 3},
        },
        "groups": groups,
    }


def _darker(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _type_order(types: Counter[str]) -> list[str]:
    known = list(styles()["types"])
    return sorted(types, key=lambda t: (known.index(t) if t in known else len(known), t))


def _evidence(evidence: list[Evidence], limit: int) -> tuple[list[list[str]], int, int]:
    """Distinct (report, sentence) pairs, the first `limit` of them, the rest counted."""
    seen: dict[tuple[str, str], None] = {}
    for ev in evidence:
        seen.setdefault((ev.doc, ev.sentence or ev.text), None)
    pairs = [list(p) for p in seen]
    reports = len({d for d, _ in seen})
    return pairs[:limit], max(0, len(pairs) - limit), reports


def _entity_info(entity: Entity, limit: int, english: bool = False) -> dict[str, Any]:
    ev, more, reports = _evidence(entity.evidence, limit)
    return {
        "type": entity.type,
        "name": entity.name,
        "en": (labels_en.entity(entity) if english else None) or "",
        "aliases": list(entity.aliases),
        "props": shown_props(entity.props, "entity"),
        "evidence": ev,
        "more": more,
        "reports": reports,
    }


def _relation_info(rel: Relation, limit: int, english: bool = False) -> dict[str, Any]:
    ev, more, reports = _evidence(rel.evidence, limit)
    role = str(rel.props.get("role") or "")
    return {
        "type": rel.type,
        "source": rel.source,
        "target": rel.target,
        "role": role,
        "role_en": (labels_en.title(role) if english else None) or "",
        "props": shown_props(rel.props, "relation"),
        "confidence": round(float(rel.confidence), 3),
        "evidence": ev,
        "more": more,
        "reports": reports,
    }


def _docs_used(entities: Iterable[Entity], relations: list[Relation]) -> set[str]:
    docs = {ev.doc for e in entities for ev in e.evidence}
    return docs | {ev.doc for r in relations for ev in r.evidence}


def _doc_info(graph: Graph, doc_id: str) -> dict[str, str]:
    doc = graph.documents.get(doc_id)
    return {"title": (doc.title if doc else "") or "", "date": (doc.date if doc else "") or ""}
