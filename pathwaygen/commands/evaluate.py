"""`pathwaygen evaluate FIGURES_DIR GOLD_DIR`: score the pipeline (and a baseline) on curated graphs.

For every curated graph ``GOLD_DIR/*.yaml`` whose record ``FIGURES_DIR/<figid>.md`` exists,
the record goes through `pathwaygen.pipeline.figure_to_graph` and through the sentence
co-occurrence baseline; both are scored with `pathwaygen.evaluate` (micro P/R/F1 for nodes,
lenient edges, strict edges). The text report is also used by `pathwaygen compare`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import click
import networkx as nx

from ..errors import GraphFormatError, PathwaygenError
from ..evaluate import Counts, Edge, FigureScore, Score, cooccurrence_graph, score
from ..graphjson import loads, new_graph
from ..model import UNDIRECTED
from ..readers.curated import read_curated

ROWS: tuple[tuple[str, str], ...] = (("nodes", "nodes"), ("edges lenient", "lenient"), ("edges strict", "strict"))


class Scored(Protocol):
    """Anything with node, lenient and strict counts (a corpus Score or one FigureScore)."""

    @property
    def nodes(self) -> Counts: ...

    @property
    def lenient(self) -> Counts: ...

    @property
    def strict(self) -> Counts: ...


def format_table(columns: Sequence[tuple[str, Scored]]) -> str:
    """Return a plain-text table: one row per measure, P R F1 and tp/fp/fn per named column."""
    cells: list[list[str]] = []  # cells[row][column]
    for _, attr in ROWS:
        row = []
        for _, scored in columns:
            c: Counts = getattr(scored, attr)
            row.append(f"{c.precision:<7.3f}{c.recall:<7.3f}{c.f1:<7.3f}{c.tp}/{c.fp}/{c.fn}")
        cells.append(row)
    widths = [max(len(name), len("P      R      F1     tp/fp/fn"), *(len(r[i]) for r in cells)) + 3
              for i, (name, _) in enumerate(columns)]
    lines = ["".ljust(15) + "".join(name.ljust(w) for (name, _), w in zip(columns, widths)),
             "".ljust(15) + "".join("P      R      F1     tp/fp/fn".ljust(w) for w in widths)]
    for (label, _), row in zip(ROWS, cells):
        lines.append(label.ljust(15) + "".join(cell.ljust(w) for cell, w in zip(row, widths)))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def format_edge(edge: Edge) -> str:
    """An edge as text: ``A -activates-> B`` (``A -binds- B`` for an undirected relation)."""
    source, relation, target = edge
    return f"{source} -{relation}- {target}" if relation in UNDIRECTED else f"{source} -{relation}-> {target}"


def format_differences(fig: FigureScore) -> str:
    """The misses and extras of one figure, one labelled line each ("" when it matched fully)."""
    lines = []
    if fig.missing_nodes:
        lines.append("  missing nodes:  " + ", ".join(fig.missing_nodes))
    if fig.extra_nodes:
        lines.append("  extra nodes:    " + ", ".join(fig.extra_nodes))
    if fig.missing_edges:
        lines.append("  missing edges:  " + "; ".join(map(format_edge, fig.missing_edges)))
    if fig.wrong_relation:
        lines.append("  wrong relation: " + "; ".join(f"{format_edge(c)} (generated: {g[1]})"
                                                       for c, g in fig.wrong_relation))
    if fig.extra_edges:
        lines.append("  extra edges:    " + "; ".join(map(format_edge, fig.extra_edges)))
    return "\n".join(lines) + "\n" if lines else ""


def format_figure_line(fig: FigureScore) -> str:
    """One summary line for a figure: its id and the three F1 scores."""
    return (f"{fig.figid}  nodes F1 {fig.nodes.f1:.2f}  edges lenient F1 {fig.lenient.f1:.2f}"
            f"  strict F1 {fig.strict.f1:.2f}\n")


def _read_generated(path: Path, figid: str) -> nx.MultiDiGraph:
    """The graph JSON at `path`, or an empty graph for `figid` when there is no such file."""
    if not path.is_file():
        return new_graph(figid=figid)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphFormatError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    return loads(text, str(path))


def run_evaluation(figures_dir: Path, gold_dir: Path, graphs_dir: Path | None = None
                   ) -> tuple[Score, Score, list[str]]:
    """Score the pipeline and the co-occurrence baseline on every gold file that has a record.

    With `graphs_dir`, the generated graphs are read from ``graphs_dir/<figid>.json`` (e.g. what
    `pathwaygen build` wrote, or another tool's graph JSON) instead of running the pipeline; a
    missing file scores as an empty graph. Returns (pipeline score, baseline score, gold files
    skipped for lack of a record).
    """
    from ..pipeline import figure_to_graph  # the relations stage: imported only when evaluating
    from ..record import load_record

    gold_files = sorted(p for p in gold_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not gold_files:
        raise PathwaygenError(f"{gold_dir}: no curated graphs (*.yaml) found")
    curated, generated, baseline, skipped = [], [], [], []
    for gold in gold_files:
        graph = read_curated(gold)
        record = figures_dir / f"{graph.graph['figid']}.md"
        if not record.is_file():
            skipped.append(str(gold))
            continue
        figure = load_record(record)
        curated.append(graph)
        if graphs_dir is None:
            generated.append(figure_to_graph(figure))
        else:
            path = graphs_dir / f"{figure.figid}.json"
            if not path.is_file():
                click.echo(f"pathwaygen: warning: {path}: no such graph, scored as an empty graph", err=True)
            generated.append(_read_generated(path, figure.figid))
        baseline.append(cooccurrence_graph(figure.caption, figid=figure.figid, title=figure.title))
    if not curated:
        raise PathwaygenError(f"{figures_dir}: no record matches a curated graph of {gold_dir}")
    return score(curated, generated), score(curated, baseline), skipped


@click.command()
@click.argument("figures_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Plain-text table or JSON.")
@click.option("--per-figure", is_flag=True, help="Also list every figure's missing and extra nodes and edges.")
@click.option("--graphs", "graphs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Score the graph JSON files <figid>.json in this folder (e.g. build output) instead of "
                   "running the pipeline.")
def cli(figures_dir: Path, gold_dir: Path, fmt: str, per_figure: bool, graphs_dir: Path | None) -> None:
    """Score generated graphs of FIGURES_DIR records against the curated graphs in GOLD_DIR.

    Prints precision, recall and F1 (micro average) for nodes, lenient edges (same endpoints
    and direction) and strict edges (and the same relation), for pathwaygen and for a
    sentence co-occurrence baseline.
    """
    pipeline, baseline, skipped = run_evaluation(figures_dir, gold_dir, graphs_dir)
    for path in skipped:
        click.echo(f"pathwaygen: warning: {path}: no record {figures_dir}/<figid>.md, skipped", err=True)
    if fmt == "json":
        out = {"figures_dir": str(figures_dir), "gold_dir": str(gold_dir),
               "pathwaygen": pipeline.as_dict(figures=per_figure),
               "baseline": baseline.as_dict(figures=per_figure)}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    click.echo(f"{len(pipeline.figures)} figures scored against {gold_dir}\n")
    name = "pathwaygen" if graphs_dir is None else f"graphs in {graphs_dir}"
    click.echo(format_table([(name, pipeline), ("co-occurrence baseline", baseline)]), nl=False)
    if per_figure:
        for fig in pipeline.figures:
            diff = format_differences(fig)
            if diff:
                click.echo("\n" + format_figure_line(fig) + diff, nl=False)
