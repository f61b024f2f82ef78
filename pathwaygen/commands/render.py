"""`pathwaygen render INPUT -o OUT`: draw one figure record, graph JSON or GPML file.

The output format comes from OUT's extension (.svg, .gpml, .json and every other format of
`pathwaygen formats`). A record (.md) goes through the whole pipeline; a graph JSON is
drawn as it is; a GPML file is read back into the graph model first.
"""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from ..atomic import write_atomic
from ..errors import GraphFormatError, PathwaygenError
from ..writers import FORMATS, format_for_path, get_writer


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Return the graph of a record (.md), graph JSON (.json) or GPML (.gpml) file.

    A graph file comes from elsewhere: it is read only up to the size limit and checked
    attribute by attribute (:func:`pathwaygen.readers.check.check_graph`), so a malformed one
    is one GraphFormatError line.
    """
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .. import graphjson
        from ..limits import MAX_GRAPH_FILE_BYTES, special_file_problem
        from ..readers.check import check_graph

        if special_file_problem(path) is not None:
            raise GraphFormatError(f"{path}: {special_file_problem(path)}")
        try:
            size = path.stat().st_size
            if size > MAX_GRAPH_FILE_BYTES:
                raise GraphFormatError(f"{path}: file has {size:,} bytes, over the limit of {MAX_GRAPH_FILE_BYTES:,}")
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GraphFormatError(f"{path}: cannot read ({exc})") from None
        try:
            graph = graphjson.loads(text, str(path))
        except (AttributeError, TypeError, ValueError, KeyError) as exc:  # a shape graphjson does not check
            raise GraphFormatError(f"{path}: not a pathwaygen graph JSON ({type(exc).__name__}: {exc})") from None
        return check_graph(graph, str(path))
    if suffix == ".gpml":
        from ..readers.check import check_graph
        from ..readers.gpml import read_gpml

        return check_graph(read_gpml(path), str(path))
    from ..pipeline import figure_to_graph
    from ..record import load_record

    return figure_to_graph(load_record(path))


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; its extension picks the format (.svg, .gpml, .json, ...).")
def cli(source: Path, output: Path) -> None:
    """Render SOURCE (a figure record .md, a graph .json or a .gpml file) to OUTPUT."""
    fmt = format_for_path(str(output))
    if fmt is None:
        known = ", ".join(f.extension for f in FORMATS.values())
        raise click.UsageError(f"{output}: unknown output extension (use one of {known})")
    graph = load_graph(source)
    layout = None
    if fmt.needs_layout:
        from ..layout import layout_graph

        layout = layout_graph(graph)
    try:
        write_atomic(output, get_writer(fmt.name)(graph, layout))
    except OSError as exc:
        raise PathwaygenError(f"{output}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{output}: {fmt.name}, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)
