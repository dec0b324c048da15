"""Benchmark ingestion: reports/s with --jobs 1 and --jobs 2, the speed-up, and peak memory.

    .venv/bin/python scripts/bench_ingest.py                 # 10,000 mixed-format reports
    .venv/bin/python scripts/bench_ingest.py --count 2000    # quicker

Synthetic reports are generated from templates (tests/fixtures/synthetic.py), cycling
through .txt .md .html .docx .pdf. Each configuration runs in a fresh process into a fresh
store, so timings and peak memory are its own: the ingesting (writer) process's peak RSS, and
the largest worker's peak RSS sampled with psutil. Memory is measured again on a quarter of the
reports: flat means the full run peaks no higher than the quarter run (plus noise), i.e. memory
does not grow with the number of reports. Targets (issue 6): speed-up >= 1.6x on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("txt", "md", "html", "docx", "pdf")


def run_one(src: str, store_dir: str, jobs: int) -> dict[str, float]:
    """Inside the measured process: ingest `src` into a new store and report."""
    from kg.ingest import ingest
    from kg.store import Store

    started = time.perf_counter()
    with Store.open(store_dir) as store:
        summary = ingest([src], store, jobs=jobs)
    seconds = time.perf_counter() - started
    return {
        "jobs": jobs,
        "reports": summary.new,
        "failed": summary.failed,
        "seconds": seconds,
        "reports_per_s": summary.new / seconds,
        "writer_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "writer_cpu_s": time.process_time(),
    }


def measure(src: Path, jobs: int, scratch: Path) -> dict[str, float]:
    """Run one configuration in a fresh process, sampling its workers' memory meanwhile."""
    import psutil

    store_dir = scratch / f"store-j{jobs}-{src.name}"
    proc = subprocess.Popen(
        [sys.executable, __file__, "--run-one", str(src), str(store_dir), str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    peak_worker = 0
    worker_cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_worker
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                for child in parent.children(recursive=True):
                    peak_worker = max(peak_worker, child.memory_info().rss)
                    worker_cpu[child.pid] = sum(child.cpu_times()[:2])
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed (jobs={jobs}): exit {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["worker_peak_mib"] = peak_worker / (1024 * 1024)
    result["worker_cpu_s"] = sum(worker_cpu.values())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    parser.add_argument("--run-one", nargs=3, metavar=("SRC", "STORE", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        src, store_dir, jobs = args.run_one
        print(json.dumps(run_one(src, store_dir, int(jobs))))
        return 0

    sys.path.insert(0, str(ROOT))
    from tests.fixtures.synthetic import write_synthetic

    with tempfile.TemporaryDirectory(prefix="kg-bench-ingest-") as tmp:
        scratch = Path(tmp)
        full, quarter = scratch / "full", scratch / "quarter"
        t0 = time.perf_counter()
        write_synthetic(full, args.count, FORMATS)
        write_synthetic(quarter, max(1, args.count // 4), FORMATS, seed=1)
        print(
            f"generated {args.count} + {args.count // 4} reports ({', '.join(FORMATS)}) "
            f"in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores"
        )
        load_before = os.getloadavg()[0]
        rows = [measure(full, 1, scratch), measure(full, 2, scratch), measure(quarter, 2, scratch)]
        load_after = os.getloadavg()[0]

    header = f"{'run':<22}{'reports':>9}{'seconds':>9}{'reports/s':>11}{'writer MiB':>12}{'worker MiB':>12}"
    print(f"\n{header}{'writer cpu s':>14}{'workers cpu s':>15}")
    for name, row in zip(("jobs 1", "jobs 2", "jobs 2, quarter set"), rows, strict=True):
        print(
            f"{name:<22}{row['reports']:>9}{row['seconds']:>9.1f}{row['reports_per_s']:>11.1f}"
            f"{row['writer_peak_mib']:>12.1f}{row['worker_peak_mib']:>12.1f}"
            f"{row['writer_cpu_s']:>14.1f}{row['worker_cpu_s']:>15.1f}"
        )
    speedup = rows[1]["reports_per_s"] / rows[0]["reports_per_s"]
    growth = max(rows[1]["writer_peak_mib"], 1) / max(rows[2]["writer_peak_mib"], 1)
    worker_growth = max(rows[1]["worker_peak_mib"], 1) / max(rows[2]["worker_peak_mib"], 1)
    print(f"\nspeed-up jobs 2 / jobs 1: {speedup:.2f}x (target >= 1.6x on 2 cores)")
    print(
        f"peak memory, {args.count} vs {args.count // 4} reports: writer x{growth:.2f}, "
        f"worker x{worker_growth:.2f} (flat = about x1.0)"
    )
    cores = os.cpu_count() or 1
    if max(load_before, load_after) > cores:
        print(
            f"note: load average {load_before:.1f} -> {load_after:.1f} on {cores} cores: other work shared the "
            "CPUs, so wall-clock rates are low and the speed-up is not the machine's; compare the cpu columns"
        )
    failed = sum(int(r["failed"]) for r in rows)
    if failed:
        print(f"warning: {failed} synthetic reports failed to ingest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
