"""Benchmark drawing: layout (one dot run) + SVG + GPML for a graph, beside a bare `dot -Tsvg` run.

The bare run gets the very dot source our layout hands to Graphviz, so the ratio shows what
pathwaygen adds on top of the floor (one dot process). Prints the median of --repeat runs
in milliseconds per graph size.

    python3 benchmarks/bench_render.py                 # 30-node graph (the issue's target: < 100 ms)
    python3 benchmarks/bench_render.py --sizes 10,30,60,120 --repeat 30
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the hand-made graphs the tests use
# time the checkout this script lives in, not whichever pathwaygen is installed (or none)
sys.path.insert(0, str(REPO))

from test_layout_graphs import big_graph  # noqa: E402

from pathwaygen.layout import build_dot, layout_graph  # noqa: E402
from pathwaygen.writers import gpml, svg  # noqa: E402


def _median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(size: int, repeat: int) -> tuple[float, float, float, float, float]:
    """Return (layout, svg, gpml, total, bare dot) median milliseconds for a `size`-node graph."""
    graph = big_graph(size)
    connected = [n for n in sorted(graph.nodes) if graph.degree(n) > 0]
    source = build_dot(graph, connected)[0].source.encode("utf-8")
    layout = layout_graph(graph)  # warm caches (template, schema-free writers)
    svg.dumps(graph, layout)
    gpml.dumps(graph, layout)
    t_layout = _median_ms(lambda: layout_graph(graph), repeat)
    t_svg = _median_ms(lambda: svg.dumps(graph, layout), repeat)
    t_gpml = _median_ms(lambda: gpml.dumps(graph, layout), repeat)

    def everything() -> None:
        lay = layout_graph(graph)
        svg.dumps(graph, lay)
        gpml.dumps(graph, lay)

    t_total = _median_ms(everything, repeat)
    t_dot = _median_ms(lambda: subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, check=True), repeat)
    return t_layout, t_svg, t_gpml, t_total, t_dot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30", help="comma-separated node counts (default 30)")
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement (median reported)")
    args = parser.parse_args()
    print(f"{'nodes':>5} {'layout':>8} {'svg':>7} {'gpml':>7} {'total':>8} {'dot -Tsvg':>10} {'ratio':>6}  (ms, median of {args.repeat})")
    for size in (int(s) for s in args.sizes.split(",")):
        t_layout, t_svg, t_gpml, t_total, t_dot = bench(size, args.repeat)
        print(f"{size:>5} {t_layout:>8.1f} {t_svg:>7.1f} {t_gpml:>7.1f} {t_total:>8.1f} {t_dot:>10.1f} {t_total / t_dot:>6.2f}")


if __name__ == "__main__":
    main()
