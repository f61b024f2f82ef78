"""Benchmark pathological captions: time per stage at two sizes and the growth between them.

Each row is one hostile shape (one entity repeated, thousands of entities in one sentence,
deep parentheses, a long token...), run through every stage (prepare, recognize, extract,
assemble, layout, all writers) at size n and 4n. A stage whose time grows about x4 is linear;
x16 is quadratic, which the per-record time budget of `build` then has to catch. The largest
size stays under the caption limit (pathwaygen.limits.MAX_CAPTION_CHARS), so every row is a
caption `build` accepts.

    python3 benchmarks/bench_hostile.py               # every shape, n = 2,500 units
    python3 benchmarks/bench_hostile.py --n 5000 --only repeated,parens
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

SYMBOLS = ("TP53", "MDM2", "AKT1", "GSK3B", "MAPK1", "EGFR", "KRAS", "BRAF", "MTOR", "PTEN",
           "JAK2", "STAT3", "SMAD2", "TGFB1", "NFKB1", "RELA", "IL6", "TNF", "CDK4", "RB1")

#: name -> caption made of `n` repeated units
SHAPES: dict[str, Callable[[int], str]] = {
    "repeated": lambda n: "TP53-" * n + " activates MDM2.",
    "list": lambda n: "TP53 activates " + ", ".join(SYMBOLS[i % 20] for i in range(n)) + " and MDM2.",
    "statements": lambda n: " ".join(f"{SYMBOLS[i % 20]} activates {SYMBOLS[(i + 7) % 20]}," for i in range(n)),
    "parens": lambda n: "(" * n + "TP53 activates MDM2" + ")" * n + ".",
    "open-parens": lambda n: "(TP53 " * n + "activates MDM2.",
    "slashes": lambda n: "/".join(SYMBOLS[i % 20] for i in range(n)) + " activate MDM2.",
    "abbreviations": lambda n: " ".join(f"tumor protein {i} (TP{i})" for i in range(n)),
    "long-token": lambda n: "A" * (20 * n) + " TP53 activates MDM2.",
    "sentences": lambda n: ". ".join(["TP53 activates MDM2"] * n) + ".",
    "greek": lambda n: "NF-κB " * n + "activates TNF-α.",
    "combining": lambda n: "T\u0301P53 " * n + "activates MDM2.",
}


def run(caption: str) -> dict[str, float]:
    """Time every stage on `caption`; returns stage -> seconds."""
    from pathwaygen.assemble import assemble
    from pathwaygen.extract import extract
    from pathwaygen.layout import layout_graph
    from pathwaygen.model import Figure
    from pathwaygen.recognize import recognize
    from pathwaygen.text import prepare
    from pathwaygen.writers import FORMATS, get_writer

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    text = prepare(caption)
    t1 = time.perf_counter()
    mentions = recognize(text)
    t2 = time.perf_counter()
    statements = extract(text, mentions)
    t3 = time.perf_counter()
    graph = assemble(Figure(figid="bench", title="", caption=caption), mentions, statements)
    t4 = time.perf_counter()
    layout = layout_graph(graph)
    t5 = time.perf_counter()
    for name in FORMATS:
        get_writer(name)(graph, layout)
    t6 = time.perf_counter()
    times.update(prepare=t1 - t0, recognize=t2 - t1, extract=t3 - t2, assemble=t4 - t3, layout=t5 - t4,
                 writers=t6 - t5)
    return times


def main() -> None:
    """Print one row per shape and size, then the growth factor per stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2500, help="units at the small size (the large one is 4n)")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    args = parser.parse_args()
    from pathwaygen.limits import MAX_CAPTION_CHARS
    from pathwaygen.pipeline import warm_up

    warm_up()
    chosen = [s for s in args.only.split(",") if s] or list(SHAPES)
    stages = ("prepare", "recognize", "extract", "assemble", "layout", "writers")
    print(f"{'shape':14} {'chars':>8} " + " ".join(f"{s:>9}" for s in stages) + "   (seconds)")
    for name in chosen:
        rows = []
        for n in (args.n, 4 * args.n):
            caption = SHAPES[name](n)
            if len(caption) > MAX_CAPTION_CHARS:
                print(f"{name:14} {len(caption):>8} over the caption limit, skipped")
                continue
            times = run(caption)
            rows.append(times)
            print(f"{name:14} {len(caption):>8} " + " ".join(f"{times[s]:9.3f}" for s in stages), flush=True)
        if len(rows) == 2:
            growth = [rows[1][s] / rows[0][s] if rows[0][s] > 0.002 else float("nan") for s in stages]
            print(f"{'  growth x4':14} {'':>8} " + " ".join(f"{g:9.1f}" for g in growth))


if __name__ == "__main__":
    main()
