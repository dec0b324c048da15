import itertools
import math
import random
import statistics

import pytest

from kg.viz.layout import layout


def _random_graph(n: int, m: int, seed: int = 5) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    edges: set[tuple[str, str]] = set()
    while len(edges) < m:
        a, b = rng.sample(nodes, 2)
        edges.add((a, b))
    return nodes, sorted(edges)


def _box(pos: dict[str, tuple[float, float]], ids: list[str]) -> tuple[float, float, float, float]:
    xs = [pos[i][0] for i in ids]
    ys = [pos[i][1] for i in ids]
    return min(xs), min(ys), max(xs), max(ys)


def test_every_node_gets_a_finite_position_and_nothing_else():
    nodes, edges = _random_graph(300, 600)
    pos = layout(nodes, [*edges, ("n1", "n1"), ("n2", "not-a-node")])
    assert set(pos) == set(nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_graphs(n):
    nodes = [f"n{i}" for i in range(n)]
    edges = [("n0", "n1")] if n == 2 else []
    pos = layout(nodes, edges)
    assert set(pos) == set(nodes)
    if n == 2:
        assert math.dist(pos["n0"], pos["n1"]) > 0


def test_same_graph_same_picture_and_the_seed_matters():
    nodes, edges = _random_graph(200, 400)
    assert layout(nodes, edges) == layout(list(nodes), list(edges))
    assert layout(nodes, edges, seed=1) != layout(nodes, edges, seed=2)


def test_linked_nodes_are_drawn_closer_than_unlinked_ones():
    # two dense clusters joined by one edge: the layout must show the structure
    rng = random.Random(1)
    a = [f"a{i}" for i in range(60)]
    b = [f"b{i}" for i in range(60)]
    edges = [tuple(rng.sample(a, 2)) for _ in range(240)] + [tuple(rng.sample(b, 2)) for _ in range(240)]
    edges.append(("a0", "b0"))
    pos = layout(a + b, edges)
    linked = statistics.mean(math.dist(pos[x], pos[y]) for x, y in edges)
    pairs = [(rng.choice(a), rng.choice(b)) for _ in range(500)]
    across = statistics.mean(math.dist(pos[x], pos[y]) for x, y in pairs)
    assert linked < across / 2
    ca = (statistics.mean(pos[x][0] for x in a), statistics.mean(pos[x][1] for x in a))
    cb = (statistics.mean(pos[x][0] for x in b), statistics.mean(pos[x][1] for x in b))
    spread_a = statistics.mean(math.dist(pos[x], ca) for x in a)
    assert math.dist(ca, cb) > spread_a  # the clusters are apart, not interleaved


def test_nodes_do_not_pile_up():
    nodes, edges = _random_graph(1000, 2000)
    pos = layout(nodes, edges, spacing=100.0)
    grid: dict[tuple[int, int], int] = {}
    for x, y in pos.values():
        key = (int(x // 10), int(y // 10))
        grid[key] = grid.get(key, 0) + 1
    assert max(grid.values()) <= 3  # at most a few nodes share any 10×10 px square


def test_a_star_is_drawn_around_its_hub():
    leaves = [f"leaf{i}" for i in range(200)]
    pos = layout(["hub", *leaves], [("hub", leaf) for leaf in leaves])
    distances = [math.dist(pos["hub"], pos[leaf]) for leaf in leaves]
    assert min(distances) > 0
    angles = sorted(math.atan2(pos[leaf][1] - pos["hub"][1], pos[leaf][0] - pos["hub"][0]) for leaf in leaves)
    gaps = [b - a for a, b in itertools.pairwise(angles)] + [angles[0] + 2 * math.pi - angles[-1]]
    assert max(gaps) < math.pi / 2  # leaves all around the hub, not bunched on one side


def test_components_are_drawn_apart():
    comp1 = [f"x{i}" for i in range(30)]
    comp2 = [f"y{i}" for i in range(30)]
    chain = [(c[i], c[i + 1]) for c in (comp1, comp2) for i in range(len(c) - 1)]
    isolated = [f"z{i}" for i in range(10)]
    pos = layout(comp1 + comp2 + isolated, chain)
    boxes = [_box(pos, comp1), _box(pos, comp2)] + [_box(pos, [z]) for z in isolated]
    for i, (ax0, ay0, ax1, ay1) in enumerate(boxes):
        for bx0, by0, bx1, by1 in boxes[i + 1 :]:
            assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0, "two components overlap"
