"""Benchmark `pathwaygen build`: figures per second and peak memory as the collection grows.

Records are made by replicating the bundled real records (seeds/) under new figids, so the
work per figure is real. Each size is built from scratch in a subprocess (as a user runs it),
then built again unchanged to time the incremental no-op. Peak memory is the largest sum of
proportional set sizes (PSS: shared pages split, not double counted) over the build process
and its workers, sampled from /proc every 20 ms.

    python3 benchmarks/bench_build.py                       # 100, 1,000 and 10,000 records, 2 jobs
    python3 benchmarks/bench_build.py --sizes 100,1000 --jobs 2 --formats svg,gpml,json
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def replicate(dest: Path, count: int) -> None:
    """Write `count` records into `dest`: the seeds over and over, each with a new figid."""
    dest.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md"))]
    for i in range(count):
        text = re.sub(r"^figid: .*$", f"figid: bench{i:06d}", sources[i % len(sources)], count=1, flags=re.M)
        (dest / f"bench{i:06d}.md").write_text(text, encoding="utf-8")


def _memory_kib(pid: int) -> int:
    """Proportional set size of `pid` (shared pages split between the processes sharing them,
    so forked workers are not counted twice), or its resident size where PSS is unavailable."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _tree_kib(pid: int) -> int:
    """Memory (KiB) of `pid` and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _memory_kib(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def run_build(records: Path, outdir: Path, jobs: int, formats: str) -> tuple[float, float, int, str]:
    """Run one build in a subprocess; return (wall seconds, CPU seconds of the process and its
    workers, peak PSS in MiB over the tree, summary line)."""
    command = [sys.executable, "-m", "pathwaygen", "build", str(records), "-o", str(outdir),
               "--jobs", str(jobs), "--formats", formats]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_kib(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers are joined, so they count too
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{err[-3000:]}")
    return seconds, cpu, peak // 1024, out.strip()


def main() -> None:
    """Print one row per collection size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated record counts")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", default="svg,gpml,json")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # a first build warms the lexicon cache (~/.cache/pathwaygen), so no row pays for building it
    with tempfile.TemporaryDirectory(prefix="pwbench-") as tmp:
        replicate(Path(tmp) / "records", 1)
        run_build(Path(tmp) / "records", Path(tmp) / "out", 1, args.formats)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} before the run (other work skews the numbers)")
    print(f"pathwaygen build benchmark: jobs={args.jobs} formats={args.formats} "
          f"(records replicated from {len(list(SEEDS.glob('*.md')))} seeds)")
    print("cpu s = CPU time of the build and its workers; cpu/jobs = the wall time on idle cores")
    print(f"{'records':>8} {'wall s':>8} {'fig/s':>7} {'cpu s':>8} {'cpu/jobs':>8} {'peak MiB':>9} {'rerun s':>8}"
          "  rerun summary")
    previous = None
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="pwbench-") as tmp:
            records, outdir = Path(tmp) / "records", Path(tmp) / "out"
            replicate(records, size)
            seconds, cpu, peak, _ = run_build(records, outdir, args.jobs, args.formats)
            rerun, _, _, summary = run_build(records, outdir, args.jobs, args.formats)
        summary = summary.split(" -> ")[0]
        growth = f"  (x{cpu / previous[1]:.1f} cpu for x{size / previous[0]:.0f} records)" if previous else ""
        print(f"{size:>8} {seconds:>8.2f} {size / seconds:>7.1f} {cpu:>8.2f} {cpu / args.jobs:>8.2f} {peak:>9}"
              f" {rerun:>8.2f}  {summary}{growth}", flush=True)
        previous = (size, cpu)


if __name__ == "__main__":
    main()
