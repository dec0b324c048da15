"""The overview's plan: communities as named groups, placed apart, the same on every run."""

import random

from kg.model import Entity, Relation
from kg.viz.labels import short_label, shown_props
from kg.viz.overview import MIN_GROUP, _box, plan
from tests.viz.graphs import community_graph, ev, synthetic_graph


def _name_of(graph, gid_members):
    return {graph.entities[m].name for m in gid_members}


def test_groups_are_communities_named_after_their_most_central_body():
    g = community_graph(groups=4, size=10, pairs=5, isolated=7)
    ov = plan(g)
    named = [grp for grp in ov.groups if not grp.pooled]
    assert len(named) == 4
    for grp in named:
        body = grp.name
        assert body.startswith("Ủy ban nhân dân tỉnh")
        members = _name_of(g, grp.members)
        assert body in members and len(grp.members) == 10  # the body and its officials and meetings
        assert g.entities[grp.hubs[0]].name == body  # the most linked member comes first
    (pool,) = [grp for grp in ov.groups if grp.pooled]
    assert pool.pooled == 5 and len(pool.members) == 10 and pool.name == "5 smaller groups"
    assert all(len(grp.members) >= MIN_GROUP for grp in named)


def test_entities_without_relations_are_left_out_and_counted_unless_asked():
    g = community_graph(groups=2, size=8, pairs=0, isolated=7)
    ov = plan(g)
    assert len(ov.isolated) == 7
    assert not set(ov.isolated) & set(ov.group_of)
    with_them = plan(g, isolated=True)
    assert with_them.isolated == []
    assert {g.entities[k].type for k in with_them.groups[-1].members} == {"Location"}
    assert len(with_them.group_of) == len(g.entities)


def test_the_same_graph_gives_the_same_page_plan_whatever_the_order():
    g = community_graph()
    first = plan(g)
    shuffled = community_graph()
    random.Random(1).shuffle(shuffled.relations)
    second = plan(shuffled)
    assert [(x.id, x.name, x.members, x.x, x.y) for x in first.groups] == \
        [(x.id, x.name, x.members, x.x, x.y) for x in second.groups]
    assert first.positions == second.positions


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_no_group_or_label_overlaps_another():
    for g in (community_graph(groups=8, size=15, pairs=20), synthetic_graph(1500, 1600)):
        ov = plan(g)
        assert len(ov.groups) >= 3
        boxes = [(x.x + dl, x.y + dt, x.x + dr, x.y + db) for x in ov.groups for dl, dt, dr, db in [_box(x)]]
        clashes = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _overlap(boxes[i], boxes[j])]
        assert clashes == []
        for grp, box in zip(ov.groups, boxes, strict=True):  # members stay inside their group's room
            for m in grp.members:
                x, y = ov.positions[m]
                assert box[0] <= x <= box[2] and box[1] <= y <= box[3]


def test_groups_named_alike_are_told_apart():
    g = community_graph(groups=2, size=8, pairs=0, isolated=0)
    for e in list(g.entities.values()):
        if e.name.startswith("Ủy ban nhân dân tỉnh"):
            e.name = "Ủy ban nhân dân tỉnh"  # an unqualified body, as extraction leaves some
    names = [grp.name for grp in plan(g).groups]
    assert len(set(names)) == 2 and all(n.startswith("Ủy ban nhân dân tỉnh · ") for n in names)


def test_an_event_is_labelled_by_its_head_and_long_names_are_cut_at_a_word():
    event = Entity("e", "Event", "Hội nghị Ban Chấp hành Trung ương lần thứ 9 khóa XIII về công tác cán bộ, tổ chức")
    assert short_label(event) == "Hội nghị Ban Chấp hành Trung ương lần thứ 9…"
    body = Entity("o", "Organization", "Ủy ban nhân dân thành phố Hồ Chí Minh")
    assert short_label(body) == body.name
    long = Entity("d", "Directive", "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII")
    label = short_label(long)
    assert label.endswith("…") and len(label) <= 48 and long.name.startswith(label[:-1])


def test_tooltips_show_only_user_facing_properties_by_their_labels():
    shown = shown_props({"date": "2024-05-01", "main": True, "evidence_not_kept": True, "foreign": True}, "entity")
    assert shown == {"date (ngày)": "2024-05-01", "foreign body (nước ngoài)": "yes"}
    rel = Relation("HOLDS_POSITION", "a", "b", props={"role": "Bộ trưởng", "former": True}, evidence=[ev("r", "x")])
    assert shown_props(rel.props, "relation") == {"post (chức vụ)": "Bộ trưởng", "former (nguyên)": "yes"}
