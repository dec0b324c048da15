#!/usr/bin/env python
"""Benchmark the graph store on synthetic reports: ingest rate per slice, size per store, re-ingest, queries.

Reports are generated from templates and kg's data files (provinces from data/locations.tsv,
national bodies from data/organizations.yaml, surnames, department names, directive kinds), each
with the extraction a perfect extractor would give (so the store, not the extractor, is
measured; scripts/bench_extract.py measures extraction). The generator's parameters, fixed and
printed at the start:

- a report is a dated working session in a province (Pareto-distributed: a few provinces get most
  reports), 3-8 officials attending with their posts, the PART_OF line of each department named,
  a directive (Pareto over a pool that grows: directive numbers drawn near i/30) and a byline;
- the pool of officials grows with the archive: official k enters at report `k * 3` and appears
  for `--term` reports (default 3,000), so names (some shared by namesakes) keep arriving as in a
  real archive, and no one person's history grows without end;
- after the extracted sentences, a body of `--body-words` words (default 400) drawn at random from
  the words of kg's data files: real articles are mostly prose no fact is drawn from, and two
  unrelated real reports share under 5% of their 5-word shingles (scripts/eval_reprints.py), which
  templated sentences alone do not (they share 20-40% and every report became a reprint candidate
  of every other one of its province).

The ingest loop is what `kg ingest`'s writer does per file, in its batches of writes
(Store.batch): read, hash, ask the store whether the report is new, put it. Printed: the rate of
each `--slice` of reports (default 1,000) and its ratio to the first slice in the same run (a
flat ingest cost keeps it near 1.0), peak memory, the second (no-op) ingest as a ratio of the
first (target <= 5%), the time to build the derived RDF and Cypher stores, then for `--new-reports`
new reports one at a time the time from storing each until a SPARQL and a Cypher query see its byline
(the derived stores updated by the change, scripts/bench_update.py), the bytes per report
of every component (kg.sqlite's tables and their indexes, measured with SQLite's dbstat; derived/rdf;
derived/cypher) and the p50 latency of the documented queries (ontology/queries.yaml) in SPARQL
and Cypher. Every parameter of a documented query gets a value (from the store, else the documented
one): an unbound ?name in SPARQL matches anything, a missing $name in Cypher is null and matches
nothing, so the two would answer different questions. The queries run in a worker process, each
within `--timeout` seconds (default 60): one that takes longer is reported as "timeout" and the
worker is replaced, so a slow query cannot hang the bench. Both engines must give the same rows.

    .venv/bin/python scripts/bench_store.py                          # 10,000 reports, a few minutes
    .venv/bin/python scripts/bench_store.py --reports 1000           # quicker
    .venv/bin/python scripts/bench_store.py --reports 100000 --slice 10000 --no-derived   # ingest only
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import multiprocessing
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import bench_update
import yaml

from kg import query
from kg.errors import KgError
from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.resources import read_lines, read_tsv, read_yaml
from kg.store import Store

SLOW = 2.0  # seconds from which a query is run once, not `--repeat` times
TIMEOUT = 60.0  # seconds a documented query may take (its repeats included) before it is reported as "timeout"
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
    start: int  # the first report this official can appear in


@dataclass(frozen=True)
class Params:
    """The generator's parameters (printed by main)."""

    reports: int
    seed: int = 1
    term: int = 3000  # reports an official stays in the pool after entering it
    every: int = 3  # a new official enters the pool every `every` reports
    body_words: int = 400  # words of prose after the extracted sentences


class World:
    """Bodies, officials, directives and journalists shared by all reports (seeded)."""

    def __init__(self, params: Params) -> None:
        rnd = random.Random(params.seed)
        self.params = params
        self._starts: dict[str, list[int]] = {}
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
        # officials enter in order, each in a province weighted as reports are (so every
        # province's pool keeps pace with its reports): official k from report k * every
        self.officials: dict[str, list[Official]] = {p: [] for p in self.provinces}
        for k in range(params.reports // params.every + params.term // params.every + 50):
            p = self._province(rnd)
            name = f"{rnd.choices(surnames, weights)[0]} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            start = max(0, k * params.every - params.term)  # the first ones are there from the start
            self.officials[p].append(Official(name, rnd.choice(self.bodies[p]), rnd.choice(ROLES), p, start))
        self.kinds = list(read_yaml("directives.yaml")["kinds"].values())
        self.authors = [f"{rnd.choice(surnames)} {rnd.choice(GIVEN)}" for _ in range(200)]
        words = {w for name in [*self.national, *departments, *self.provinces, *read_lines("surnames.txt"),
                                *read_lines("org_names.txt")] for w in name.lower().split() if w.isalpha()}
        self.words = sorted(words | {w.lower() for w in MIDDLE + GIVEN})

    def _province(self, rnd: random.Random) -> str:
        return self.provinces[min(int(rnd.paretovariate(1.2)) - 1, len(self.provinces) - 1)]

    def pool(self, p: str, i: int) -> list[Official]:
        """The officials of province p serving at report i (each province's list is in order of start)."""
        officials = self.officials[p]
        starts = self._starts.setdefault(p, [o.start for o in officials])
        lo, hi = bisect.bisect_right(starts, i - self.params.term), bisect.bisect_right(starts, i)
        return officials[lo:hi] or officials[:1]

    def directive(self, rnd: random.Random, i: int) -> tuple[str, str]:
        """A directive (name, issuer): recent ones are cited most; numbers grow with the archive."""
        n = max(1, i // 30 - int(rnd.paretovariate(1.0)) + 1 + rnd.randint(0, 10))
        issuer = self.national[(n * 7) % min(20, len(self.national))]
        return f"{self.kinds[n % len(self.kinds)]} số {n}", issuer


def report(world: World, i: int) -> Extraction:
    """Report i (deterministic): a dated meeting in a province, attendees, a directive, a byline,
    then prose no fact is drawn from."""
    rnd = random.Random(i)
    p = world._province(rnd)
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
    pool = world.pool(p, i)
    for off in rnd.sample(pool, min(len(pool), rnd.randint(3, 8))):
        ev = add(f"Tham dự có {off.role} {off.body} {off.name}.")
        person, org = ent("Person", off.name, ev), ent("Organization", off.body, ev)
        rels.append(Relation("HOLDS_POSITION", person, org, {"role": off.role}, [ev], 0.9))
        rels.append(Relation("ATTENDED", person, event, {}, [ev], 0.8))
        if off.body in world.parent:
            pev = add(f"{off.body} trực thuộc {world.parent[off.body]}.")
            rels.append(Relation("PART_OF", ent("Organization", off.body, pev),
                                 ent("Organization", world.parent[off.body], pev), {}, [pev], 0.9))
    name, issuer = world.directive(rnd, i)
    dev = add(f"{host} triển khai {name} của {issuer} về {rnd.choice(TOPICS)}, áp dụng đối với {world.bodies[p][1]}.")
    kind, _, number = name.partition(" số ")
    d = ent("Directive", name, dev, kind=kind, number=number)
    rels.append(Relation("ISSUED_BY", d, ent("Organization", issuer, dev), {}, [dev], 0.9))
    rels.append(Relation("IMPLEMENTS", ent("Organization", host, dev), d, {}, [dev], 0.7))
    rels.append(Relation("APPLIES_TO", d, ent("Organization", world.bodies[p][1], dev), {}, [dev], 0.7))
    by = add(f"Tin và ảnh: {rnd.choice(world.authors)}")
    author = ent("Person", by.text.split(": ", 1)[1], by)
    body = " ".join(rnd.choice(world.words) for _ in range(world.params.body_words))
    text = "\n".join([*parts, body])
    info = DocumentInfo(doc, title=title, date=date, paths=[doc])
    report_ent = Entity("doc", "Document", title, props={"date": date})
    rels.append(Relation("AUTHORED", author, report_ent.id, {}, [by], 0.8))
    return Extraction(info, text, [*ents.values(), report_ent], rels)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest(store: Store, files: list[Path], world: World, slice_size: int) -> tuple[float, int, list[float]]:
    """(seconds, reports put, seconds of each slice of `slice_size` files), in kg ingest's batches."""
    started, n, slices = time.perf_counter(), 0, []
    mark = started
    with store.batch():
        for i, path in enumerate(files):
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            if store.document_status(path.name, sha) != "unchanged":
                ex = report(world, i)
                ex.document.sha256 = sha
                store.put(ex)
                n += 1
            if (i + 1) % slice_size == 0 or i + 1 == len(files):
                now = time.perf_counter()
                slices.append(now - mark)
                mark = now
    return time.perf_counter() - started, n, slices


def _components(path: Path, reports: int) -> list[tuple[str, int]]:
    """Bytes on disk of each part of a store: kg.sqlite's tables (each with its indexes, from
    SQLite's dbstat), its write-ahead log, and the derived stores."""
    out: list[tuple[str, int]] = []
    conn = sqlite3.connect(f"file:{path / 'kg.sqlite'}?mode=ro", uri=True)
    try:
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"))
        sizes: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name) or (name.split("_autoindex_")[1].rsplit("_", 1)[0] if "_autoindex_" in name
                                        else name)
            sizes[table] = sizes.get(table, 0) + size
    except sqlite3.OperationalError:  # an SQLite built without dbstat: the file as a whole
        sizes = {"(all tables)": (path / "kg.sqlite").stat().st_size}
    finally:
        conn.close()
    free = (path / "kg.sqlite").stat().st_size - sum(sizes.values())
    out += [(f"kg.sqlite {t}", b) for t, b in sorted(sizes.items(), key=lambda kv: -kv[1])]
    out.append(("kg.sqlite free pages", max(0, free)))
    wal = path / "kg.sqlite-wal"
    out.append(("kg.sqlite-wal", wal.stat().st_size if wal.exists() else 0))
    for kind in ("rdf", "cypher"):
        total = 0
        for folder in (path / "derived").glob(f"{kind}-*"):
            if folder.is_dir():
                total += sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        out.append((f"derived/{kind}", total))
    return out


def _params(store: Store) -> dict[str, dict[str, str]]:
    """Values for the documented queries, taken from the store (so every query has rows)."""
    one = lambda q: query.cypher(store, q).rows[0][0]  # noqa: E731
    person = one("MATCH (p:Person)-[h:HOLDS_POSITION]->() WHERE h.since IS NOT NULL "
                 "RETURN p.name, count(h) AS n ORDER BY n DESC, p.name LIMIT 1")
    # a post held by several people, and the first year one of them held it (a date in their intervals)
    role, body, since, _ = query.cypher(store, "MATCH (:Person)-[h:HOLDS_POSITION]->(o:Organization) "
                                            "WHERE h.since IS NOT NULL RETURN h.role, o.name, min(h.since) AS s, "
                                            "count(*) AS n ORDER BY n DESC, o.name, h.role LIMIT 1").rows[0]
    out = {
        "attendees": {"event": one("MATCH (:Person)-[:ATTENDED]->(e:Event) RETURN e.name LIMIT 1")},
        "bodies_under": {"body": one("MATCH (s:Organization)-[:PART_OF]->(o:Organization) "
                                     "RETURN o.name, count(s) AS n ORDER BY n DESC, o.name LIMIT 1")},
        "directives_for_body": {"body": one("MATCH (:Directive)-[:APPLIES_TO]->(o) RETURN o.name LIMIT 1")},
        "posts_of_person": {"person": person},
        "posts_in_english": {"person": person},
        "reports_for_fact": dict(zip(("source", "target"), query.cypher(
            store, "MATCH (d:Directive)-[:ISSUED_BY]->(o) RETURN d.name, o.name LIMIT 1").rows[0], strict=True)),
        "holders_on_date": {"role": role, "body": body, "date": since[:4]},
        "posts_on_date": {"person": person, "date": _latest_year(store, person)},
    }
    became = query.cypher(store, "MATCH (b:Organization)-[:BECAME]->() RETURN b.name ORDER BY b.name LIMIT 1").rows
    if became:  # successions exist only between bodies the reports name (kg.succession)
        out["successors_of_body"] = {"body": became[0][0]}
    return out


def _latest_year(store: Store, person: str) -> str:
    """The year `person` began their latest post: on that date every post they hold has begun."""
    rows = query.cypher(store, "MATCH (p:Person)-[h:HOLDS_POSITION]->() WHERE p.name = $person "
                               "AND h.since IS NOT NULL RETURN max(h.since)", {"person": person}).rows
    return rows[0][0][:4]


def _values(q: dict[str, Any], params: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The values a documented query runs with: the store's, else the documented ones. Never a parameter
    left out: SPARQL reads an unbound ?body as any body, Cypher a missing $body as null (no body), and
    successors_of_body gave 11 rows in SPARQL and 0 in Cypher on one store that way."""
    return {**(q.get("params") or {}), **params.get(q["name"], {})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--reports", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    ap.add_argument("--slice", type=int, default=1000, help="reports per measured slice (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--term", type=int, default=3000, help="reports an official stays in the pool (default 3000)")
    ap.add_argument("--body-words", type=int, default=400, help="words of prose per report (default 400)")
    ap.add_argument("--repeat", type=int, default=20, help="runs of each query for the p50 (default 20)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT,
                    help=f"seconds a query may take before it is reported as timeout (default {TIMEOUT:.0f})")
    ap.add_argument("--no-derived", action="store_true", help="measure ingest and kg.sqlite only")
    ap.add_argument("--new-reports", type=int, default=3,
                    help="reports added one at a time after the first ingest, each timed until queryable (default 3)")
    ap.add_argument("--keep", type=Path, help="keep the store in this folder (must not exist)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    try:
        params = Params(args.reports, args.seed, args.term, body_words=args.body_words)
        world = World(params)
        files = []
        text_bytes = 0
        t = time.perf_counter()
        (work / "reports").mkdir()
        for i in range(args.reports):
            path = work / "reports" / f"r{i:06d}.txt"
            text = report(world, i).text
            path.write_text(text, encoding="utf-8")
            text_bytes += len(text.encode("utf-8"))
            files.append(path)
        print(f"generator: {params}; {len(world.provinces)} provinces; mean report {text_bytes / args.reports:.0f} "
              f"bytes of UTF-8 text; generated in {time.perf_counter() - t:.1f} s")
        path = args.keep or work / "kg-data"
        with Store.open(path) as store:
            first, n, slices = _ingest(store, files, world, args.slice)
            print(f"first ingest: {n} reports in {first:.1f} s, {n / first:.0f} reports/s (reading, hashing, "
                  "generating the extraction and store.put, in batches as kg ingest writes)")
            for k, seconds in enumerate(slices):
                lo, hi = k * args.slice, min((k + 1) * args.slice, args.reports)
                print(f"  reports {lo:>7,}-{hi:>7,}: {(hi - lo) / seconds:6.0f}/s, time {seconds / slices[0]:.2f}x "
                      f"the first slice's")
            print(f"peak memory after ingest: {_rss_mb():.0f} MB")
            second, n2, _ = _ingest(store, files, world, args.slice)
            print(f"no-op re-ingest: {n2} reports stored, {second:.2f} s = {100 * second / first:.1f}% of the first "
                  f"(target <= 5%)")
            stats = store.stats()
            print(f"graph: {stats['entities_total']} entities, {stats['relations_total']} relations")
            if not args.no_derived:
                built = {}
                for kind in ("rdf", "cypher"):
                    t = time.perf_counter()
                    getattr(store.derived, kind)()
                    built[kind] = time.perf_counter() - t
                    print(f"built the derived {kind} store in {built[kind]:.1f} s")
                _one_more(store, world, args.reports, built, args.new_reports)
        with Store.open(path) as store:  # closed once: the write-ahead log is checkpointed
            pass
        parts = _components(path, args.reports)
        total = sum(b for _, b in parts)
        print(f"size on disk: {total / 1e6:.1f} MB, {total / args.reports / 1024:.1f} KB per report "
              f"(target <= 20 KB); by component, bytes per report:")
        for name, size in parts:
            if size:
                print(f"  {name:34} {size / args.reports:8.0f}  {100 * size / total:5.1f}%")
        print(f"peak memory: {_rss_mb():.0f} MB")
        if not args.no_derived:
            _queries(path, args.repeat, args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _serve(path: str, conn: Connection) -> None:
    """The worker: opens the store, says "ready", then times each (language, query, values, repeat,
    budget) it is sent until the pipe closes. Replies ("ok", seconds of each run, rows) or ("failed", why)."""
    with Store.open(Path(path), create=False) as store:
        store.derived.rdf(), store.derived.cypher()  # opened before any query's time starts
        conn.send("ready")
        while True:
            try:
                lang, text, values, repeat, budget = conn.recv()
            except EOFError:
                return
            run = query.sparql if lang == "sparql" else query.cypher
            try:
                t = time.perf_counter()
                rows = run(store, text, values).rows
                times = [time.perf_counter() - t]
                # a slow query: its one run is the figure; repeats stop before they could reach the time limit
                for _ in range(repeat if times[0] < SLOW else 0):
                    if sum(times) + times[-1] > budget:
                        break
                    t = time.perf_counter()
                    run(store, text, values)
                    times.append(time.perf_counter() - t)
            except KgError as exc:
                conn.send(("failed", str(exc)))
                continue
            conn.send(("ok", times, rows))


class QueryRunner:
    """Runs queries on a store in a worker process, each within `timeout` seconds.

    A query engine's evaluation cannot be interrupted from Python (pyoxigraph and ladybug run it in
    native code), so a query over its time limit is stopped by killing the worker, and a new worker
    serves the next query."""

    def __init__(self, path: Path, timeout: float = TIMEOUT) -> None:
        self.path, self.timeout = path, timeout
        self._exitcode: int | None = None
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a process holding native stores' threads
        self._start()

    def _start(self) -> None:
        self._conn, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(str(self.path), child), daemon=True)
        self._proc.start()
        child.close()
        # opening the store is not the query's time: wait for it apart (generously, it is one open)
        try:
            ready = self._conn.poll(max(60.0, self.timeout)) and self._conn.recv() == "ready"
        except EOFError:  # the worker died starting
            ready = False
        if not ready:
            self.close()
            raise RuntimeError(f"the query worker did not open {self.path}")

    def run(self, lang: str, text: str, values: dict[str, Any], repeat: int = 0) -> tuple[str, Any, Any]:
        """("ok", seconds of each run, rows), ("failed", why, None) or ("timeout", None, None)."""
        self._conn.send((lang, text, values, repeat, self.timeout / 2))
        try:
            if not self._conn.poll(self.timeout):
                self._restart()
                return "timeout", None, None
            reply = self._conn.recv()
        except EOFError:  # the engine crashed the worker: say so, and go on with a new one
            self._restart()
            return "failed", f"the worker process died (exit code {self._exitcode})", None
        return reply if reply[0] == "ok" else (reply[0], reply[1], None)

    def _restart(self) -> None:
        self._proc.kill()
        self._proc.join()
        self._exitcode = self._proc.exitcode
        self._conn.close()
        self._start()

    def close(self) -> None:
        self._conn.close()  # the worker's recv ends: it closes the store and exits
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()

    def __enter__(self) -> QueryRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _one_more(store: Store, world: World, n: int, built: dict[str, float], times: int) -> None:
    """One new report after another into the n-report store: time to store it and for its facts to
    answer SPARQL and Cypher, against the full builds of the same run."""
    print(f"one new report into the {n:,}-report store, until SPARQL and Cypher see its byline "
          f"(full builds in this run: RDF {built['rdf']:.1f} s, Cypher {built['cypher']:.1f} s):")
    for k in range(times):
        ex = report(world, n + k)
        ex.document.sha256 = hashlib.sha256(ex.text.encode("utf-8")).hexdigest()
        t = bench_update.new_report(store, ex)
        print(f"  {ex.document.id}: stored {t.put:.2f} s, SPARQL {t.sparql:.2f} s ({built['rdf'] / t.sparql:.0f}x "
              f"faster than the build), Cypher {t.cypher:.2f} s ({built['cypher'] / t.cypher:.1f}x), "
              f"in all {t.total:.2f} s")


def _queries(path: Path, repeat: int, timeout: float = TIMEOUT) -> None:
    """Print the p50 latency and rows of every documented query in both languages, and any mismatch."""
    with Store.open(path) as store:
        params = _params(store)  # builds the derived stores if they are stale: not inside a query's time limit
    print(f"documented queries, p50 latency (rows); each within {timeout:.0f} s:")
    with QueryRunner(path, timeout) as runner:
        for q in yaml.safe_load(ONTOLOGY.read_text(encoding="utf-8")):
            values = _values(q, params)
            answers = {}
            for lang in ("sparql", "cypher"):
                status, times, rows = runner.run(lang, q[lang], values, repeat)
                if status == "timeout":
                    print(f"  {q['name']:20} {lang:6} timeout (> {timeout:.0f} s)")
                elif status == "failed":
                    print(f"  {q['name']:20} {lang:6} failed: {times}")
                else:
                    print(f"  {q['name']:20} {lang:6} {1000 * statistics.median(times):8.2f} ms  ({len(rows)} rows)")
                    answers[lang] = rows
            if len(answers) == 2 and answers["sparql"] != answers["cypher"]:  # one graph: the same answer
                counts = {lang: len(rows) for lang, rows in answers.items()}
                print(f"  {q['name']:20} MISMATCH: SPARQL and Cypher gave different rows {counts}")


if __name__ == "__main__":
    main()
