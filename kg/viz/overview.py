"""The overview of a large graph: communities drawn as groups that expand on a click.

A whole archive drawn node by node is a hairball over a grid of loose dots. The overview
instead finds communities (networkx's Louvain with a fixed seed, so the same graph always gives
the same groups), names each after its most central body, and places the groups so that no
group's label overlaps another group or its label at the page's first zoom. Each group keeps
room for its members, laid out inside it, so that expanding one does not cover its neighbours.
Entities without relations are left out and counted; communities too small to matter alone are
pooled into one group of "smaller groups".
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from kg.model import Graph
from kg.viz.labels import short_label
from kg.viz.layout import Point, layout
from kg.viz.select import counted

MIN_GROUP = 5  # smaller communities are pooled into one group
MAX_GROUPS = 24  # beyond this many, the smallest communities are pooled too
SEED = 7
VIEW = (1200.0, 620.0)  # the drawing area the first zoom is planned for (a laptop screen's page)
LABEL_PX = 14.0  # group labels' size on screen at the first zoom
DOT_PX = 9.0  # the smallest group's dot radius on screen at the first zoom
CHAR_EM = 0.6  # a generous average glyph width, in font sizes, for Vietnamese text
LINE_EM = 1.25
MEMBER_SPACING = 110.0  # tighter than the full page's: an opened group is seen whole
POOLED = "pooled"


@dataclass
class Group:
    """One community (or the pool of small ones) and where it is drawn."""

    id: str
    name: str  # the most central body's name, or "N smaller groups"
    members: list[str]
    hubs: list[str]  # members by degree, most linked first (at most 5)
    types: dict[str, int]
    pooled: int = 0  # communities pooled into this group (0: one community)
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0  # room kept for the members, in page units
    dot: float = 0.0  # the collapsed group's dot radius
    font: float = 0.0  # the group label's font size, in page units

    @property
    def label(self) -> str:
        return self.name


@dataclass
class Overview:
    groups: list[Group]
    positions: dict[str, Point]  # every member's position, inside its group's room
    isolated: list[str]  # entities with no relation (not drawn unless asked)
    group_of: dict[str, str] = field(default_factory=dict)


def plan(graph: Graph, *, isolated: bool = False, seed: int = SEED) -> Overview:
    """Groups, their places and their members' places for `graph` (already filtered)."""
    g = nx.Graph()
    for r in sorted(graph.relations, key=lambda r: (r.source, r.target)):
        if r.source != r.target and r.source in graph.entities and r.target in graph.entities:
            g.add_edge(r.source, r.target)
    alone = sorted(k for k in graph.entities if k not in g)
    degree = dict(g.degree())
    communities = [sorted(c) for c in nx.community.louvain_communities(g, seed=seed)] if len(g) else []
    communities.sort(key=lambda c: (-len(c), c[0]))
    big = [c for c in communities if len(c) >= MIN_GROUP][:MAX_GROUPS]
    small = communities[len(big):]
    groups = [_group(f"g{i}", c, graph, degree, g) for i, c in enumerate(big)]
    if small:
        pool = sorted(x for c in small for x in c)
        groups.append(_group(POOLED, pool, graph, degree, g, pooled=len(small)))
    if isolated and alone:
        groups.append(_group("isolated", alone, graph, degree, g, pooled=len(alone)))
        groups[-1].name = "without relations"
    _tell_apart(groups, graph)
    out = Overview(groups=groups, positions={}, isolated=[] if isolated else alone)
    out.group_of = {m: grp.id for grp in groups for m in grp.members}
    _place(out, g)
    return out


def _group(gid: str, members: list[str], graph: Graph, degree: dict[str, int], g: nx.Graph,
           pooled: int = 0) -> Group:
    inner = g.subgraph(members)
    inner_degree = dict(inner.degree()) if len(inner) else {}
    ranked = sorted(members, key=lambda k: (-degree.get(k, 0), -len(graph.entities[k].evidence), k))
    bodies = [k for k in members if graph.entities[k].type == "Organization"]
    # the most central body: most links inside the group, then in the whole graph
    centre = min(bodies or members, key=lambda k: (-inner_degree.get(k, 0), -degree.get(k, 0), k))
    name = f"{pooled:,} smaller groups" if pooled else short_label(graph.entities[centre])
    types = Counter(graph.entities[k].type for k in members)
    return Group(id=gid, name=name, members=members, hubs=ranked[:5], types=dict(types.most_common()),
                 pooled=pooled)


def _tell_apart(groups: list[Group], graph: Graph) -> None:
    """Two groups named alike ("Ủy ban nhân dân tỉnh") also name their most linked other member."""
    seen = Counter(grp.name for grp in groups)
    for grp in groups:
        if seen[grp.name] > 1:
            other = next((graph.entities[k] for k in grp.hubs if graph.entities[k].name != grp.name), None)
            if other is not None:
                grp.name = f"{grp.name} · {short_label(other)}"


def _place(ov: Overview, g: nx.Graph) -> None:
    """Members inside their group's room; groups apart so that no two rooms or labels overlap."""
    for grp in ov.groups:
        inner = g.subgraph(grp.members)
        local = layout(grp.members, list(inner.edges()), spacing=MEMBER_SPACING)
        cx = sum(p[0] for p in local.values()) / len(local)
        cy = sum(p[1] for p in local.values()) / len(local)
        grp.radius = max(math.hypot(x - cx, y - cy) for x, y in local.values()) + 60.0
        for k, (x, y) in local.items():
            ov.positions[k] = (x - cx, y - cy)
    ids = [grp.id for grp in ov.groups]
    links: Counter[tuple[str, str]] = Counter()
    for a, b in g.edges():
        ga, gb = ov.group_of.get(a), ov.group_of.get(b)
        if ga and gb and ga != gb:
            links[(ga, gb) if ga < gb else (gb, ga)] += 1
    base = layout(ids, list(links), spacing=1.0, seed=SEED)
    # Labels and dots are sized in page units as font = LABEL_PX / (first zoom's scale): find the
    # least font at which they come out LABEL_PX on screen, or the largest they can be when the
    # labels, not the rooms, fill the screen (then more font only spreads the groups further).
    most = 1e6 * _arrange(ov.groups, base, 1e6)  # the screen size labels reach when they fill the screen
    want = min(LABEL_PX, 0.95 * most)
    lo, hi = 1e-3, 1e6
    for _ in range(30):
        mid = math.sqrt(lo * hi)
        if mid * _arrange(ov.groups, base, mid) >= want:
            hi = mid
        else:
            lo = mid
    _arrange(ov.groups, base, hi)
    for grp in ov.groups:
        for k in grp.members:
            x, y = ov.positions[k]
            ov.positions[k] = (round(grp.x + x, 1), round(grp.y + y, 1))


def _arrange(groups: list[Group], base: dict[str, Point], font: float) -> float:
    """Place the groups for this label font; return the first zoom's scale (screen px per unit).

    Largest first, each as near its place in the group graph's layout as it can go without its
    room or label touching a group already placed (a spiral search, stretched to the screen's shape).
    """
    boxes: list[tuple[float, float, float, float]] = []
    for grp in groups:
        grp.font = font
        grp.dot = font * (DOT_PX + 2.0 * math.log2(max(2, len(grp.members)))) / LABEL_PX
    sizes = [_box(grp) for grp in groups]
    aspect = VIEW[0] / VIEW[1]
    # the group graph's layout, stretched to the screen's shape over about the area the boxes need
    area = 1.5 * sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in sizes)
    height = math.sqrt(area / aspect)
    xs = [p[0] for p in base.values()]
    ys = [p[1] for p in base.values()]
    bx, by = min(xs), min(ys)
    wx, wy = (max(xs) - bx) or 1.0, (max(ys) - by) or 1.0
    step = min(min(x1 - x0, y1 - y0) for x0, y0, x1, y1 in sizes) / 3
    for grp, (dl, dt, dr, db) in zip(groups, sizes, strict=True):
        ix = (base[grp.id][0] - bx) / wx * aspect * height
        iy = (base[grp.id][1] - by) / wy * height
        x, y, i = ix, iy, 0
        while any(x + dl < x1 and x0 < x + dr and y + dt < y1 and y0 < y + db for x0, y0, x1, y1 in boxes):
            i += 1
            angle = math.sqrt(i) * 1.2  # about even density over the area swept
            radius = step * math.sqrt(i)
            x, y = ix + aspect * radius * math.cos(angle), iy + radius * math.sin(angle)
        grp.x, grp.y = x, y
        boxes.append((x + dl, y + dt, x + dr, y + db))
    view = _union(boxes)
    return min(VIEW[0] / view[2], VIEW[1] / view[3])


def label_box(grp: Group) -> tuple[float, float]:
    """Width and height of a group's label in page units (drawn centred under its dot)."""
    return len(grp.label) * CHAR_EM * grp.font, LINE_EM * grp.font


def _box(grp: Group) -> tuple[float, float, float, float]:
    """left, top, right, bottom offsets of a group's room and label around its centre."""
    w, h = label_box(grp)
    half = max(grp.radius, w / 2) + 0.5 * grp.font
    pad = 0.3 * grp.font
    return -half, -max(grp.radius, grp.dot) - pad, half, max(grp.radius, grp.dot + h) + pad


def extent(ov: Overview) -> dict[str, float]:
    """The box around every group and label: the page's first view."""
    boxes = [(g.x + dl, g.y + dt, g.x + dr, g.y + db) for g in ov.groups for dl, dt, dr, db in [_box(g)]]
    cx, cy, width, height = _union(boxes)
    return {"x": cx, "y": cy, "width": width, "height": height}


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """Centre x, centre y, width and height of the box around `boxes`."""
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return (left + right) / 2, (top + bottom) / 2, right - left, bottom - top


def groups_data(ov: Overview, graph: Graph) -> list[dict[str, object]]:
    """What the page needs to draw each group collapsed and to describe it."""
    return [
        {
            "id": grp.id,
            "name": grp.name,
            "label": grp.label,
            "x": grp.x,
            "y": grp.y,
            "size": round(grp.dot, 1),
            "font": round(grp.font, 1),
            "members": len(grp.members),
            "pooled": grp.pooled,
            "types": grp.types,
            "hubs": [graph.entities[k].name for k in grp.hubs],
        }
        for grp in ov.groups
    ]


def overview_notes(ov: Overview, drawn: int) -> list[str]:
    """The header's lines: what the overview is, and what it leaves out."""
    notes = [
        f"overview: {counted(drawn, 'entity', 'entities')} in {counted(len(ov.groups), 'group')} "
        "(click a group to open it; --no-overview draws every entity; --around NAME shows one's evidence)"
    ]
    if ov.isolated:
        notes.append(f"{counted(len(ov.isolated), 'entity', 'entities')} without relations "
                     "not drawn: --isolated draws them")
    return notes
