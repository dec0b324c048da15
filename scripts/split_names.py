#!/usr/bin/env python
"""Names split into several persons, and the seeded namesake check (issue 16, "Resolution uses time").

Ingests files 00001-01500 of a corpus folder (default ../shared/corpus-news) into temporary stores
with kg's library: first the files SOURCES.tsv dates (a copy of that store is the "dated" store),
then the rest (the "all" store). For each store it prints:

- names that hold posts: person name keys with at least one mention holding a post;
- split: those whose mentions are more than one person entity, and the most entities of one name;
- the seeded list (tests/fixtures/namesakes.yaml, judged blind): each `different` pair must be two
  entities and each `same` pair one; a pair whose mention kg does not find is "not found".

    .venv/bin/python scripts/split_names.py                       # ingest (~15 min on 2 cores), then count
    .venv/bin/python scripts/split_names.py --keep /tmp/split     # keep the stores for later runs
    .venv/bin/python scripts/split_names.py --keep /tmp/split --reresolve   # re-resolve kept stores, count
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from kg.ingest import ingest
from kg.resolve import person_key
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "namesakes.yaml"


def corpus_files(corpus: Path, first: int, last: int) -> tuple[list[Path], list[Path]]:
    """(dated, undated) files in the range, dated as SOURCES.tsv says."""
    dates: dict[str, str] = {}
    with open(corpus / "SOURCES.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            dates[row["file"]] = (row.get("date") or "").strip()
    dated, undated = [], []
    for n in range(first, last + 1):
        path = corpus / f"{n:05d}.txt"
        if path.exists():
            (dated if dates.get(path.name) else undated).append(path)
    return dated, undated


def build(corpus: Path, where: Path, jobs: int | None) -> None:
    dated, undated = corpus_files(corpus, 1, 1500)
    print(f"ingesting {len(dated)} dated + {len(undated)} undated files into {where}")
    with Store.open(where / "all") as store:
        ingest(dated, store, jobs=jobs)
    src = sqlite3.connect(where / "all" / "kg.sqlite")
    (where / "dated").mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(where / "dated" / "kg.sqlite")
    src.backup(dst)
    dst.close()
    src.close()
    with Store.open(where / "all") as store:
        ingest(undated, store, jobs=jobs)


def split_names(conn: sqlite3.Connection) -> tuple[int, int, int, Counter[str]]:
    """(names holding posts, of them split, most entities of one name, entities per split name)."""
    holds: set[str] = set()
    gids: dict[str, set[str]] = defaultdict(set)
    for key, gid, context in conn.execute("SELECT key, gid, context FROM mentions WHERE type='Person'"):
        gids[key].add(gid)
        if '"orgs"' in context and '"orgs":[]' not in context.replace(" ", ""):
            holds.add(key)
    split = Counter({k: len(gids[k]) for k in holds if len(gids[k]) > 1})
    return len(holds), len(split), max(split.values(), default=1), split


def check_pairs(conn: sqlite3.Connection, doc_of: dict[str, str]) -> dict[str, list[str]]:
    """Outcome of each seeded pair: ok / wrong / not found, with a line per pair."""
    pairs = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["pairs"]
    out: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        key = person_key(unicodedata.normalize("NFC", p["name"]))
        sides = []
        for side in ("a", "b"):
            doc = doc_of.get(p[side]["file"])
            rows = conn.execute("SELECT gid FROM mentions WHERE type='Person' AND key=? AND doc=?", (key, doc))
            sides.append({r[0] for r in rows})
        line = f"{p['judgement']:9} {p['name']}: {p['a']['file']} / {p['b']['file']}"
        if not (sides[0] and sides[1]):
            out["not found"].append(line)
            continue
        one = bool(sides[0] & sides[1])
        ok = one if p["judgement"] == "same" else not one
        out[f"{p['judgement']} {'ok' if ok else 'wrong'}"].append(line)
    return out


def report(name: str, path: Path, verbose: bool) -> None:
    conn = sqlite3.connect(path / "kg.sqlite")
    docs, dated = conn.execute("SELECT COUNT(*), COUNT(NULLIF(date, '')) FROM documents").fetchone()
    holding, split, most, per = split_names(conn)
    top = ", ".join(f"{k} {n}" for k, n in per.most_common(5))
    print(f"{name}: {docs} reports ({dated} dated by kg); names holding posts {holding}, split {split}, "
          f"most entities of one name {most} ({top})")
    doc_of = {Path(p).name: d for p, d in conn.execute("SELECT path, doc FROM paths")}
    outcome = check_pairs(conn, doc_of)
    print("  seeded pairs: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(outcome.items())))
    for kind in sorted(outcome):
        if "wrong" in kind or (verbose and kind == "not found"):
            for line in outcome[kind]:
                print(f"    {kind}: {line}")
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus-news"), help="(default: from the repo)")
    ap.add_argument("--keep", type=Path, help="folder for the stores (reused when it holds them)")
    ap.add_argument("--reresolve", action="store_true", help="re-resolve the kept stores' persons first")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the pairs kg does not find")
    args = ap.parse_args()
    tmp = None
    where = args.keep
    if where is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-split-")
        where = Path(tmp.name)
    if not (where / "all" / "kg.sqlite").exists():
        build(args.corpus, where, args.jobs)
    elif args.reresolve:
        for name in ("dated", "all"):
            with Store.open(where / name) as store:
                store.reresolve_persons()
    for name in ("dated", "all"):
        report(name, where / name, args.verbose)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
