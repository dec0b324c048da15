#!/usr/bin/env python
"""Whole-process extraction speed on real reports against underthesea's word tokenizer.

Copies the reports of ../shared/corpus (the six real reports) --copies times into a temporary
folder, then times the whole process `kg extract FOLDER --format jsonl` (start-up included, one
job) and, in one warmed-up process of this script (import excluded), `underthesea.word_tokenize`
over the same texts. Prints KB/s of each and their ratio; target (issue 12): kg at least 3x.
Each side is run --repeat times and the best time kept, so a busy machine hurts both alike.

    .venv/bin/python scripts/bench_extract_cli.py [--copies 40] [--repeat 3] [--check]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of each report (6 reports: 40 gives 240)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--check", action="store_true", help="exit 1 when the ratio is under the target")
    args = parser.parse_args()
    reports = sorted(args.corpus.glob("*.txt"))
    if not reports:
        print(f"{args.corpus}: no .txt reports", file=sys.stderr)
        return 2
    kg = Path(sys.executable).parent / "kg"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        texts = []
        for k in range(args.copies):
            for r in reports:
                shutil.copy(r, folder / f"{r.stem}-{k:03d}.txt")
                texts.append(r.read_text(encoding="utf-8"))
        kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
        kg_s = min(_time_kg(kg, folder, Path(tmp) / "out.jsonl") for _ in range(args.repeat))
    from underthesea import word_tokenize

    word_tokenize(texts[0])  # loads its model: not timed
    uts_s = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for t in texts:
            word_tokenize(t)
        uts_s = min(uts_s, time.perf_counter() - t0)
    ratio = (kb / kg_s) / (kb / uts_s)
    print(f"{len(texts)} reports, {kb:.0f} KB")
    print(f"kg extract (whole process, 1 job): {kg_s:.2f} s, {kb / kg_s:.0f} KB/s")
    print(f"underthesea.word_tokenize (warm):  {uts_s:.2f} s, {kb / uts_s:.0f} KB/s")
    print(f"ratio {ratio:.2f}x (target >= {TARGET:.0f}x)")
    return 1 if args.check and ratio < TARGET else 0


def _time_kg(kg: Path, folder: Path, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(kg), "extract", str(folder), "--format", "jsonl", "-o", str(out)], check=True)
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
