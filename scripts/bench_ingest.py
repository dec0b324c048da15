"""Benchmark ingestion: reports/s with --jobs 1 and --jobs 2, the speed-up, and peak memory.

    .venv/bin/python scripts/bench_ingest.py                          # 10,000 mixed-format reports
    .venv/bin/python scripts/bench_ingest.py --count 2000 --repeat 3  # quicker, and its spread

Synthetic reports are generated from templates (tests/fixtures/synthetic.py), cycling
through .txt .md .html .docx .pdf. Each configuration runs in a fresh process into a fresh
store, so timings and peak memory are its own: the ingesting (writer) process's peak RSS, and
the largest worker's peak RSS sampled with psutil. With --repeat N the jobs-1 and jobs-2 runs
alternate N times (which goes first alternates too) and the speed-up of each pair is printed with
the median: on a shared machine one pair proves little. Memory is measured again on a quarter of
the reports: flat means the full run peaks no higher than the quarter run (plus noise), i.e.
memory does not grow with the number of reports; the writer's peak includes SQLite's page cache,
which fills with the store up to its cap (printed) and then stays there. Targets (issue 6):
speed-up >= 1.6x on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
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
        pages, page_size = (store.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "page_size"))
    seconds = time.perf_counter() - started
    return {
        # cache_size < 0 is a size in KiB, > 0 a number of pages
        "cache_cap_mib": -pages / 1024 if pages < 0 else pages * page_size / (1024 * 1024),
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
    writer_rss: list[int] = []  # the writer's RSS every 0.2 s
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_worker
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                writer_rss.append(parent.memory_info().rss)
                for child in parent.children(recursive=True):
                    peak_worker = max(peak_worker, child.memory_info().rss)
                    worker_cpu[child.pid] = sum(child.cpu_times()[:2])
            except psutil.Error:
                pass
            time.sleep(0.2)

    load_before = os.getloadavg()[0]
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    shutil.rmtree(store_dir, ignore_errors=True)  # every run starts from an empty store
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed (jobs={jobs}): exit {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["load_before"], result["load_after"] = load_before, os.getloadavg()[0]
    result["worker_peak_mib"] = peak_worker / (1024 * 1024)
    # flat within the run: the second half peaks no higher than the first
    half = len(writer_rss) // 2
    result["writer_first_half_mib"] = max(writer_rss[:half] or [0]) / (1024 * 1024)
    result["writer_second_half_mib"] = max(writer_rss[half:] or [0]) / (1024 * 1024)
    result["worker_cpu_s"] = sum(worker_cpu.values())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    parser.add_argument("--repeat", type=int, default=1, help="pairs of jobs-1/jobs-2 runs (default 1)")
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
        rows: list[tuple[str, dict[str, float]]] = []
        for r in range(max(1, args.repeat)):
            for jobs in (1, 2) if r % 2 == 0 else (2, 1):
                rows.append((f"jobs {jobs}", measure(full, jobs, scratch)))
        rows.append(("jobs 2, quarter set", measure(quarter, 2, scratch)))

    header = f"{'run':<22}{'reports':>9}{'seconds':>9}{'reports/s':>11}{'writer MiB':>12}{'worker MiB':>12}"
    print(f"\n{header}{'writer cpu s':>14}{'workers cpu s':>15}{'load':>11}")
    for name, row in rows:
        print(
            f"{name:<22}{row['reports']:>9}{row['seconds']:>9.1f}{row['reports_per_s']:>11.1f}"
            f"{row['writer_peak_mib']:>12.1f}{row['worker_peak_mib']:>12.1f}"
            f"{row['writer_cpu_s']:>14.1f}{row['worker_cpu_s']:>15.1f}"
            f"{row['load_before']:>6.1f}-{row['load_after']:<4.1f}"
        )
    serial, parallel = ([row for name, row in rows if name == f"jobs {jobs}"] for jobs in (1, 2))
    ratios = sorted(two["reports_per_s"] / one["reports_per_s"] for one, two in zip(serial, parallel, strict=True))
    spread = f" (each pair: {', '.join(f'{x:.2f}' for x in ratios)})" if len(ratios) > 1 else ""
    print(f"\nspeed-up jobs 2 / jobs 1: {statistics.median(ratios):.2f}x median{spread}; target >= 1.6x on 2 cores")
    last2 = parallel[-1]
    quarter_row = rows[-1][1]
    growth = max(last2["writer_peak_mib"], 1) / max(quarter_row["writer_peak_mib"], 1)
    worker_growth = max(last2["worker_peak_mib"], 1) / max(quarter_row["worker_peak_mib"], 1)
    print(
        f"peak memory, {args.count} vs {args.count // 4} reports: writer x{growth:.2f}, "
        f"worker x{worker_growth:.2f} (flat = about x1.0; the writer's includes SQLite's page cache, "
        f"which fills up to {last2['cache_cap_mib']:.0f} MiB)"
    )
    print(
        f"writer peak within the jobs-2 run of {args.count}: {last2['writer_first_half_mib']:.1f} MiB in its first "
        f"half, {last2['writer_second_half_mib']:.1f} MiB in its second"
    )
    cores = os.cpu_count() or 1
    busiest = max(max(row["load_before"], row["load_after"]) for _, row in rows)
    if busiest > cores:
        print(
            f"note: load average up to {busiest:.1f} on {cores} cores: other work shared the CPUs, so wall-clock "
            "rates are low and the speed-up is not the machine's; compare the cpu columns"
        )
    failed = sum(int(row["failed"]) for _, row in rows)
    if failed:
        print(f"warning: {failed} synthetic reports failed to ingest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
