"""A small hand-made graph for the loader and exporter tests: every entity and relation type,
Vietnamese names, multi-report evidence, and text built to break naive quoting."""

from __future__ import annotations

import copy
from pathlib import Path

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Graph, Relation, make_id
from kg.resolve import document_id
from kg.store import Store

REPORT_1 = "mau-vpqh-2019-08-28.txt"
REPORT_2 = "bao-cao-binh-dinh.txt"

# Names and sentences a loader must carry verbatim: quotes, backslashes, semicolons, Cypher and
# SPARQL syntax, markup, a tab and a line separator.
NASTY_NAME = "Trần Thị \"Hoa\" O'Brien \\ '}); MATCH (n) DETACH DELETE n; //"
NASTY_SENTENCE = 'Bà "Hoa" nói: \'} ; DROP ALL ; INSERT DATA { <x> <y> "z" }\t<script>alert(1)</script>\u2028hết.'


def _ev(doc: str, start: int, sentence: str) -> Evidence:
    return Evidence(doc, start, start + len(sentence), sentence, sentence)


def _entity(etype: str, name: str, aliases: tuple[str, ...] = (), **props: object) -> Entity:
    return Entity(make_id(etype, name), etype, name, list(aliases), dict(props))


def sample_graph() -> Graph:
    g = Graph()
    for rid, title, date in (
        (REPORT_1, "Văn phòng Quốc hội làm việc", "2019-08-28"),
        (REPORT_2, "Báo cáo Bình Định", None),
    ):
        g.documents[rid] = DocumentInfo(id=rid, title=title, date=date, sha256=rid * 2, paths=[f"reports/{rid}"])
        doc = Entity(document_id(rid), "Document", title, [], {"title": title, **({"date": date} if date else {})})
        g.entities[doc.id] = doc
    ents = {
        "thu": _entity("Person", "Nguyễn Đức Thụ", ("ông Thụ",)),
        "dung": _entity("Person", "Hồ Quốc Dũng", ("ông Dũng", "đồng chí Hồ Quốc Dũng")),
        "hoa": _entity("Person", NASTY_NAME),
        "quang": _entity("Person", "Vũ Quang"),
        "qh": _entity("Organization", "Quốc hội", ("QH",)),
        "vpqh": _entity("Organization", "Văn phòng Quốc hội", ("VPQH", "Văn phòng QH")),
        "dangu": _entity("Organization", "Đảng ủy cơ quan Văn phòng Quốc hội"),
        "btv": _entity("Organization", "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội"),
        "hdnd": _entity("Organization", "HĐND tỉnh Bình Định", ("Hội đồng nhân dân tỉnh Bình Định",)),
        "tu": _entity("Organization", "Tỉnh ủy Bình Định"),
        "ubtvqh": _entity("Organization", "Ủy ban Thường vụ Quốc hội", ("UBTVQH",)),
        "meet": _entity("Event", "Buổi làm việc ngày 28.8.2019", date="2019-08-28"),
        "nhaqh": _entity("Location", "Nhà Quốc hội"),
        "bd": _entity("Location", "tỉnh Bình Định"),
        "nq": _entity(
            "Directive",
            "Nghị quyết 580/NQ-UBTVQH14",
            kind="Nghị quyết",
            number="580",
            symbol="580/NQ-UBTVQH14",
        ),
    }
    for ent in ents.values():
        ent.evidence = [_ev(REPORT_1, 10, ent.name)]
        g.entities[ent.id] = ent
    e = {k: v.id for k, v in ents.items()}
    s1 = "Sáng 28.8, tại Nhà Quốc hội, Văn phòng Quốc hội đã làm việc với Tỉnh ủy Bình Định."
    s2 = "Tham dự có: Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Hồ Quốc Dũng."
    s3 = "Nghị quyết 580/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội áp dụng cho Văn phòng Quốc hội."
    rels = [
        Relation("HOLDS_POSITION", e["dung"], e["tu"], {"role": "Bí thư Tỉnh ủy"}, [_ev(REPORT_1, 90, s2)], 0.9),
        Relation(
            "HOLDS_POSITION",
            e["dung"],
            e["hdnd"],
            {"role": "Chủ tịch HĐND tỉnh"},
            [_ev(REPORT_1, 90, s2), _ev(REPORT_2, 5, s2)],
            0.85,
        ),
        Relation(
            "HOLDS_POSITION",
            e["thu"],
            e["vpqh"],
            {"role": "Phó Chủ nhiệm", "former": True},
            [_ev(REPORT_2, 40, s1)],
        ),
        Relation(
            "HOLDS_POSITION",
            e["hoa"],
            e["vpqh"],
            {"role": "Vụ trưởng", "acting": True},
            [_ev(REPORT_2, 70, NASTY_SENTENCE)],
            0.6,
        ),
        Relation("PART_OF", e["btv"], e["dangu"], {}, [_ev(REPORT_1, 0, s1)]),
        Relation("PART_OF", e["dangu"], e["vpqh"], {}, [_ev(REPORT_1, 0, s1)]),
        Relation("PART_OF", e["vpqh"], e["qh"], {}, [_ev(REPORT_1, 0, s1), _ev(REPORT_2, 0, s1)]),
        Relation("REPORTS_TO", e["vpqh"], e["ubtvqh"], {}, [_ev(REPORT_1, 0, s3)], 0.7),
        Relation("ATTENDED", e["dung"], e["meet"], {}, [_ev(REPORT_1, 90, s2)]),
        Relation("ATTENDED", e["thu"], e["meet"], {}, [_ev(REPORT_1, 90, s2)]),
        Relation("PARTICIPATED_IN", e["vpqh"], e["meet"], {}, [_ev(REPORT_1, 0, s1)]),
        Relation("PARTICIPATED_IN", e["tu"], e["meet"], {}, [_ev(REPORT_1, 0, s1)]),
        Relation("HELD_AT", e["meet"], e["nhaqh"], {}, [_ev(REPORT_1, 0, s1)]),
        Relation("ISSUED_BY", e["nq"], e["ubtvqh"], {}, [_ev(REPORT_1, 200, s3)]),
        Relation("APPLIES_TO", e["nq"], e["vpqh"], {}, [_ev(REPORT_1, 200, s3)]),
        Relation("APPLIES_TO", e["nq"], e["bd"], {}, [_ev(REPORT_2, 200, s3)]),
        Relation("IMPLEMENTS", e["hdnd"], e["nq"], {}, [_ev(REPORT_2, 200, s3)], 0.75),
        Relation("AUTHORED", e["quang"], document_id(REPORT_1), {}, [_ev(REPORT_1, 300, "Tin và ảnh: Vũ Quang")]),
    ]
    g.relations = rels
    return g


def changed_graph(graph: Graph) -> Graph:
    """`graph` after a report changed: one entity renamed, one relation and one entity gone,
    one relation added, one relation's evidence grown."""
    g = copy.deepcopy(graph)
    thu = make_id("Person", "Nguyễn Đức Thụ")
    g.entities[thu].aliases.append("đồng chí Thụ")
    gone = make_id("Location", "tỉnh Bình Định")
    del g.entities[gone]
    g.relations = [r for r in g.relations if gone not in (r.source, r.target)]
    g.relations = [r for r in g.relations if not (r.type == "ATTENDED" and r.source == thu)]
    part_of = next(r for r in g.relations if r.type == "PART_OF")
    part_of.evidence.append(_ev(REPORT_2, 500, "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội họp."))
    hdnd, qh = make_id("Organization", "HĐND tỉnh Bình Định"), make_id("Organization", "Quốc hội")
    g.relations.append(Relation("REPORTS_TO", hdnd, qh, {}, [_ev(REPORT_2, 600, "HĐND tỉnh báo cáo Quốc hội.")], 0.5))
    return g


def extractions(graph: Graph) -> list[Extraction]:
    """`graph` split back into one extraction per report, as the extractor would have made them."""
    out = []
    for rid, info in graph.documents.items():
        rels = [copy.deepcopy(r) for r in graph.relations if any(ev.doc == rid for ev in r.evidence)]
        for rel in rels:
            rel.evidence = [ev for ev in rel.evidence if ev.doc == rid]
        ids = {r.source for r in rels} | {r.target for r in rels}
        ids |= {e.id for e in graph.entities.values() if any(ev.doc == rid for ev in e.evidence)}
        ents = [copy.deepcopy(graph.entities[i]) for i in sorted(ids)]
        for ent in ents:
            ent.evidence = [ev for ev in ent.evidence if ev.doc == rid]
        out.append(Extraction(info, "", ents, rels))
    return out


def make_store(path: Path, graph: Graph) -> Path:
    """A real kg store holding `graph`'s reports (the store resolves and merges them itself)."""
    with Store.open(path, create=True) as store:
        for extraction in extractions(graph):
            store.put(extraction)
    return path


_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Đức", "Quốc", "Minh", "Thanh", "Hữu", "Ngọc", "Xuân", "Thu")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Thụ", "Tâm")
_BODIES = ("Sở Tài chính", "Sở Nội vụ", "Ban Tuyên giáo", "Văn phòng", "Ủy ban nhân dân", "HĐND", "Tỉnh ủy")
_PROVINCES = ("Bình Định", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Cần Thơ", "Đắk Lắk", "Lào Cai", "Huế")
_ROLES = ("Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Trưởng ban", "Chánh Văn phòng")


def synthetic_graph(relations: int, seed: int = 7, reports: int = 200) -> Graph:
    """A graph with about `relations` relations of every type, for load tests and benchmarks.

    Realistic shape: bodies nested in provinces, people holding posts, meetings with attendees,
    directives issued and applied, one to three evidence sentences per relation.
    """
    import random

    rnd = random.Random(seed)
    g = Graph()
    docs = [f"bao-cao-{i:05d}.txt" for i in range(reports)]
    for rid in docs:
        g.documents[rid] = DocumentInfo(id=rid, title=rid, sha256=rid)
    n_people, n_orgs = max(10, relations // 4), max(10, relations // 10)
    n_events, n_directives = max(5, relations // 40), max(5, relations // 40)

    def add(etype: str, name: str, **props: object) -> str:
        ent = _entity(etype, name, (name.lower(),), **props)
        ent.evidence = [_ev(rnd.choice(docs), rnd.randrange(5000), f"Nhắc đến {name}.")]
        g.entities[ent.id] = ent
        return ent.id

    people = [
        add("Person", f"{rnd.choice(_SURNAMES)} {rnd.choice(_MIDDLE)} {rnd.choice(_GIVEN)} {i}")
        for i in range(n_people)
    ]
    orgs = [add("Organization", f"{rnd.choice(_BODIES)} tỉnh {rnd.choice(_PROVINCES)} số {i}") for i in range(n_orgs)]
    events = [add("Event", f"Hội nghị số {i}", date=f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(n_events)]
    places = [add("Location", f"tỉnh {p}") for p in _PROVINCES]
    directives = [
        add("Directive", f"Nghị quyết {i}/NQ-HĐND", kind="Nghị quyết", number=str(i), symbol=f"{i}/NQ-HĐND")
        for i in range(n_directives)
    ]
    kinds = [
        ("HOLDS_POSITION", people, orgs, 0.4),
        ("ATTENDED", people, events, 0.2),
        ("PART_OF", orgs, orgs, 0.1),
        ("REPORTS_TO", orgs, orgs, 0.05),
        ("PARTICIPATED_IN", orgs, events, 0.1),
        ("HELD_AT", events, places, 0.02),
        ("ISSUED_BY", directives, orgs, 0.03),
        ("IMPLEMENTS", orgs, directives, 0.05),
        ("APPLIES_TO", directives, orgs, 0.05),
    ]
    seen: set[str] = set()
    while len(g.relations) < relations:
        rtype, sources, targets, _ = rnd.choices(kinds, weights=[k[3] for k in kinds])[0]
        src, dst = rnd.choice(sources), rnd.choice(targets)
        props = {"role": rnd.choice(_ROLES)} if rtype == "HOLDS_POSITION" else {}
        rel = Relation(rtype, src, dst, props, confidence=round(rnd.uniform(0.5, 1.0), 2))
        if src == dst or rel.id in seen:
            continue
        seen.add(rel.id)
        name = g.entities[src].name
        rel.evidence = [
            _ev(rnd.choice(docs), rnd.randrange(5000), f"{name}; {rtype.lower()} {g.entities[dst].name} (câu {j}).")
            for j in range(rnd.randint(1, 3))
        ]
        g.relations.append(rel)
    return g
