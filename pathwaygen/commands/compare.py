"""`pathwaygen compare CURATED GENERATED`: what matches, what is missing, what is extra.

CURATED: a curated graph YAML, a GPML file or a graph JSON. GENERATED: a graph JSON or a
figure record (extracted on the fly). The numbers are those `pathwaygen evaluate` gives for
the same pair: both call `pathwaygen.evaluate.compare_graphs`.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click
import networkx as nx

from ..atomic import write_atomic
from ..compare import diff_graph, diff_svg, read_graph
from ..errors import GraphFormatError, PathwaygenError
from ..evaluate import FigureScore, compare_graphs
from ..limits import terminal_safe, xml_safe
from ..readers.check import check_graph
from .evaluate import format_edge, format_table


def _describe(path: Path, graph: nx.MultiDiGraph) -> str:
    """`path (N nodes, M edges)`."""
    return f"{path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"


def format_comparison(curated: Path, cur_graph: nx.MultiDiGraph, generated: Path, gen_graph: nx.MultiDiGraph,
                      fig: FigureScore) -> str:
    """The text report: both inputs, the score table, then matched, missing and extra elements."""
    lines = [f"curated:   {_describe(curated, cur_graph)}", f"generated: {_describe(generated, gen_graph)}", ""]
    text = "\n".join(lines) + "\n" + format_table([("", fig)]).split("\n", 1)[1] + "\n"

    def section(title: str, items: list[str]) -> str:
        return f"{title} ({len(items)}):\n" + "".join(f"  {item}\n" for item in items) if items else ""

    def node_section(title: str, items: list[str]) -> str:
        # nodes are short names: a wrapped comma-separated paragraph reads better than one per line
        if not items:
            return ""
        body = textwrap.fill(", ".join(items), width=100, initial_indent="  ", subsequent_indent="  ",
                             break_long_words=False, break_on_hyphens=False)
        return f"{title} ({len(items)}):\n{body}\n"

    matched_nodes = [c if c == g else f"{c} = {g}" for c, g in fig.node_pairs]
    text += node_section("matched nodes", matched_nodes)
    text += node_section("missing nodes", list(fig.missing_nodes))
    text += node_section("extra nodes", list(fig.extra_nodes))
    text += section("matched edges", [format_edge(c) for c, g in fig.edge_pairs if c[1] == g[1]])
    text += section("other relation", [f"{format_edge(c)} (generated: {g[1]})" for c, g in fig.wrong_relation])
    text += section("missing edges", [format_edge(e) for e in fig.missing_edges])
    text += section("extra edges", [format_edge(e) for e in fig.extra_edges])
    return text


def _read(path: Path) -> nx.MultiDiGraph:
    """Read one side, checked like `render` checks its input: a malformed file is one error line."""
    try:
        graph = read_graph(path)
    except (AttributeError, TypeError, ValueError, KeyError) as exc:  # a shape the reader does not check
        if isinstance(exc, PathwaygenError):
            raise
        raise GraphFormatError(f"{path}: not a readable graph ({type(exc).__name__}: {exc})") from None
    return check_graph(graph, str(path))


def _compare(curated: Path, generated: Path) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph, FigureScore]:
    """Both graphs and their score, as :func:`pathwaygen.compare.compare_files` gives them, inputs checked."""
    cur_graph, gen_graph = _read(curated), _read(generated)
    return cur_graph, gen_graph, compare_graphs(cur_graph, gen_graph)


@click.command()
@click.argument("curated", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("generated", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Plain-text report or JSON.")
@click.option("--diff", "diff_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw the union graph, matched/missing/extra styled apart, to this SVG file.")
def cli(curated: Path, generated: Path, fmt: str, diff_path: Path | None) -> None:
    """Compare the CURATED graph (.yaml, .gpml or .json) with the GENERATED one (.json or a record .md).

    Prints matched, missing and extra nodes and edges and precision, recall and F1 for nodes,
    lenient edges (same endpoints and direction) and strict edges (and the same relation).
    """
    cur_graph, gen_graph, fig = _compare(curated, generated)
    if diff_path is not None:
        # xml_safe: a curated name may hold a NUL or another character XML cannot carry
        try:
            write_atomic(diff_path, xml_safe(diff_svg(diff_graph(cur_graph, gen_graph, fig), fig)))
        except OSError as exc:
            raise PathwaygenError(f"{diff_path}: cannot write ({exc.strerror or exc})") from None
    if fmt == "json":
        out = {"curated": str(curated), "generated": str(generated), **fig.as_dict()}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        # node names come from the files: an escape sequence in one must not drive the terminal
        click.echo(terminal_safe(format_comparison(curated, cur_graph, generated, gen_graph, fig)), nl=False)
