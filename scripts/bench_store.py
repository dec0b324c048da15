#!/usr/bin/env python
"""Benchmark the graph store on synthetic reports: ingest rate, memory, size, re-ingest, queries.

Reports are generated from templates and kg's data files (provinces from data/locations.tsv,
national bodies from data/organizations.yaml, surnames, department names, directive kinds), each
with the extraction a perfect extractor would give (so the store, not the extractor, is
measured; scripts/bench_extract.py measures extraction). A pool of officials recurs across
reports, some sharing a name, so cross-report resolution works as on real collections.

The ingest loop is what `kg ingest` does per file: read, hash, ask the store whether the report
is new, put it. Printed: reports/s (store time, and with file reading and hashing), peak memory,
store size, the second (no-op) ingest as a ratio of the first (target <= 5%), the time to build
the derived RDF and Cypher stores, and the p50 latency of the documented queries
(ontology/queries.yaml) in SPARQL and Cypher.

    .venv/bin/python scripts/bench_store.py                 # 10,000 reports, a few minutes
    .venv/bin/python scripts/bench_store.py --reports 1000  # quicker
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg import query
from kg.errors import KgError
from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.resources import read_lines, read_tsv, read_yaml
from kg.store import Store

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "queries.yaml"

# Generator vocabulary (not domain knowledge kg reads): given names, roles, topics.
MIDDLE = ["Văn", "Đức", "Minh", "Quốc", "Xuân", "Thanh", "Hữu", "Ngọc", "Công", "Đình", "Quang", "Thị",
          "Anh", "Tuấn", "Trọng", "Bá", "Viết", "Kim", "Hoài", "Mạnh"]
GIVEN = ["Hùng", "Dũng", "Tuấn", "Hưng", "Hải", "Nam", "Sơn", "Thắng", "Phúc", "Bình", "Cường", "Long",
         "Thụ", "Cừ", "Lan", "Hương", "Vân", "Hà", "Mai", "Hằng", "Thủy", "Hoa", "Nga", "Yến"]
ROLES = ["Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Trưởng ban"]
TOPICS = ["công tác cán bộ", "phòng, chống tham nhũng", "chuyển đổi số", "cải cách hành chính",
          "phát triển kinh tế - xã hội", "xây dựng Đảng"]


@dataclass(frozen=True)
class Official:
    name: str
    body: str
    role: str
    province: str


class World:
    """Bodies, officials, directives and journalists shared by all reports (seeded)."""

    def __init__(self, reports: int, seed: int) -> None:
        rnd = random.Random(seed)
        self.provinces = [r["name"] for r in read_tsv("locations.tsv") if r["type"] in ("province", "city")]
        self.national = [o["name"] for o in read_yaml("organizations.yaml")]
        departments = [n for n in read_lines("org_names.txt") if len(n.split()) <= 3][:12]
        surnames = list(read_lines("surnames.txt"))
        self.bodies: dict[str, list[str]] = {}
        self.parent: dict[str, str] = {}
        for p in self.provinces:
            ubnd, tu = f"Ủy ban nhân dân tỉnh {p}", f"Tỉnh ủy {p}"
            subs = [f"Sở {d} tỉnh {p}" for d in departments] + [f"Ban Thường vụ Tỉnh ủy {p}"]
            self.bodies[p] = [ubnd, tu, f"Hội đồng nhân dân tỉnh {p}", *subs]
            for sub in subs:
                self.parent[sub] = tu if sub.startswith("Ban") else ubnd
        weights = [1 / (i + 1) for i in range(len(surnames))]  # a few surnames are very common
        self.officials: dict[str, list[Official]] = {p: [] for p in self.provinces}
        for _ in range(max(50, reports // 3)):
            p = rnd.choice(self.provinces)
            name = f"{rnd.choices(surnames, weights)[0]} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            self.officials[p].append(Official(name, rnd.choice(self.bodies[p]), rnd.choice(ROLES), p))
        kinds = list(read_yaml("directives.yaml")["kinds"].values())
        self.directives = [(f"{rnd.choice(kinds)} số {n}", rnd.choice(self.national[:20])) for n in range(1, 301)]
        self.authors = [f"{rnd.choice(surnames)} {rnd.choice(GIVEN)}" for _ in range(200)]


def report(world: World, i: int) -> Extraction:
    """Report i (deterministic): a dated meeting in a province, attendees, a directive, a byline."""
    rnd = random.Random(i)
    p = world.provinces[min(int(rnd.paretovariate(1.2)) - 1, len(world.provinces) - 1)]
    date = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    doc = f"r{i:06d}.txt"
    host = world.bodies[p][0]
    guest = rnd.choice(world.national)
    title = f"{guest} làm việc với {host}"
    parts: list[str] = [title]
    ents: dict[str, Entity] = {}
    rels: list[Relation] = []

    def add(text: str) -> Evidence:
        start = sum(len(x) + 1 for x in parts)
        parts.append(text)
        return Evidence(doc, start, start + len(text), text, text)

    def ent(etype: str, name: str, ev: Evidence, **props: str) -> str:
        key = f"{etype}:{name}"
        if key not in ents:
            ents[key] = Entity(f"e{len(ents)}", etype, name, props=dict(props))
        at = ev.text.find(name)
        start = ev.start + max(at, 0)
        ents[key].evidence.append(Evidence(doc, start, start + len(name), name, ev.text))
        return ents[key].id

    lead = add(f"Ngày {date}, tại trụ sở {host}, {guest} đã làm việc với {host}.")
    event = ent("Event", title, lead, date=date)
    for body in (host, guest):
        rels.append(Relation("PARTICIPATED_IN", ent("Organization", body, lead), event, {}, [lead], 0.8))
    pool = world.officials[p] or world.officials[world.provinces[0]]
    for off in rnd.sample(pool, min(len(pool), rnd.randint(3, 8))):
        ev = add(f"Tham dự có {off.role} {off.body} {off.name}.")
        person, org = ent("Person", off.name, ev), ent("Organization", off.body, ev)
        rels.append(Relation("HOLDS_POSITION", person, org, {"role": off.role}, [ev], 0.9))
        rels.append(Relation("ATTENDED", person, event, {}, [ev], 0.8))
        if off.body in world.parent:
            pev = add(f"{off.body} trực thuộc {world.parent[off.body]}.")
            rels.append(Relation("PART_OF", ent("Organization", off.body, pev),
                                 ent("Organization", world.parent[off.body], pev), {}, [pev], 0.9))
    name, issuer = world.directives[int(rnd.paretovariate(1.0)) % len(world.directives)]
    dev = add(f"{host} triển khai {name} của {issuer} về {rnd.choice(TOPICS)}, áp dụng đối với {world.bodies[p][1]}.")
    kind, _, number = name.partition(" số ")
    d = ent("Directive", name, dev, kind=kind, number=number)
    rels.append(Relation("ISSUED_BY", d, ent("Organization", issuer, dev), {}, [dev], 0.9))
    rels.append(Relation("IMPLEMENTS", ent("Organization", host, dev), d, {}, [dev], 0.7))
    rels.append(Relation("APPLIES_TO", d, ent("Organization", world.bodies[p][1], dev), {}, [dev], 0.7))
    by = add(f"Tin và ảnh: {rnd.choice(world.authors)}")
    author = ent("Person", by.text.split(": ", 1)[1], by)
    text = "\n".join(parts)
    info = DocumentInfo(doc, title=title, date=date, paths=[doc])
    report_ent = Entity("doc", "Document", title, props={"date": date})
    rels.append(Relation("AUTHORED", author, report_ent.id, {}, [by], 0.8))
    return Extraction(info, text, [*ents.values(), report_ent], rels)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest(store: Store, files: list[Path], world: World) -> tuple[float, float, int]:
    """(total seconds, seconds inside store.put, reports put)."""
    started, in_put, n = time.perf_counter(), 0.0, 0
    for i, path in enumerate(files):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if store.document_status(path.name, sha) == "unchanged":
            continue
        ex = report(world, i)
        ex.document.sha256 = sha
        t = time.perf_counter()
        store.put(ex)
        in_put += time.perf_counter() - t
        n += 1
        if n % 1000 == 0:
            print(f"  {n} reports, {n / (time.perf_counter() - started):.0f}/s", flush=True)
    return time.perf_counter() - started, in_put, n


def _params(store: Store) -> dict[str, dict[str, str]]:
    """Values for the documented queries, taken from the store (so every query has rows)."""
    one = lambda q: query.cypher(store, q).rows[0][0]  # noqa: E731
    return {
        "attendees": {"event": one("MATCH (:Person)-[:ATTENDED]->(e:Event) RETURN e.name LIMIT 1")},
        "bodies_under": {"body": one("MATCH (s:Organization)-[:PART_OF]->(o:Organization) "
                                     "RETURN o.name, count(s) AS n ORDER BY n DESC, o.name LIMIT 1")},
        "directives_for_body": {"body": one("MATCH (:Directive)-[:APPLIES_TO]->(o) RETURN o.name LIMIT 1")},
        "posts_of_person": {"person": one("MATCH (p:Person)-[:HOLDS_POSITION]->() RETURN p.name LIMIT 1")},
        "posts_in_english": {"person": one("MATCH (p:Person)-[:HOLDS_POSITION]->() RETURN p.name LIMIT 1")},
        "reports_for_fact": dict(zip(("source", "target"), query.cypher(
            store, "MATCH (d:Directive)-[:ISSUED_BY]->(o) RETURN d.name, o.name LIMIT 1").rows[0], strict=True)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=20, help="runs of each query for the p50 (default 20)")
    ap.add_argument("--keep", type=Path, help="keep the store in this folder (must not exist)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    try:
        world = World(args.reports, args.seed)
        files = []
        t = time.perf_counter()
        for i in range(args.reports):
            path = work / "reports" / f"r{i:06d}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(report(world, i).text, encoding="utf-8")
            files.append(path)
        print(f"generated {args.reports} reports in {time.perf_counter() - t:.1f} s")
        path = args.keep or work / "kg-data"
        with Store.open(path) as store:
            first, in_put, n = _ingest(store, files, world)
            print(f"first ingest: {n} reports in {first:.1f} s: {n / in_put:.0f} reports/s in store.put, "
                  f"{n / first:.0f} reports/s with reading, hashing and generation")
            size = store.stats()["size_bytes"] / 1e6
            print(f"peak memory after ingest: {_rss_mb():.0f} MB; store size {size:.1f} MB")
            second, _, n2 = _ingest(store, files, world)
            print(f"no-op re-ingest: {n2} reports stored, {second:.2f} s = {100 * second / first:.1f}% of the first "
                  f"(target <= 5%)")
            stats = store.stats()
            print(f"graph: {stats['entities_total']} entities, {stats['relations_total']} relations")
            for kind in ("rdf", "cypher"):
                t = time.perf_counter()
                getattr(store.derived, kind)()
                print(f"built the derived {kind} store in {time.perf_counter() - t:.1f} s")
            print(f"store size with derived stores: {store.stats()['size_bytes'] / 1e6:.1f} MB; "
                  f"peak memory {_rss_mb():.0f} MB")
            params = _params(store)
            print("documented queries, p50 latency (rows):")
            for q in yaml.safe_load(ONTOLOGY.read_text(encoding="utf-8")):
                counts = {}
                for lang in ("sparql", "cypher"):
                    run = query.sparql if lang == "sparql" else query.cypher
                    try:
                        rows = len(run(store, q[lang], params[q["name"]]).rows)
                    except KgError as exc:
                        print(f"  {q['name']:20} {lang:6} failed: {exc}")
                        continue
                    times = []
                    for _ in range(args.repeat):
                        t = time.perf_counter()
                        run(store, q[lang], params[q["name"]])
                        times.append(time.perf_counter() - t)
                    print(f"  {q['name']:20} {lang:6} {1000 * statistics.median(times):8.2f} ms  ({rows} rows)")
                    counts[lang] = rows
                if len(set(counts.values())) > 1:  # both stores hold one graph: the answers must agree
                    print(f"  {q['name']:20} MISMATCH: SPARQL and Cypher gave different row counts {counts}")
        print(f"peak memory: {_rss_mb():.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
