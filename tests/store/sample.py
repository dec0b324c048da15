"""Test material for the store: the hand-made extractions of three reports (see
data/build_fixtures.py) and a deterministic synthetic report generator."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Graph, Relation, make_id

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = "vpqh-2019-08-28"
SECOND = "vpqh-2019-09-10"  # same bodies, the same Nguyễn Đức Thụ (same post)
THIRD = "binhdinh-2020-03-05"  # same bodies, another Nguyễn Đức Thụ (an unrelated body)
REPORTS = (EXAMPLE, SECOND, THIRD)
EXAMPLE_TEXT = DATA.parents[2] / "data" / "examples" / "vpqh-2019-08-28.txt"


def text_path(stem: str) -> Path:
    return EXAMPLE_TEXT if stem == EXAMPLE else DATA / f"{stem}.txt"


def load_extraction(stem: str) -> Extraction:
    """The hand-made extraction of one test report, with the report file's real sha256."""
    records = [json.loads(line) for line in (DATA / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()]
    info = DocumentInfo.from_dict(next(r for r in records if r["kind"] == "document"))
    raw = text_path(stem).read_bytes()
    info.sha256 = hashlib.sha256(raw).hexdigest()
    info.paths = [str(text_path(stem))]
    graph = Graph.from_records(records)
    return Extraction(info, raw.decode("utf-8"), list(graph.entities.values()), graph.relations)


def canonical(graph: Graph) -> list[str]:
    """A graph as sorted JSON lines: equal lists mean equal graphs (ids, names, evidence)."""
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in graph.records()]
    lines += [json.dumps({"document": d.to_dict()}, sort_keys=True) for d in graph.documents.values()]
    return sorted(lines)


SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hoa", "Hùng", "Lan", "Tâm", "Thụ", "Yến")
BODIES = ("Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân", "Hội đồng nhân dân", "Tỉnh ủy")
PROVINCES = ("Bình Định", "Nghệ An", "Lào Cai", "Cà Mau", "Hà Giang")
ROLES = ("Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Bí thư")


def synthetic(i: int, people: int = 12) -> Extraction:
    """Report number i: people holding posts in provincial bodies, a meeting, evidence.

    Deterministic in i; names repeat across reports (so persons resolve across them)."""
    rnd = random.Random(i)
    doc = f"synth-{i:05d}.txt"
    province = PROVINCES[i % len(PROVINCES)]
    lines, ents, rels = [], [], []
    date = f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}"
    event = Entity("E", "Event", f"Hội nghị tỉnh {province} lần {i % 7 + 1}", props={"date": date})
    ents.append(event)
    pos = 0

    def sentence(text: str) -> Evidence:
        nonlocal pos
        lines.append(text)
        ev = Evidence(doc, pos, pos + len(text), text, text)
        pos += len(text) + 1
        return ev

    orgs: dict[str, Entity] = {}
    for k in range(people):
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        body = f"{rnd.choice(BODIES)} tỉnh {province}"
        role = rnd.choice(ROLES)
        org = orgs.setdefault(body, Entity(f"O{len(orgs)}", "Organization", body))
        person = Entity(f"P{k}", "Person", name)
        ev = sentence(f"Tham dự có {role} {body} {name}.")
        person.evidence.append(ev)
        ents.append(person)
        rels.append(Relation("HOLDS_POSITION", person.id, org.id, {"role": role}, [ev], 0.9))
        rels.append(Relation("ATTENDED", person.id, event.id, {}, [ev], 0.8))
    parent = f"Ủy ban nhân dân tỉnh {province}"
    orgs.setdefault(parent, Entity(f"O{len(orgs)}", "Organization", parent))
    ents.extend(orgs.values())
    for org in orgs.values():
        if org.name != parent:
            rels.append(Relation("PART_OF", org.id, orgs[parent].id, {}, [sentence(f"{org.name} thuộc {parent}.")]))
    text = "\n".join(lines)
    info = DocumentInfo(doc, title=f"Báo cáo {i}", date=event.props["date"],
                        sha256=hashlib.sha256(text.encode()).hexdigest(), paths=[doc])
    ents.append(Entity("D", "Document", info.title))
    return Extraction(info, text, ents, rels)


def person_id(name: str) -> str:
    from kg.resolve import person_key

    return make_id("Person", person_key(name))


def filled_store(path: Path, stems: tuple[str, ...] = REPORTS):
    """A store at `path` holding the hand-made extractions of these test reports (left open)."""
    from kg.store import Store

    store = Store.open(path)
    for stem in stems:
        store.put(load_extraction(stem))
    return store


def small_report(doc: str, posts: list[tuple[str, str, str]], date: str = "2024-03-14") -> Extraction:
    """A tiny report: each (person, role, body) is one sentence in which the person holds the
    post; every body is PART_OF the first one named. Deterministic in its arguments."""
    lines, ents, rels = [], [], []
    orgs: dict[str, Entity] = {}
    pos = 0
    for k, (name, role, body) in enumerate(posts):
        text = f"{role} {body} {name} phát biểu tại hội nghị."
        ev = Evidence(doc, pos, pos + len(text), text, text)
        pos += len(text) + 1
        lines.append(text)
        org = orgs.setdefault(body, Entity(f"O{len(orgs)}", "Organization", body, evidence=[ev]))
        ents.append(Entity(f"P{k}", "Person", name, evidence=[ev]))
        rels.append(Relation("HOLDS_POSITION", f"P{k}", org.id, {"role": role}, [ev], 0.9))
    first, *rest = orgs.values()
    rels += [Relation("PART_OF", o.id, first.id, {}, o.evidence, 0.6) for o in rest]
    text = "\n".join(lines)
    info = DocumentInfo(doc, title=f"Tin {doc}", date=date, sha256=hashlib.sha256(text.encode()).hexdigest(),
                        paths=[doc])
    return Extraction(info, text, [*ents, *orgs.values(), Entity("D", "Document", info.title)], rels)


# material for the incremental-versus-rebuild tests: few names, so reports share persons, bodies,
# posts, roles written two ways, events and (two bodies of data/reorganisation_2025.yaml) a succession
VARIED_PERSONS = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường", "Phạm Minh Dũng", "Hoàng Thị Lan")
VARIED_BODIES = ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Sở Nội vụ tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An")
VARIED_ROLES = ("Phó Chủ tịch", "Phó chủ tịch", "Giám đốc", "")  # two spellings of one role
VARIED_DATES = ("2019-05-02", "2021-11-20", "2024-03-14", "2025-07-01", None)


def varied_report(doc: str, seed: int) -> Extraction:
    """A small report drawn from `seed` over the VARIED_* pools: posts (some former, some without a
    role), attendances of one meeting (some with a role, so two relations state one triple), a PART_OF,
    each sentence the evidence of several facts. Deterministic in its arguments."""
    rnd = random.Random(seed)
    date = rnd.choice(VARIED_DATES)
    lines: list[str] = []
    ents: dict[str, Entity] = {}
    rels: list[Relation] = []

    def sentence(text: str) -> Evidence:
        start = sum(len(line) + 1 for line in lines)
        lines.append(text)
        return Evidence(doc, start, start + len(text), text, text)

    def entity(etype: str, name: str, ev: Evidence, **props: str) -> str:
        ent = ents.setdefault(f"{etype}:{name}", Entity(f"x{len(ents)}", etype, name, props=dict(props)))
        ent.evidence.append(ev)
        return ent.id

    event_name = f"Hội nghị {rnd.choice(('sơ kết', 'tổng kết'))} năm {rnd.choice((2023, 2024))}"
    lead = sentence(f"{event_name} diễn ra tại Nghệ An.")
    event = entity("Event", event_name, lead, **({"date": date} if date else {}))
    for name in rnd.sample(VARIED_PERSONS, rnd.randint(1, 3)):
        role, body = rnd.choice(VARIED_ROLES), rnd.choice(VARIED_BODIES)
        former = rnd.random() < 0.3
        ev = sentence(f"Dự có {'nguyên ' if former else ''}{role} {body} {name}.".replace("  ", " "))
        person, org = entity("Person", name, ev), entity("Organization", body, ev)
        props: dict[str, object] = {"role": role} if role else {}
        if former:
            props["former"] = True
        rels.append(Relation("HOLDS_POSITION", person, org, props, [ev], rnd.choice((0.6, 0.9))))
        rels.append(Relation("ATTENDED", person, event, {"role": "chủ trì"} if rnd.random() < 0.3 else {}, [ev], 0.8))
        if rnd.random() < 0.3:  # the same attendance once more, without a role: one asserted triple, two facts
            rels.append(Relation("ATTENDED", person, event, {}, [ev], 0.7))
    if rnd.random() < 0.5:
        ev = sentence("Sở Nội vụ tỉnh Nghệ An thuộc Ủy ban nhân dân tỉnh Nghệ An.")
        rels.append(Relation("PART_OF", entity("Organization", VARIED_BODIES[2], ev),
                             entity("Organization", VARIED_BODIES[3], ev), {}, [ev], 0.9))
    text = "\n".join(lines)
    info = DocumentInfo(doc, title=f"Tin {doc}", date=date, sha256=hashlib.sha256(text.encode()).hexdigest(),
                        paths=[doc])
    return Extraction(info, text, [*ents.values(), Entity("D", "Document", info.title)], rels)
