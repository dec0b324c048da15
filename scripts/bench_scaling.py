#!/usr/bin/env python
"""Does extraction time grow linearly with the size of one file? (issue 13)

For each size (default 0.1, 1, 5 and 20 MB) it extracts, in a fresh child process (start-up not
timed), two texts of that size: real reports from ../shared/corpus-news concatenated (distinct
reports first, repeated only once the corpus runs out) and one sentence repeated. It prints the
seconds and seconds per MB of each, the peak resident memory of the child, a least-squares fit
seconds = a * MB + b per kind, the ratio of the per-MB cost at the largest size to that at 1 MB
(target <= 1.5) and a fit of peak memory = a * MB + b.

    .venv/bin/python scripts/bench_scaling.py [--sizes 0.1 1 5 20] [--check]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus-news"
TARGET = 1.5
SENTENCE = ("Sáng 28/8, Thường trực Đảng ủy Khối các cơ quan Trung ương làm việc với Ban Thường vụ Đảng ủy "
            "cơ quan Văn phòng Quốc hội. ")

# runs in the child: build the text, extract it, report time and peak memory
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, size, news, sentence = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
n = int(size * 1024 * 1024)
if kind == "real":
    held = set()
    for sample in Path(sys.argv[5]).glob("tests/fixtures/real*/SAMPLE.tsv"):
        held |= {line.split("\t")[0] for line in sample.read_text().splitlines()[1:]}
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(news.glob("*.txt")) if p.name not in held]
    parts, total, k = [], 0, 0
    while total < n:
        parts.append(texts[k % len(texts)]); total += len(parts[-1].encode()); k += 1
    text = "\n\n".join(parts)
else:
    text = sentence * (n // len(sentence.encode()) + 1)
text = text.encode()[:n].decode("utf-8", "ignore")
from kg.extract.pipeline import extract_document
from kg.model import DocumentInfo
extract_document("Sáng 1/1/2024, Bộ Y tế họp.", DocumentInfo(id="warm"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
x = extract_document(text, DocumentInfo(id="big.txt"))
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "grown_mb": (peak - before) / 1024,
                  "entities": len(x.entities), "relations": len(x.relations)}))
"""


def run(kind: str, size: float) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(size), str(NEWS), SENTENCE, str(ROOT)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return a, my - a * mx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 5, 20], help="sizes in MB")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if a ratio exceeds {TARGET}")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"bench_scaling: {NEWS} not found (the shared news corpus)", file=sys.stderr)
        return 2
    worst = 0.0
    for kind in ("real", "repeat"):
        rows = []
        for size in args.sizes:
            r = run(kind, size)
            rows.append((size, r))
            print(f"{kind:6} {size:6.1f} MB  {r['seconds']:8.2f} s  {r['seconds'] / size:6.2f} s/MB  "
                  f"peak {r['peak_mb']:7.1f} MB (+{r['grown_mb']:.1f})  {r['entities']} entities, "
                  f"{r['relations']} relations", flush=True)
        sizes = [s for s, _ in rows]
        a, b = fit(sizes, [r["seconds"] for _, r in rows])
        ma, mb = fit(sizes, [r["peak_mb"] for _, r in rows])
        per_mb = {s: r["seconds"] / s for s, r in rows}
        base = per_mb.get(1.0) or per_mb[sizes[0]]
        ratio = per_mb[max(sizes)] / base
        worst = max(worst, ratio)
        print(f"{kind:6} fit: seconds = {a:.2f} * MB + {b:.2f}; peak memory = {ma:.1f} * MB + {mb:.1f} MB; "
              f"per-MB cost at {max(sizes):g} MB / at 1 MB = {ratio:.2f} (target <= {TARGET})", flush=True)
    return 1 if args.check and worst > TARGET else 0


if __name__ == "__main__":
    raise SystemExit(main())
