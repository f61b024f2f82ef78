"""Benchmark the interchange writers: milliseconds per graph and output size, by graph size.

Graphs are synthetic but shaped like real ones (genes with groundings, a complex with
members, every relation, one evidence sentence per edge) and placed by a fixed grid layout,
so the numbers measure the writers alone, not Graphviz.

    python3 benchmarks/bench_formats.py                      # 20, 200 and 2,000 nodes
    python3 benchmarks/bench_formats.py --sizes 50,500 --repeat 5 --formats cx2,sbgn
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import networkx as nx

# time the checkout this script lives in, not whichever pathwaygen is installed (or none)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pathwaygen import graphjson  # noqa: E402
from pathwaygen.model import RELATIONS, Box, EdgeRoute, Layout  # noqa: E402
from pathwaygen.writers import FORMATS, get_writer  # noqa: E402

NEW_FORMATS = ("cx2", "sbgn", "cyjs", "sif", "indra", "graphml")
TYPES = ("gene", "gene", "gene", "family", "chemical", "process", "rna", "complex")


def synthetic(nodes: int) -> tuple[nx.MultiDiGraph, Layout]:
    """Return a graph of `nodes` nodes and about 2 edges per node, and a grid layout for it."""
    sentence = "A activates B, which phosphorylates C in the nucleus."
    data = {"figid": f"bench{nodes}", "title": "benchmark", "caption": sentence * 3, "nodes": [], "edges": []}
    for i in range(nodes):
        ntype = TYPES[i % len(TYPES)]
        members = [{"id": f"M{i}_{j}", "label": f"M{i}_{j}", "type": "gene", "xrefs": {"hgnc": str(j)}} for j in range(3)]
        data["nodes"].append({
            "id": f"N{i:05d}", "label": f"Node {i}", "type": ntype,
            "xrefs": {"hgnc": str(1000 + i), "ncbigene": str(5000 + i), "uniprot": f"P{i:05d}"},
            "members": members if ntype == "complex" else [],
            "mentions": [{"text": f"Node {i}", "start": 0, "end": 6}],
        })
    for i in range(nodes):
        for step in (1, 7):
            j = (i + step) % nodes
            if i != j:
                data["edges"].append({
                    "source": f"N{i:05d}", "target": f"N{j:05d}", "relation": RELATIONS[(i + step) % len(RELATIONS)],
                    "evidence": [{"text": sentence, "start": 0, "end": len(sentence), "rule": "bench.rule"}],
                })
    graph = graphjson.from_dict(data, "bench")
    side = max(1, int(nodes ** 0.5))
    boxes = {n: Box(20 + (k % side) * 120, 20 + (k // side) * 70, 90, 30) for k, n in enumerate(sorted(graph.nodes))}
    members = {(n, m["id"]): Box(boxes[n].x + 2 + 29 * k, boxes[n].y + 2, 27, 26)
               for n, d in graph.nodes(data=True) for k, m in enumerate(d["members"])}
    routes = tuple(EdgeRoute(s, t, k, ((boxes[s].cx, boxes[s].cy), (boxes[s].cx, boxes[t].cy),
                                       (boxes[t].cx, boxes[s].cy), (boxes[t].cx, boxes[t].cy)))
                   for s, t, k in graph.edges(keys=True))
    layout = Layout(width=40 + side * 120, height=40 + (nodes // side + 1) * 70, nodes=boxes, members=members, edges=routes)
    return graph, layout


def main() -> None:
    """Time each writer on each size and print one table row per (size, format)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,200,2000", help="comma-separated node counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    parser.add_argument("--formats", default=",".join(NEW_FORMATS), help="comma-separated format names")
    args = parser.parse_args()
    names = [n for n in args.formats.split(",") if n]
    print(f"{'nodes':>6} {'edges':>6}  {'format':<8} {'ms':>9} {'KiB':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        graph, layout = synthetic(size)
        for name in names:
            writer = get_writer(name)
            best, text = float("inf"), ""
            for _ in range(args.repeat):
                start = time.perf_counter()
                text = writer(graph, layout)
                best = min(best, time.perf_counter() - start)
            ext = FORMATS[name].extension
            print(f"{graph.number_of_nodes():>6} {graph.number_of_edges():>6}  {name:<8} {best * 1000:>9.1f} "
                  f"{len(text.encode('utf-8')) / 1024:>9.1f}  ({ext})")


if __name__ == "__main__":
    main()
