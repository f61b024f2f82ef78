"""Speed of scoring: matching + P/R/F1 of graphs against curated graphs, and of a diff SVG.

Run: python3 benchmarks/bench_evaluate.py [CORPUS_DIR]
Prints numbers only. The generated graphs are the pipeline's graphs of the corpus records,
made once before timing, so only `pathwaygen.evaluate` is measured; the corpus is repeated
to 1,000 pairs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pathwaygen.compare import diff_graph, diff_svg  # noqa: E402
from pathwaygen.evaluate import compare_graphs, score  # noqa: E402
from pathwaygen.pipeline import figure_to_graph  # noqa: E402
from pathwaygen.readers.curated import read_curated  # noqa: E402
from pathwaygen.record import load_record  # noqa: E402


def main() -> None:
    """Time scoring 1,000 (curated, generated) pairs and drawing one diff."""
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    curated, generated = [], []
    for gold in sorted((corpus / "gold").glob("*.yaml")):
        graph = read_curated(gold)
        record = corpus / "figures" / f"{graph.graph['figid']}.md"
        if record.is_file():
            curated.append(graph)
            generated.append(figure_to_graph(load_record(record)))
    reps = -(-1000 // len(curated))
    cur, gen = (curated * reps)[:1000], (generated * reps)[:1000]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = score(cur, gen)
        times.append(time.perf_counter() - start)
    print(f"pairs scored: {len(cur)}  strict F1: {result.strict.f1:.3f}")
    print(f"score 1,000 pairs: median {statistics.median(times):.3f} s  (min {min(times):.3f} s)")
    largest = max(range(len(curated)), key=lambda i: curated[i].number_of_nodes() + generated[i].number_of_nodes())
    fig = compare_graphs(curated[largest], generated[largest])
    diff = diff_graph(curated[largest], generated[largest], fig)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        diff_svg(diff, fig)
        times.append(time.perf_counter() - start)
    print(f"diff SVG of the largest pair ({diff.number_of_nodes()} nodes, {diff.number_of_edges()} edges): "
          f"median {statistics.median(times) * 1000:.1f} ms (layout included)")


if __name__ == "__main__":
    main()
