r"""Precision audit of kg's extractor at scale: sample relations, judge them by hand, report precision.

Three steps (see docs/audit.md for how to judge):

    # 1. run kg's extractor over the corpus (held-out gold reports skipped) and draw N relations per type
    python scripts/audit_extract.py sample --corpus ../shared/corpus-news --per-type 30 --seed 2026 --out audit/

    # 2. read audit/to_judge.md, write judged.txt: one line `<item number> <label> [reason]`
    #    label: correct / wrong / unsure; reason: wrong-source, wrong-target, wrong-type, wrong-role,
    #    foreign, not-stated, ...   then turn it into a judgement file that holds no report text:
    python scripts/audit_extract.py record --items audit/items.jsonl --judged judged.txt \
        --out docs/audit/judgements-YYYY-MM-DD.tsv

    # 3. precision per type, unsure excluded, with 95% Wilson intervals
    python scripts/audit_extract.py report docs/audit/judgements-*.tsv

The sample is deterministic: the same corpus, seed and extractor give the same items in the same
order. audit/ holds report text (to_judge.md) and is kept out of git by its own .gitignore; the
judgement TSV holds only file, offset, type, label and reason.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_GLOB = "tests/fixtures/real*/SAMPLE.tsv"

SCORED_TYPES = (
    "HOLDS_POSITION",
    "ATTENDED",
    "PARTICIPATED_IN",
    "HELD_AT",
    "PART_OF",
    "REPORTS_TO",
    "ISSUED_BY",
    "IMPLEMENTS",
    "APPLIES_TO",
    "AUTHORED",
)
LABELS = ("correct", "wrong", "unsure")
REASONS = {
    "wrong-source": "the source entity is not the one the sentence relates (or not an entity at all)",
    "wrong-target": "the target entity is not the one the sentence relates (or not an entity at all)",
    "wrong-type": "the two are related, but not by this relation type (or the direction is reversed)",
    "wrong-role": "HOLDS_POSITION / AUTHORED: right person and body, wrong role or former flag",
    "foreign": "a foreign person or body read as Vietnam's (Thủ tướng Singapore -> Chính phủ), or the reverse",
    "not-stated": "the text does not state it (nor does a Vietnamese reader take it from the text)",
}
REASON_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")  # a code, never free text: judgement files hold no text
SOURCE_MARK = ("«", "»")
TARGET_MARK = ("⟦", "⟧")
TSV_COLUMNS = ("file", "offset", "type", "label", "reason")
Z95 = 1.959963984540054


# --------------------------------------------------------------------------------------- sample


@dataclass(frozen=True)
class Candidate:
    """One extracted relation, with what a judge needs to see."""

    type: str
    file: str
    offset: int
    source: str
    source_type: str
    target: str
    target_type: str
    props: tuple[tuple[str, Any], ...]
    sentence: str  # the evidence sentence with both surface forms marked

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file, self.offset, self.source, self.target, json.dumps(self.props, ensure_ascii=False))


def heldout_files(patterns: Sequence[Path] | None = None) -> set[str]:
    """File names in the first column of the held-out gold samples (tests/fixtures/real*/SAMPLE.tsv)."""
    paths = list(patterns) if patterns is not None else sorted(ROOT.glob(HELDOUT_GLOB))
    names: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            first = line.split("\t", 1)[0].strip()
            if first and first != "file" and not first.startswith("#"):
                names.add(first)
    return names


def corpus_files(corpus: Path, skip: set[str]) -> tuple[list[Path], list[Path]]:
    """(files to read, held-out files skipped): every .txt under corpus, in a fixed order."""
    files = sorted(corpus.rglob("*.txt"), key=lambda p: p.relative_to(corpus).as_posix())
    keep = [p for p in files if p.name not in skip and p.relative_to(corpus).as_posix() not in skip]
    return keep, [p for p in files if p not in keep]


def _spans_of(entity: Any, doc: str, start: int, end: int) -> list[tuple[int, int]]:
    if entity is None:
        return []
    return sorted({(ev.start, ev.end) for ev in entity.evidence
                   if ev.doc == doc and start <= ev.start < ev.end <= end})


def _find_names(entity: Any, sentence: str, base: int) -> list[tuple[int, int]]:
    """Fallback when the entity has no mention inside the evidence: its name or an alias as written."""
    if entity is None:
        return []
    spans: list[tuple[int, int]] = []
    for form in sorted({entity.name, *entity.aliases}, key=len, reverse=True):
        if not form:
            continue
        for m in re.finditer(re.escape(form), sentence):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted((base + s, base + e) for s, e in spans)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that overlap a longer one already kept (one entity's mentions)."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
        if not any(s < ke and ks < e for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


def mark(sentence: str, base: int, source: list[tuple[int, int]], target: list[tuple[int, int]]) -> str:
    """The sentence with source mentions in «…» and target mentions in ⟦…⟧ (absolute spans, base = start)."""
    events: list[tuple[int, int, int, int, str]] = []  # (pos, closes first, length order, kind order, marker)
    for kind, (spans, (open_, close)) in enumerate(((source, SOURCE_MARK), (target, TARGET_MARK))):
        for s, e in spans:
            # at one position the longer span opens first and closes last; for equal spans the source is outer
            events.append((s - base, 1, -(e - s), kind, open_))
            events.append((e - base, 0, e - s, -kind, close))
    out, last = [], 0
    for pos, _, _, _, marker in sorted(events):
        out.append(sentence[last:pos])
        out.append(marker)
        last = pos
    out.append(sentence[last:])
    return " ".join("".join(out).split())


def _type_text(entity: Any) -> str:
    """The entity type, with an Event's or a Document's date (to tell the main event from another)."""
    if entity is None:
        return "?"
    date = entity.props.get("date") if entity.type in ("Event", "Document") else None
    return f"{entity.type}, {date}" if date else entity.type


def _choose_evidence(rel: Any, ents: dict[str, Any]) -> Any:
    """The first evidence that mentions both ends, else one ends, else the first."""
    src, tgt = ents.get(rel.source), ents.get(rel.target)
    best, best_score = None, -1
    for ev in rel.evidence:
        score = bool(_spans_of(src, ev.doc, ev.start, ev.end)) + bool(_spans_of(tgt, ev.doc, ev.start, ev.end))
        if score > best_score:
            best, best_score = ev, score
    return best


def candidates(extraction: Any, file: str) -> list[Candidate]:
    """The scored relations of one report's extraction, ready to be shown to a judge."""
    ents = {e.id: e for e in extraction.entities}
    text: str = extraction.text
    out: list[Candidate] = []
    for rel in extraction.relations:
        if rel.type not in SCORED_TYPES:
            continue
        src, tgt = ents.get(rel.source), ents.get(rel.target)
        ev = _choose_evidence(rel, ents)
        props = tuple((k, rel.props[k]) for k in ("role", "former") if k in rel.props)
        if ev is None:
            offset, sentence = -1, "(no evidence)"
        else:
            offset = ev.start
            sentence = text[ev.start:ev.end] if text[ev.start:ev.end] else ev.text
            s_spans = _spans_of(src, ev.doc, ev.start, ev.end) or _find_names(src, sentence, ev.start)
            t_spans = [] if tgt is not None and tgt.type == "Document" else (
                _spans_of(tgt, ev.doc, ev.start, ev.end) or _find_names(tgt, sentence, ev.start))
            sentence = mark(sentence, ev.start, _outermost(s_spans), _outermost(t_spans))
            if not s_spans:
                sentence += "  [source not found in this sentence]"
            if not t_spans and (tgt is None or tgt.type != "Document"):
                sentence += "  [target not found in this sentence]"
        out.append(Candidate(
            type=rel.type, file=file, offset=offset,
            source=src.name if src else rel.source, source_type=_type_text(src),
            target=tgt.name if tgt else rel.target, target_type=_type_text(tgt),
            props=props, sentence=sentence,
        ))
    return out


def collect(files: Sequence[Path], corpus: Path, log: Any = sys.stderr) -> tuple[list[Candidate], list[str]]:
    """Run kg's extractor in-process over the files (as `kg extract` does); (candidates, failures)."""
    from kg.errors import KgError
    from kg.extract import extract_file

    pool: list[Candidate] = []
    failed: list[str] = []
    t0 = time.monotonic()
    for k, path in enumerate(files, 1):
        rel = path.relative_to(corpus).as_posix()
        try:
            pool.extend(candidates(extract_file(path), rel))
        except KgError as exc:
            failed.append(rel)
            print(f"audit: {rel}: {exc}", file=log)
        if k % 100 == 0 or k == len(files):
            print(f"audit: extracted {k}/{len(files)} files, {len(pool)} relations "
                  f"({time.monotonic() - t0:.1f} s)", file=log, flush=True)
    return pool, failed


def draw(pool: Iterable[Candidate], per_type: int, seed: int) -> tuple[list[Candidate], Counter[str]]:
    """N per scored type (fewer if fewer exist), grouped by type in SCORED_TYPES order, shuffled within.

    The pool is sorted first, so the draw depends only on what was extracted, not on the order it came in;
    each type's draw depends only on the seed and that type's pool.
    """
    by_type: dict[str, list[Candidate]] = {t: [] for t in SCORED_TYPES}
    for c in pool:
        by_type[c.type].append(c)
    picked: list[Candidate] = []
    for t in SCORED_TYPES:
        group = sorted(by_type[t], key=Candidate.sort_key)
        rng = random.Random(seed)  # afresh per type: one type's draw does not move when another's pool does
        picked.extend(rng.sample(group, min(per_type, len(group))))
    return picked, Counter({t: len(v) for t, v in by_type.items()})


def _props_text(props: tuple[tuple[str, Any], ...]) -> str:
    parts = []
    for k, v in props:
        if k == "former":
            parts.append("former (nguyên)" if v else "former: false")
        else:
            parts.append(f"{k}: {v}")
    return "; ".join(parts)


def write_sample(out: Path, picked: list[Candidate], sizes: Counter[str], meta: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # to_judge.md quotes the reports: never let it (or items.jsonl, which names what was drawn) into git
    (out / ".gitignore").write_text("# written by scripts/audit_extract.py: report text, do not commit\n*\n",
                                    encoding="utf-8")
    lines = [
        "# Extraction audit: relations to judge",
        "",
        f"Seed {meta['seed']}, {meta['per_type']} per type, corpus `{meta['corpus']}` ({meta['files']} reports read, "
        f"{meta['heldout']} held-out skipped, {meta['failed']} unreadable), extractor `{meta['extractor']}`.",
        "",
        f"Source mentions are marked {SOURCE_MARK[0]}…{SOURCE_MARK[1]}, target mentions "
        f"{TARGET_MARK[0]}…{TARGET_MARK[1]}. Judge each item by the rules in docs/audit.md and write "
        "`judged.txt`, one line per item: `<item number> <label> [reason]`, label correct / wrong / unsure, "
        "reason one of: " + ", ".join(REASONS) + ".",
        "",
    ]
    number = 0
    for t in SCORED_TYPES:
        group = [c for c in picked if c.type == t]
        lines += [f"## {t} ({len(group)} of {sizes[t]} extracted)", ""]
        for c in group:
            number += 1
            lines.append(f"### {number}. {t}")
            lines.append("")
            lines.append(f"- source: **{c.source}** ({c.source_type})")
            lines.append(f"- target: **{c.target}** ({c.target_type})")
            if c.props:
                lines.append(f"- props: {_props_text(c.props)}")
            lines.append(f"- doc: `{c.file}` at {c.offset}")
            lines.append("")
            lines.append(f"> {c.sentence}")
            lines.append("")
    (out / "to_judge.md").write_text("\n".join(lines), encoding="utf-8")
    with (out / "items.jsonl").open("w", encoding="utf-8") as handle:
        for k, c in enumerate(picked, 1):
            handle.write(json.dumps({"item": k, "file": c.file, "offset": c.offset, "type": c.type,
                                     "source": c.source, "target": c.target}, ensure_ascii=False) + "\n")
    (out / "meta.json").write_text(json.dumps({**meta, "extracted": dict(sizes), "items": len(picked)},
                                              ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def cmd_sample(args: argparse.Namespace) -> int:
    from kg.extract.fingerprint import fingerprint

    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"audit: no such corpus folder: {corpus}", file=sys.stderr)
        return 2
    skip = heldout_files(args.heldout)
    files, skipped = corpus_files(corpus, skip)
    print(f"audit: {len(files)} reports in {corpus}, {len(skipped)} held-out skipped", file=sys.stderr)
    pool, failed = collect(files, corpus)
    picked, sizes = draw(pool, args.per_type, args.seed)
    meta = {"seed": args.seed, "per_type": args.per_type, "corpus": str(corpus), "files": len(files),
            "heldout": len(skipped), "failed": len(failed), "extractor": fingerprint()}
    write_sample(args.out, picked, sizes, meta)
    for t in SCORED_TYPES:
        print(f"audit: {t:16} {min(args.per_type, sizes[t]):4} of {sizes[t]}", file=sys.stderr)
    print(f"audit: {len(picked)} items -> {args.out / 'to_judge.md'}, {args.out / 'items.jsonl'}", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------------------- record


class AuditError(Exception):
    """A problem with the user's input files, reported as one line."""


def read_items(path: Path) -> dict[int, dict[str, Any]]:
    items: dict[int, dict[str, Any]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            if not {"item", "file", "offset", "type"} <= rec.keys():
                raise AuditError(f"{path}:{n}: an item needs item, file, offset and type")
            items[int(rec["item"])] = rec
    return items


def read_judged(path: Path) -> dict[int, tuple[str, str]]:
    """`<item> <label> [reason]` lines; blank lines and '#' comments are skipped."""
    judged: dict[int, tuple[str, str]] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        where = f"{path}:{n}"
        if len(parts) not in (2, 3) or not parts[0].isdigit():
            raise AuditError(f"{where}: expected `<item number> <label> [reason]`, got {raw.strip()!r}")
        item, label = int(parts[0]), parts[1].lower()
        reason = parts[2].lower() if len(parts) == 3 else ""
        if label not in LABELS:
            raise AuditError(f"{where}: label must be one of {', '.join(LABELS)}, got {parts[1]!r}")
        if reason and not REASON_RE.match(reason):
            raise AuditError(f"{where}: reason must be a code such as {', '.join(REASONS)}, got {parts[2]!r}")
        if item in judged:
            raise AuditError(f"{where}: item {item} judged twice")
        judged[item] = (label, reason)
    return judged


def record_rows(items: dict[int, dict[str, Any]], judged: dict[int, tuple[str, str]]) -> list[dict[str, str]]:
    unknown = sorted(set(judged) - set(items))
    if unknown:
        raise AuditError(f"judged items not in the sample: {', '.join(map(str, unknown))}")
    rows = []
    for k in sorted(judged):
        label, reason = judged[k]
        it = items[k]
        rows.append({"file": str(it["file"]), "offset": str(it["offset"]), "type": str(it["type"]),
                     "label": label, "reason": reason})
    return rows


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=TSV_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cmd_record(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.force:
        print(f"audit: {args.out} exists; pass --force to overwrite it", file=sys.stderr)
        return 2
    items = read_items(args.items)
    judged = read_judged(args.judged)
    rows = record_rows(items, judged)
    write_tsv(args.out, rows)
    unknown = sorted({r["reason"] for r in rows if r["reason"]} - set(REASONS))
    if unknown:
        print(f"audit: reason codes not in the list (kept): {', '.join(unknown)}", file=sys.stderr)
    missing = len(items) - len(rows)
    print(f"audit: {len(rows)} judgements -> {args.out}" + (f" ({missing} items not judged)" if missing else ""),
          file=sys.stderr)
    return 0


# --------------------------------------------------------------------------------------- report


def cmd_recheck(args: argparse.Namespace) -> int:
    """Re-extract each judged item's report and say, per type, how many correct and how many wrong
    items the current extractor still gives (matched by type and the names of both ends): the
    precision of what is kept, without judging again."""
    from kg.extract import extract_file

    items, judged = read_items(args.items), read_judged(args.judged)
    kept: dict[str, Counter[tuple[str, bool]]] = {}
    found: dict[str, set[tuple[str, str, str]]] = {}
    for number, item in sorted(items.items()):
        label = judged.get(number, ("", ""))[0]
        if label not in ("correct", "wrong"):
            continue
        if item["file"] not in found:
            x = extract_file(args.corpus / item["file"])
            names = {e.id: e.name for e in x.entities}
            found[item["file"]] = {(r.type, names[r.source], names[r.target]) for r in x.relations}
        still = (item["type"], item["source"], item["target"]) in found[item["file"]]
        kept.setdefault(item["type"], Counter())[(label, still)] += 1
    total: Counter[tuple[str, bool]] = Counter()
    for rtype, c in sorted(kept.items()):
        total.update(c)
        print(_recheck_line(rtype, c))
    print(_recheck_line("ALL", total))
    return 0


def _recheck_line(rtype: str, c: Counter[tuple[str, bool]]) -> str:
    ck, cw = c[("correct", True)], c[("wrong", True)]
    return (f"{rtype:16} correct kept {ck}/{ck + c[('correct', False)]}  wrong kept {cw}/{cw + c[('wrong', False)]}"
            f"  precision of what is kept {ck / max(1, ck + cw):.2f}")


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (nan, nan when n == 0)."""
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class Tally:
    correct: int = 0
    wrong: int = 0
    unsure: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def judged(self) -> int:
        return self.correct + self.wrong

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else math.nan

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.correct, self.judged)

    def add(self, label: str, reason: str) -> None:
        setattr(self, label, getattr(self, label) + 1)
        if reason and label != "correct":
            self.reasons[reason] += 1


def read_judgements(paths: Sequence[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
            missing = {"file", "offset", "type", "label"} - set(reader.fieldnames or ())
            if missing:
                raise AuditError(f"{path}: missing columns {', '.join(sorted(missing))}")
            for n, row in enumerate(reader, 2):
                label = (row.get("label") or "").strip().lower()
                if label not in LABELS:
                    raise AuditError(f"{path}:{n}: label must be one of {', '.join(LABELS)}, got {row.get('label')!r}")
                rows.append({"type": (row.get("type") or "").strip(), "label": label,
                             "reason": (row.get("reason") or "").strip()})
    return rows


def summarize(rows: Iterable[dict[str, str]]) -> tuple[dict[str, Tally], Tally]:
    """Per-type tallies (scored types first, in their order, then any others) and the overall one."""
    per: dict[str, Tally] = {}
    overall = Tally()
    for row in rows:
        per.setdefault(row["type"], Tally()).add(row["label"], row.get("reason", ""))
        overall.add(row["label"], row.get("reason", ""))
    order = [t for t in SCORED_TYPES if t in per] + sorted(t for t in per if t not in SCORED_TYPES)
    return {t: per[t] for t in order}, overall


def _fmt(x: float) -> str:
    return "    -" if math.isnan(x) else f"{x:.3f}"


def format_report(per: dict[str, Tally], overall: Tally) -> str:
    head = f"{'type':16} {'correct':>7} {'wrong':>5} {'unsure':>6} {'P':>6}  95% Wilson   wrong because"
    lines = [head]
    for name, t in [*per.items(), ("ALL", overall)]:
        lo, hi = t.interval
        why = ", ".join(f"{r} {c}" for r, c in sorted(t.reasons.items(), key=lambda rc: (-rc[1], rc[0])))
        lines.append(f"{name:16} {t.correct:7} {t.wrong:5} {t.unsure:6} {_fmt(t.precision):>6}  "
                     f"[{_fmt(lo)}, {_fmt(hi)}]  {why}".rstrip())
    lines.append("P = correct / (correct + wrong); unsure items are excluded from P and counted apart. "
                 "ALL pools the sample (N per type), so it weighs every type alike, not as the corpus does.")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    per, overall = summarize(read_judgements(args.judgements))
    if args.json:
        data = {name: {"correct": t.correct, "wrong": t.wrong, "unsure": t.unsure,
                       "precision": None if math.isnan(t.precision) else round(t.precision, 4),
                       "wilson95": None if not t.judged else [round(x, 4) for x in t.interval],
                       "reasons": dict(t.reasons)}
                for name, t in [*per.items(), ("ALL", overall)]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(per, overall))
    return 0


# --------------------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("sample", help="extract the corpus and draw relations to judge")
    s.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-news",
                   help="folder of .txt reports (default: ../shared/corpus-news)")
    s.add_argument("--per-type", type=int, default=30, help="relations per scored type (default 30)")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--out", type=Path, default=Path("audit"), help="output folder (default audit/)")
    s.add_argument("--heldout", type=Path, action="append", default=None, metavar="SAMPLE_TSV",
                   help=f"held-out list (file names in the first column); default {HELDOUT_GLOB}")
    s.set_defaults(func=cmd_sample)

    r = sub.add_parser("record", help="turn judged.txt into a judgement TSV (no report text)")
    r.add_argument("--items", type=Path, required=True, help="items.jsonl written by sample")
    r.add_argument("--judged", type=Path, required=True, help="lines `<item number> <label> [reason]`")
    r.add_argument("--out", type=Path, required=True, help="e.g. docs/audit/judgements-YYYY-MM-DD.tsv")
    r.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    r.set_defaults(func=cmd_record)

    c = sub.add_parser("recheck", help="which judged items the current extractor still gives")
    c.add_argument("--items", type=Path, required=True, help="items.jsonl written by sample")
    c.add_argument("--judged", type=Path, required=True, help="lines `<item number> <label> [reason]`")
    c.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-news")
    c.set_defaults(func=cmd_recheck)

    p = sub.add_parser("report", help="precision per type from judgement TSVs")
    p.add_argument("judgements", type=Path, nargs="+")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "per_type", 1) < 1:
        print("audit: --per-type must be at least 1", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except (AuditError, OSError, json.JSONDecodeError) as exc:
        print(f"audit: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
