"""Time the reader: 1,000 captions through entities + relations + graph (figure_to_graph).

Captions are the development corpus (../shared/corpus/figures) and the bundled seeds,
cycled up to --count. The lexicon and rules are loaded first (not timed), then each stage
is timed on its own and the whole pipeline end to end, on one core, after one untimed
pass over the distinct captions (RE2 builds its automata lazily). Times are CPU
time of this process (time.process_time), so other work on the machine does not count;
on a shared machine the CPU time still varies with what the other core does to the caches, so
the batch is timed --repeat times (default 3) and the best time of each stage is reported, as
timeit does.

The batch repeats the distinct captions, so the memos the recogniser keeps of caption pieces
(groundings of written names, abbreviation checks of words) are warm after the first pass, which
no real batch of different captions enjoys fully. A last end-to-end run clears them before each
pass over the distinct captions and is reported beside the others.

    python3 benchmarks/bench_extract.py [--count 1000] [--repeat 3] [--corpus DIR ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import cycle, islice
from pathlib import Path

# time the checkout this script lives in, not whichever pathwaygen is installed (run as
# `python3 benchmarks/bench_extract.py`, Python puts benchmarks/ first on the path, and an
# editable install of another checkout would be measured instead)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pathwaygen  # noqa: E402
from pathwaygen.assemble import assemble  # noqa: E402
from pathwaygen.extract import extract  # noqa: E402
from pathwaygen import recognize as recognize_module  # noqa: E402
from pathwaygen.pipeline import figure_to_graph, warm_up  # noqa: E402
from pathwaygen.recognize import recognize  # noqa: E402
from pathwaygen.record import load_record  # noqa: E402
from pathwaygen.text import prepare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus" / "figures", ROOT / "seeds"]


def clear_text_memos() -> None:
    """Forget what the recogniser memoised of caption pieces (not the loaded lexicon and rules)."""
    recognize_module.clear_memos()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="time the batch this many times, report the best")
    parser.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT_DIRS)
    args = parser.parse_args()
    figures = [load_record(p) for d in args.corpus if d.is_dir() for p in sorted(d.glob("*.md"))]
    if not figures:
        raise SystemExit("no records found")
    batch = list(islice(cycle(figures), args.count))
    chars = sum(len(f.caption) for f in batch)

    t0 = time.process_time()
    warm_up()
    print(f"warm-up (lexicon + rules load): {time.process_time() - t0:.2f} s")
    # RE2 builds its automata lazily: one pass over the distinct captions first, so the
    # timings below are the steady state of a batch run
    t0 = time.process_time()
    for fig in figures:
        figure_to_graph(fig)
    print(f"first pass over the {len(figures)} distinct captions: {time.process_time() - t0:.2f} s")

    best: dict[str, float] = {}
    statements = edges = 0
    for _ in range(max(1, args.repeat)):
        stages = {"prepare": 0.0, "recognize": 0.0, "extract": 0.0, "assemble": 0.0}
        statements = 0
        for fig in batch:
            a = time.process_time()
            text = prepare(fig.caption)
            b = time.process_time()
            mentions = recognize(text)
            c = time.process_time()
            sts = extract(text, mentions)
            d = time.process_time()
            assemble(fig, mentions, sts)
            e = time.process_time()
            stages["prepare"] += b - a
            stages["recognize"] += c - b
            stages["extract"] += d - c
            stages["assemble"] += e - d
            statements += len(sts)

        t0 = time.process_time()
        edges = sum(figure_to_graph(fig).number_of_edges() for fig in batch)
        stages["end to end"] = time.process_time() - t0
        for name, secs in stages.items():
            best[name] = min(best.get(name, secs), secs)
    total = best.pop("end to end")
    cold = None
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        for i, fig in enumerate(batch):
            if i % len(figures) == 0:
                clear_text_memos()
            figure_to_graph(fig)
        secs = time.process_time() - t0
        cold = secs if cold is None else min(cold, secs)

    print(f"{len(batch)} captions ({len(figures)} distinct, {chars / 1e6:.2f} M characters), one core, "
          f"best of {max(1, args.repeat)} (pathwaygen from {Path(pathwaygen.__file__).parent})")
    for name, secs in best.items():
        print(f"  {name:10s} {secs:6.3f} s  ({secs / len(batch) * 1000:.3f} ms/caption)")
    print(f"  statements {statements}, graph edges {edges}")
    print(f"figure_to_graph end to end: {total:.3f} s for {len(batch)} captions "
          f"({total / len(batch) * 1000:.3f} ms/caption) -> {'OK' if total / len(batch) * 1000 < 2 else 'OVER'} "
          f"the target of 2 s per 1,000 captions")
    print(f"figure_to_graph end to end, caption-piece memos cleared every {len(figures)} captions: {cold:.3f} s")


if __name__ == "__main__":
    main()
