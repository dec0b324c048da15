"""Graphs to draw in the tests: a small one with evidence and an attack name, and big ones."""

from __future__ import annotations

import itertools
import random
from typing import Any

from kg.model import RELATION_TYPES, DocumentInfo, Entity, Evidence, Graph, Relation, make_id

EVIL = "<script>window.__pwned=1</script>\"' onmouseover=\"window.__pwned=2\"<img src=x onerror=\"window.__pwned=3\">"


def ev(doc: str, sentence: str, mention: str | None = None) -> Evidence:
    start = sentence.find(mention) if mention else 0
    text = mention or sentence
    return Evidence(doc, max(start, 0), max(start, 0) + len(text), text, sentence)


def entity(etype: str, name: str, doc: str = "r1.txt", sentence: str | None = None, **kw: Any) -> Entity:
    sentence = sentence or f"Câu nói về {name}."
    return Entity(make_id(etype, name), etype, name, evidence=[ev(doc, sentence, name)], **kw)


def small_graph() -> Graph:
    """A minister, a ministry, a meeting, and an entity whose name is an attack."""
    g = Graph()
    g.documents["r1.txt"] = DocumentInfo("r1.txt", title="Báo cáo tháng 8", date="2019-08-28")
    g.documents["r2.txt"] = DocumentInfo("r2.txt", title="Báo cáo tháng 9", date="2019-09-10")
    minister_sentence = "Đồng chí Nguyễn Văn An, Bộ trưởng Bộ Tài chính, dự họp."
    minister = entity("Person", "Nguyễn Văn An", sentence=minister_sentence, aliases=["đồng chí An"],
                      props={"title": "Bộ trưởng"})
    ministry = entity("Organization", "Bộ Tài chính", sentence=minister_sentence)
    meeting = entity("Event", "Phiên họp thứ 36", doc="r2.txt", props={"date": "2019-09-10"})
    evil = entity("Organization", EVIL, doc="r2.txt", sentence=f"Tên lạ {EVIL} xuất hiện.")
    for e in (minister, ministry, meeting, evil):
        g.entities[e.id] = e
    g.relations += [
        Relation("HOLDS_POSITION", minister.id, ministry.id, props={"role": "Bộ trưởng"},
                 evidence=[ev("r1.txt", minister_sentence)]),
        Relation("ATTENDED", minister.id, meeting.id, evidence=[ev("r2.txt", "Đồng chí An dự Phiên họp thứ 36.")]),
        Relation("PARTICIPATED_IN", evil.id, meeting.id, evidence=[ev("r2.txt", f"{EVIL} dự phiên họp.")]),
    ]
    return g


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 3) -> Graph:
    """Typed entities with type-correct relations between random ends (a few hubs by chance)."""
    rng = random.Random(seed)
    g = Graph()
    g.documents["s.txt"] = DocumentInfo("s.txt", date="2020-01-01")
    by_type: dict[str, list[str]] = {}
    types = ["Person", "Organization", "Event", "Directive", "Location"]
    for i in range(n_nodes):
        e = entity(types[i % len(types)], f"Thực thể {i}", doc="s.txt")
        g.entities[e.id] = e
        by_type.setdefault(e.type, []).append(e.id)
    usable = [r for r, (s, t) in RELATION_TYPES.items()
              if any(x in by_type for x in s) and any(x in by_type for x in t)]
    seen: set[tuple[str, str, str]] = set()
    while len(g.relations) < n_edges:
        rtype = rng.choice(usable)
        src_types, dst_types = RELATION_TYPES[rtype]
        src = rng.choice([x for t in src_types for x in by_type.get(t, [])])
        dst = rng.choice([x for t in dst_types for x in by_type.get(t, [])])
        if src != dst and (rtype, src, dst) not in seen:
            seen.add((rtype, src, dst))
            g.relations.append(Relation(rtype, src, dst, evidence=[ev("s.txt", f"{rtype} {src} {dst}.")]))
    return g


def community_graph(groups: int = 6, size: int = 12, pairs: int = 8, isolated: int = 20, seed: int = 5) -> Graph:
    """`groups` bodies, each with `size - 1` officials and meetings around it, one link between
    neighbouring groups; `pairs` official–body pairs on their own; `isolated` entities alone."""
    rng = random.Random(seed)
    g = Graph()
    g.documents["c.txt"] = DocumentInfo("c.txt", date="2024-05-01")
    provinces = ["Hà Giang", "Cao Bằng", "Lạng Sơn", "Quảng Ninh", "Thái Bình", "Nghệ An", "Đồng Tháp", "Cà Mau"]

    def add(e: Entity) -> Entity:
        g.entities[e.id] = e
        return e

    hubs = []
    for i in range(groups):
        province = provinces[i % len(provinces)]
        body = add(entity("Organization", f"Ủy ban nhân dân tỉnh {province} khóa {i}", doc="c.txt"))
        hubs.append(body)
        members = [body]
        for j in range(size - 1):
            kind = "Person" if j % 3 else "Event"
            member = add(entity(kind, f"{'Ông' if kind == 'Person' else 'Hội nghị'} {i}-{j}", doc="c.txt"))
            rtype = "HOLDS_POSITION" if kind == "Person" else "PARTICIPATED_IN"
            props = {"role": "Phó Chủ tịch"} if kind == "Person" else {}
            g.relations.append(Relation(rtype, member.id, body.id, props=props, evidence=[ev("c.txt", "Câu.")]))
            members.append(member)
        for _ in range(size // 2):  # a few links among the members: a community, not a star
            a, b = rng.sample(members[1:], 2)
            if a.type == "Person" and b.type == "Event":
                g.relations.append(Relation("ATTENDED", a.id, b.id, evidence=[ev("c.txt", "Câu.")]))
    for a, b in itertools.pairwise(hubs):
        g.relations.append(Relation("REPORTS_TO", a.id, b.id, evidence=[ev("c.txt", "Câu.")]))
    for i in range(pairs):
        person = add(entity("Person", f"Bà Cặp {i}", doc="c.txt"))
        body = add(entity("Organization", f"Sở Cặp {i}", doc="c.txt"))
        g.relations.append(Relation("HOLDS_POSITION", person.id, body.id, props={"role": "Giám đốc"},
                                    evidence=[ev("c.txt", "Câu.")]))
    for i in range(isolated):
        add(entity("Location", f"Xã Lẻ {i}", doc="c.txt"))
    return g
