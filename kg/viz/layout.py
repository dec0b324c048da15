"""Node positions computed in Python, so the browser draws the graph at once with physics off.

A multilevel force-directed layout (after Walshaw, "A multilevel algorithm for force-directed
graph drawing", 2003): the graph is coarsened by merging matched neighbours (and leaves into
their only neighbour, so that stars collapse too), the coarsest graph is laid out with
Fruchterman–Reingold, and each finer level starts from its parent's position and is refined with
grid-limited repulsion, which costs O(n) per iteration instead of O(n²). Connected components are
laid out apart and packed in rows, largest first.

Pure Python (numpy is not a dependency of kg) and deterministic for a given seed, so the same
graph is drawn the same way on every run.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

Point = tuple[float, float]

COARSEST = 40  # stop coarsening at this many nodes: exact repulsion is cheap there


def layout(
    node_ids: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    spacing: float = 160.0,
    seed: int = 7,
) -> dict[str, Point]:
    """Positions (in pixels, about `spacing` apart along an edge) for every node id."""
    index = {node: i for i, node in enumerate(node_ids)}
    adj: list[set[int]] = [set() for _ in node_ids]
    for a, b in edges:
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and i != j:
            adj[i].add(j)
            adj[j].add(i)
    rng = random.Random(seed)
    placed: list[tuple[list[int], list[list[float]]]] = []
    for members in _components(adj):
        local = {v: i for i, v in enumerate(members)}
        sub = [{local[u] for u in adj[v]} for v in members]
        placed.append((members, _layout_component(sub, rng)))
    out: dict[str, Point] = {}
    for members, pos in _pack(placed):
        for v, (x, y) in zip(members, pos, strict=True):
            out[node_ids[v]] = (round(x * spacing, 1), round(y * spacing, 1))
    return out


def _components(adj: list[set[int]]) -> list[list[int]]:
    seen = [False] * len(adj)
    comps: list[list[int]] = []
    for start in range(len(adj)):
        if seen[start]:
            continue
        seen[start] = True
        comp, frontier = [start], [start]
        while frontier:
            nxt = []
            for v in frontier:
                for u in adj[v]:
                    if not seen[u]:
                        seen[u] = True
                        comp.append(u)
                        nxt.append(u)
            frontier = nxt
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def _layout_component(adj: list[set[int]], rng: random.Random) -> list[list[float]]:
    n = len(adj)
    if n == 1:
        return [[0.0, 0.0]]
    if n == 2:
        return [[0.0, 0.0], [1.0, 0.0]]
    levels: list[tuple[list[set[int]], list[float]]] = [(adj, [1.0] * n)]
    parents: list[list[int]] = []
    while len(levels[-1][0]) > COARSEST:
        fine_adj, fine_w = levels[-1]
        parent, coarse_adj, coarse_w = _coarsen(fine_adj, fine_w, rng)
        if len(coarse_adj) > 0.9 * len(fine_adj):  # nothing left to merge worth another level
            break
        parents.append(parent)
        levels.append((coarse_adj, coarse_w))

    top_adj, top_w = levels[-1]
    side = math.sqrt(sum(top_w))
    pos = [[rng.uniform(0, side), rng.uniform(0, side)] for _ in top_adj]
    _refine(top_adj, top_w, pos, iterations=200, start_temp=side / 4)
    for level in range(len(parents) - 1, -1, -1):
        fine_adj, fine_w = levels[level]
        coarse_w = levels[level + 1][1]
        parent = parents[level]
        fine_pos = []
        for v in range(len(fine_adj)):
            px, py = pos[parent[v]]
            # children start on a disc around their parent, sized for the parent's weight
            r = 0.6 * math.sqrt(coarse_w[parent[v]]) * math.sqrt(rng.random())
            a = rng.uniform(0, 2 * math.pi)
            fine_pos.append([px + r * math.cos(a), py + r * math.sin(a)])
        pos = fine_pos
        n_level = len(fine_adj)
        iterations = max(8, min(30, int(30 * math.sqrt(500 / n_level))))  # fine levels start near their answer
        _refine(fine_adj, fine_w, pos, iterations=iterations, start_temp=2.0)
    return pos


def _coarsen(
    adj: list[set[int]], weight: list[float], rng: random.Random
) -> tuple[list[int], list[set[int]], list[float]]:
    """One coarsening step: a parent index per node, and the coarse graph's adjacency and weights."""
    n = len(adj)
    parent = [-1] * n
    clusters = 0
    order = list(range(n))
    rng.shuffle(order)
    for v in order:  # match each node with its lightest unmatched neighbour
        if parent[v] != -1:
            continue
        best, best_w = -1, math.inf
        for u in adj[v]:
            if parent[u] == -1 and weight[u] < best_w:
                best, best_w = u, weight[u]
        if best >= 0:
            parent[v] = parent[best] = clusters
            clusters += 1
    for v in order:  # a leaf left over joins its neighbour: stars collapse in one step
        if parent[v] == -1 and len(adj[v]) == 1:
            (u,) = adj[v]
            if parent[u] != -1:
                parent[v] = parent[u]
    for v in order:
        if parent[v] == -1:
            parent[v] = clusters
            clusters += 1
    coarse_adj: list[set[int]] = [set() for _ in range(clusters)]
    coarse_w = [0.0] * clusters
    for v in range(n):
        a = parent[v]
        coarse_w[a] += weight[v]
        for u in adj[v]:
            b = parent[u]
            if a != b:
                coarse_adj[a].add(b)
    return parent, coarse_adj, coarse_w


def _refine(
    adj: list[set[int]], weight: list[float], pos: list[list[float]], *, iterations: int, start_temp: float
) -> None:
    """Fruchterman–Reingold with ideal edge length 1, in place.

    Repulsion comes from every other node, approximated by a Barnes–Hut quadtree; a node feels
    it in proportion to the other's weight (how many original nodes it stands for), so coarse
    clusters keep room for their children.
    """
    n = len(adj)
    edges = [(i, j) for i in range(n) for j in adj[i] if i < j]
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    for it in range(iterations):
        temp = start_temp * (1.0 - it / iterations) + 0.02
        dx = [0.0] * n
        dy = [0.0] * n
        _repel(xs, ys, weight, dx, dy)
        for i, j in edges:
            ddx = xs[i] - xs[j]
            ddy = ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy)  # attraction d²/k along the unit vector
            dx[i] -= ddx * d
            dy[i] -= ddy * d
            dx[j] += ddx * d
            dy[j] += ddy * d
        for i in range(n):
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if d > 0:
                step = min(d, temp) / d
                xs[i] += dx[i] * step
                ys[i] += dy[i] * step
    for i in range(n):
        pos[i][0], pos[i][1] = xs[i], ys[i]


_REPULSION = 0.5  # below FR's 1: edges stay near their ideal length as the graph grows
_LEAF = 8  # points per quadtree leaf, summed exactly
_THETA2 = 1.2**2  # a cell this much smaller than its distance counts as one body


def _repel(xs: list[float], ys: list[float], weight: list[float], dx: list[float], dy: list[float]) -> None:
    """Add to (dx, dy) the repulsion k²·w/d every node feels from all others (Barnes–Hut)."""
    cx: list[float] = []
    cy: list[float] = []
    mass: list[float] = []
    size2: list[float] = []
    kids: list[list[int] | None] = []
    members: list[list[int]] = []

    def build(idx: list[int], x0: float, y0: float, size: float) -> int:
        m = sx = sy = 0.0
        for i in idx:
            w = weight[i]
            m += w
            sx += xs[i] * w
            sy += ys[i] * w
        c = len(cx)
        cx.append(sx / m)
        cy.append(sy / m)
        mass.append(m)
        size2.append(size * size)
        kids.append(None)
        members.append(idx)
        if len(idx) > _LEAF and size > 1e-6:
            half = size / 2
            xm, ym = x0 + half, y0 + half
            quads: tuple[list[int], ...] = ([], [], [], [])
            for i in idx:
                quads[(xs[i] >= xm) + 2 * (ys[i] >= ym)].append(i)
            kids[c] = [
                build(q, x0 + half * (k & 1), y0 + half * (k >> 1), half) for k, q in enumerate(quads) if q
            ]
        return c

    x0, y0 = min(xs), min(ys)
    build(list(range(len(xs))), x0, y0, max(max(xs) - x0, max(ys) - y0) + 1e-6)
    for i in range(len(xs)):
        xi, yi = xs[i], ys[i]
        fx = fy = 0.0
        stack = [0]
        while stack:
            c = stack.pop()
            children = kids[c]
            if children is None:
                for j in members[c]:
                    if j != i:
                        ex, ey = xi - xs[j], yi - ys[j]
                        f = weight[j] / (ex * ex + ey * ey or 1e-4)
                        fx += ex * f
                        fy += ey * f
                continue
            ddx, ddy = xi - cx[c], yi - cy[c]
            d2 = ddx * ddx + ddy * ddy
            if size2[c] < _THETA2 * d2:
                f = mass[c] / d2
                fx += ddx * f
                fy += ddy * f
            else:
                stack.extend(children)
        dx[i] += fx * _REPULSION
        dy[i] += fy * _REPULSION


def _pack(placed: list[tuple[list[int], list[list[float]]]]) -> list[tuple[list[int], list[list[float]]]]:
    """Shift each component into its own box; boxes fill rows so the whole suits a wide screen."""
    boxes = []
    for _, pos in placed:
        xs = [p[0] for p in pos]
        ys = [p[1] for p in pos]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 1.5, max(ys) - min(ys) + 1.5))
    total_area = sum(w * h for _, _, w, h in boxes)
    row_width = max(math.sqrt(total_area * 1.6), max((b[2] for b in boxes), default=1.0))
    out = []
    x = y = row_height = 0.0
    for (members, pos), (min_x, min_y, w, h) in zip(placed, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        shifted = [[p[0] - min_x + x, p[1] - min_y + y] for p in pos]
        out.append((members, shifted))
        x += w
        row_height = max(row_height, h)
    return out
