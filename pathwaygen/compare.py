"""Compare one curated graph with one generated graph: the numbers and a diff diagram.

The matching and the counts are `pathwaygen.evaluate.compare_graphs` (one implementation for
`evaluate` and `compare`). This module adds what a single comparison needs: reading either
side from any supported file, the union ("diff") graph with every node and edge marked
matched / missing / extra, and its SVG drawing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined

from .errors import GraphFormatError
from .evaluate import FigureScore, compare_graphs
from .graphjson import new_graph
from .model import UNDIRECTED, Box, Layout
from .relations import style

#: file suffix -> what it holds; a record (.md) is run through the pipeline.
SUFFIXES: dict[str, str] = {".yaml": "curated YAML", ".yml": "curated YAML", ".gpml": "GPML",
                            ".json": "graph JSON", ".md": "figure record"}

NODE_STATUSES: tuple[str, ...] = ("matched", "missing", "extra")
EDGE_STATUSES: tuple[str, ...] = ("matched", "relation", "missing", "extra")

#: Legend wording; missing = in the curated graph only, extra = in the generated graph only.
STATUS_TEXT: dict[str, str] = {
    "matched": "matched",
    "relation": "matched, other relation",
    "missing": "missing (curated only)",
    "extra": "extra (generated only)",
}


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph from a curated YAML, GPML or graph JSON file, or extract it from a record.

    Raises GraphFormatError (or RecordError for a bad record) naming the file.
    """
    source = os.fspath(path)
    suffix = Path(source).suffix.lower()
    if suffix not in SUFFIXES:
        raise GraphFormatError(f"{source}: unknown graph file type {suffix or '(none)'!r} "
                               f"(expected {', '.join(SUFFIXES)})")
    if suffix in (".yaml", ".yml"):
        from .readers.curated import read_curated

        return read_curated(source)
    if suffix == ".gpml":
        from .readers.gpml import read_gpml

        return read_gpml(source)
    if suffix == ".md":
        from .pipeline import figure_to_graph
        from .record import load_record

        return figure_to_graph(load_record(source))
    from .graphjson import loads

    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphFormatError(f"{source}: cannot read ({exc.__class__.__name__}: {exc})") from None
    return loads(text, source)


def compare_files(curated: str | os.PathLike[str], generated: str | os.PathLike[str]
                  ) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph, FigureScore]:
    """Read both files and compare them; returns (curated graph, generated graph, score)."""
    cur_graph = read_graph(curated)
    gen_graph = read_graph(generated)
    return cur_graph, gen_graph, compare_graphs(cur_graph, gen_graph)


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    """The display label of `node` (its label attribute, else its id)."""
    return str(graph.nodes[node].get("label") or node)


def diff_graph(curated: nx.MultiDiGraph, generated: nx.MultiDiGraph, fig: FigureScore) -> nx.MultiDiGraph:
    """Return the union of both graphs with a ``status`` on every node and edge.

    Nodes: curated nodes keep their ids (``matched`` or ``missing``); unmatched generated
    nodes are added as ``extra`` (id suffixed when it collides with a curated id). Edges:
    ``matched``, ``relation`` (lenient match with another relation; ``generated_relation``
    holds it), ``missing`` and ``extra``. Node ``tooltip`` says what each side calls it.
    """
    diff = new_graph(figid=str(curated.graph.get("figid") or generated.graph.get("figid") or ""),
                     title=str(curated.graph.get("title") or generated.graph.get("title") or ""))
    to_diff: dict[str, str] = {}
    pairs = dict(fig.node_pairs)
    for node in sorted(curated.nodes):
        data = curated.nodes[node]
        status = "matched" if node in pairs else "missing"
        tooltip = f"curated: {_label(curated, node)}"
        if status == "matched":
            to_diff[pairs[node]] = node
            tooltip += f"; generated: {_label(generated, pairs[node])}"
        diff.add_node(node, label=_label(curated, node), type=data.get("type", "gene"), xrefs={}, members=[],
                      mentions=[], status=status, tooltip=tooltip)
    for node in fig.extra_nodes:
        new_id = node
        while new_id in diff:  # an unmatched generated id may equal a curated key (one-to-one matching)
            new_id += " (generated)"
        to_diff[node] = new_id
        diff.add_node(new_id, label=_label(generated, node), type=generated.nodes[node].get("type", "gene"),
                      xrefs={}, members=[], mentions=[], status="extra",
                      tooltip=f"generated: {_label(generated, node)}")

    def add(source: str, relation: str, target: str, status: str, **extra: Any) -> None:
        key = relation
        while diff.has_edge(source, target, key):
            key += "+"  # keep both edges when two statuses share endpoints and relation
        diff.add_edge(source, target, key=key, relation=relation, hedged=False, evidence=[], status=status, **extra)

    for cur, gen in fig.edge_pairs:
        if cur[1] == gen[1]:
            add(cur[0], cur[1], cur[2], "matched")
        else:
            add(cur[0], cur[1], cur[2], "relation", generated_relation=gen[1])
    for cur in fig.missing_edges:
        add(cur[0], cur[1], cur[2], "missing")
    for gen in fig.extra_edges:
        add(to_diff[gen[0]], gen[1], to_diff[gen[2]], "extra")
    return diff


def _clip(box: Box, toward: tuple[float, float]) -> tuple[float, float]:
    """The point where the line from the centre of `box` toward `toward` leaves the box."""
    dx, dy = toward[0] - box.cx, toward[1] - box.cy
    if dx == 0 and dy == 0:
        return box.cx, box.cy
    scale = min(box.width / 2 / abs(dx) if dx else float("inf"), box.height / 2 / abs(dy) if dy else float("inf"))
    scale = min(scale, 1.0)
    return box.cx + dx * scale, box.cy + dy * scale


def _path(points: list[tuple[float, float]]) -> str:
    """SVG path data: a cubic Bezier spline when the points are one (3n+1 control points), else a polyline."""
    head = f"M{points[0][0]:.1f},{points[0][1]:.1f}"
    if len(points) >= 4 and (len(points) - 1) % 3 == 0:
        rest = [f"C{' '.join(f'{x:.1f},{y:.1f}' for x, y in points[i:i + 3])}" for i in range(1, len(points), 3)]
    else:
        rest = [f"L{x:.1f},{y:.1f}" for x, y in points[1:]]
    return head + " " + " ".join(rest)


def _marker(relation: str) -> str:
    """The diff drawing's end marker for `relation`: arrow, tbar or none (from the relation table)."""
    if relation in UNDIRECTED:
        return "none"
    return "tbar" if style(relation).svg_marker == "tbar" else "arrow"


def _edge_routes(diff: nx.MultiDiGraph, layout: Layout) -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """Points of every diff edge: the layout's route when it has one, else a straight clipped line."""
    routes = {(r.source, r.target, r.key): list(r.points) for r in layout.edges if len(r.points) >= 2}
    out: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for source, target, key in diff.edges(keys=True):
        points = routes.get((source, target, key))
        if points is None:
            a, b = layout.nodes[source], layout.nodes[target]
            points = [_clip(a, (b.cx, b.cy)), _clip(b, (a.cx, a.cy))]
        out[(source, target, key)] = points
    return out


#: Edge colours by status (node styles in the template use the same hues).
COLOURS: dict[str, str] = {"matched": "#1b7837", "relation": "#d98200", "missing": "#c2185b", "extra": "#2166ac"}

_ENV: Environment | None = None


def _environment() -> Environment:
    """The Jinja2 environment for the diff template (autoescape on: labels are user text)."""
    global _ENV
    if _ENV is None:
        _ENV = Environment(loader=PackageLoader("pathwaygen", "templates"), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
    return _ENV


def diff_svg(diff: nx.MultiDiGraph, fig: FigureScore, layout: Layout | None = None) -> str:
    """Draw the diff graph as a standalone SVG (matched, missing and extra styled apart, with a legend).

    `layout` defaults to `pathwaygen.layout.layout_graph(diff)`.
    """
    from .layout import FONT_FAMILY, FONT_SIZE, LINE_HEIGHT, label_lines, layout_graph  # box sizes were measured for this font

    if layout is None:
        layout = layout_graph(diff)
    margin = 20.0
    legend_width = 230.0
    header = 46.0
    routes = _edge_routes(diff, layout)
    nodes = []
    for node in sorted(diff.nodes):
        box = layout.nodes[node]
        data = diff.nodes[node]
        lines = label_lines(data["label"], data["type"])  # wrapped as the layout measured them
        first_dy = -(len(lines) - 1) * LINE_HEIGHT / 2
        nodes.append({"id": node, "lines": [(line, first_dy + i * LINE_HEIGHT) for i, line in enumerate(lines)],
                      "status": data["status"], "tooltip": data["tooltip"],
                      "x": box.x + margin, "y": box.y + margin + header, "w": box.width, "h": box.height,
                      "cx": box.cx + margin, "cy": box.cy + margin + header})
    edges = []
    for (source, target, key), points in sorted(routes.items()):
        data = diff.edges[source, target, key]
        shifted = [(x + margin, y + margin + header) for x, y in points]
        relation = data["relation"]
        label = relation if data["status"] != "relation" else f"{relation} (gen: {data['generated_relation']})"
        tooltip = f"{diff.nodes[source]['label']} {relation} {diff.nodes[target]['label']}: {STATUS_TEXT[data['status']]}"
        if data["status"] == "relation":
            tooltip += f" (curated: {relation}; generated: {data['generated_relation']})"
        mid = shifted[len(shifted) // 2] if len(shifted) % 2 else (
            (shifted[len(shifted) // 2 - 1][0] + shifted[len(shifted) // 2][0]) / 2,
            (shifted[len(shifted) // 2 - 1][1] + shifted[len(shifted) // 2][1]) / 2)
        edges.append({"d": _path(shifted), "status": data["status"], "marker": _marker(relation),
                      "label": label, "tooltip": tooltip, "mx": mid[0], "my": mid[1]})
    node_counts = {s: sum(1 for n in nodes if n["status"] == s) for s in NODE_STATUSES}
    edge_counts = {s: sum(1 for e in edges if e["status"] == s) for s in EDGE_STATUSES}
    width = layout.width + 2 * margin + legend_width
    height = max(layout.height + 2 * margin + header, header + 2 * margin + 24 * 9)
    figid = str(diff.graph.get("figid") or "")
    return _environment().get_template("diff.svg.j2").render(
        width=width, height=height, legend_x=layout.width + 2 * margin, legend_y=header + margin,
        figid=figid, title=f"Curated vs generated{': ' + figid if figid else ''}",
        summary=(f"nodes F1 {fig.nodes.f1:.2f} · edges lenient F1 {fig.lenient.f1:.2f} · "
                 f"strict F1 {fig.strict.f1:.2f}"),
        nodes=nodes, edges=edges, node_statuses=NODE_STATUSES, edge_statuses=EDGE_STATUSES,
        node_counts=node_counts, edge_counts=edge_counts, status_text=STATUS_TEXT, colours=COLOURS,
        font_family=FONT_FAMILY, font_size=FONT_SIZE,
    )
