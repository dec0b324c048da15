#!/usr/bin/env python
"""Extraction throughput of kg against underthesea's word tokenizer, on the same reports.

Generates a corpus of synthetic reports (scripts/synth_reports.py: 2-8 KB each, from kg's
gazetteers), then in the same run times `kg.extract.extract` on every report and
`underthesea.word_tokenize` on the same texts (all of them, or the first --tokenizer-reports;
kg's time on exactly those reports is then used for the ratio). The two are timed report by
report, interleaved (alternating which goes first), so both see the same machine load: the
ratio stays meaningful on a shared machine. Both are warmed up once first: the first call loads
data files and models. KB = 1024 bytes of UTF-8 text. Target (issue 2): kg extraction at least
3x the tokenizer's throughput.

    .venv/bin/python scripts/bench_extract.py [--reports 1000] [--seed 0] [--profile 25] [--check]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from synth_reports import Report, generate

from kg.extract import extract
from kg.model import DocumentInfo

TARGET = 3.0


def _progress(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and (done == total or done % max(1, total // 20) == 0):
        print(f"\r  {label}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)


def timed_passes(reports: Sequence[Report], runs: Sequence[Callable[[Report], object]],
                 both: int) -> list[list[float]]:
    """Seconds each of `runs` spends on each report: all runs on the first `both` reports,
    alternating which goes first; only the first run on the rest. Progress is not timed."""
    gc.collect()
    times: list[list[float]] = [[] for _ in runs]
    for i, report in enumerate(reports):
        order = list(range(len(runs) if i < both else 1))
        for k in order if i % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            runs[k](report)
            times[k].append(time.perf_counter() - start)
        _progress("kg extract + underthesea word_tokenize", i + 1, len(reports))
    return times


def rate(reports: Sequence[Report], seconds: float) -> tuple[float, float]:
    kb = sum(len(r.text.encode("utf-8")) for r in reports) / 1024
    return kb, kb / seconds if seconds else float("inf")


def profile_kg(reports: Sequence[Report], top: int) -> None:
    """Where kg's time goes: functions in kg/ by own time, and by time including callees."""
    prof = cProfile.Profile()
    prof.enable()
    for r in reports:
        extract(r.text, DocumentInfo(id=r.id))
    prof.disable()
    kg_dir = str(Path(__file__).resolve().parent.parent / "kg")
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = [(key, v) for key, v in stats.stats.items()]  # type: ignore[attr-defined]
    for title, idx in (("own time (tottime)", 2), ("including callees (cumtime)", 3)):
        print(f"\nProfile over {len(reports)} reports, {total:.2f} s total; top {top} by {title}:")
        print(f"  {'own s':>7} {'cum s':>7} {'%own':>5} {'calls':>9}  function")
        chosen = sorted(rows, key=lambda kv: kv[1][idx], reverse=True)
        if idx == 3:
            chosen = [kv for kv in chosen if kv[0][0].startswith(kg_dir)]
        for (path, line, func), (_cc, calls, tt, ct, _callers) in chosen[:top]:
            where = os.path.relpath(path, Path(kg_dir).parent) if path.startswith("/") else path
            print(f"  {tt:7.3f} {ct:7.3f} {100 * tt / total:5.1f} {calls:9d}  {where}:{line} {func}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=1000, help="synthetic reports to generate (default 1000)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--tokenizer-reports", type=int, default=0,
                    help="time the tokenizer on only the first N reports (default: all)")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="after timing, profile kg on up to 200 reports and print the top N functions")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the target is missed or nothing is extracted")
    args = ap.parse_args()
    if args.reports < 1:
        ap.error("--reports must be at least 1")

    import underthesea
    from underthesea import word_tokenize

    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"underthesea {underthesea.__version__}")
    start = time.perf_counter()
    reports = list(generate(args.reports, args.seed))
    sizes = [len(r.text.encode("utf-8")) for r in reports]
    print(f"Corpus: {len(reports)} synthetic reports (seed {args.seed}), {sum(sizes) / 1024:.1f} KB, "
          f"{min(sizes)}-{max(sizes)} bytes each; generated in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    extract(reports[0].text, DocumentInfo(id=reports[0].id))
    warm_kg = time.perf_counter() - start
    start = time.perf_counter()
    word_tokenize(reports[0].text)
    warm_tok = time.perf_counter() - start
    print(f"Warm-up (first call, not counted): kg {warm_kg:.2f} s, underthesea {warm_tok:.2f} s")

    entities: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    empty = 0

    def run_kg(r: Report) -> None:
        nonlocal empty
        result = extract(r.text, DocumentInfo(id=r.id))
        entities.update(e.type for e in result.entities)
        relations.update(x.type for x in result.relations)
        empty += not result.relations

    subset = reports[: args.tokenizer_reports] if 0 < args.tokenizer_reports < len(reports) else reports
    kg_times, tok_times = timed_passes(reports, [run_kg, lambda r: word_tokenize(r.text)], len(subset))

    kg_kb, kg_rate = rate(reports, sum(kg_times))
    sub_kb, kg_sub_rate = rate(subset, sum(kg_times[: len(subset)]))
    _, tok_rate = rate(subset, sum(tok_times))
    print(f"\nEntities: {sum(entities.values())} ({', '.join(f'{k} {v}' for k, v in entities.most_common())})")
    print(f"Relations: {sum(relations.values())} ({', '.join(f'{k} {v}' for k, v in relations.most_common())})")
    print(f"Reports with no relation: {empty} of {len(reports)}")
    print(f"\n{'':28}{'reports':>8}{'KB':>10}{'seconds':>10}{'KB/s':>10}")
    print(f"{'kg extract':28}{len(reports):8d}{kg_kb:10.1f}{sum(kg_times):10.2f}{kg_rate:10.1f}")
    if subset is not reports:
        print(f"{'kg extract (same subset)':28}{len(subset):8d}{sub_kb:10.1f}"
              f"{sum(kg_times[: len(subset)]):10.2f}{kg_sub_rate:10.1f}")
        print(f"(tokenizer timed on the first {len(subset)} reports only; the ratio uses kg on those)")
    print(f"{'underthesea word_tokenize':28}{len(subset):8d}{sub_kb:10.1f}{sum(tok_times):10.2f}{tok_rate:10.1f}")
    ratio = kg_sub_rate / tok_rate
    met = ratio >= TARGET
    print(f"\nRatio kg / underthesea: {ratio:.2f}x  (target >= {TARGET:.0f}x: {'MET' if met else 'NOT MET'})")
    if args.profile:
        profile_kg(reports[:200], args.profile)
    return 0 if (met and entities) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
