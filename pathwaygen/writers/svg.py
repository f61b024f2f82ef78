"""SVG writer: a publication-style diagram drawn from the graph and its layout (Jinja2 template).

Python computes every coordinate (shapes, label lines, badges, legend) and the template
``templates/diagram.svg.j2`` only prints them, with autoescape on, so captions and labels
can never inject markup. Every id starts with a per-figure prefix (see :func:`id_prefix`),
so many diagrams can share one HTML page. Numbers are printed with one decimal, so the same
graph always gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from ..layout import (FONT_FAMILY, FONT_SIZE, LINE_HEIGHT, MARGIN, isolated_top, label_lines, layout_graph,
                      node_label, text_width, wrap_text)
from ..model import RELATIONS, Box, Layout
from ..relations import style
from ._common import xml_safe_input

TITLE_SIZE = 15.0
LEGEND_SIZE = 10.0
HEDGED_DASH = "5,4"

#: (fill, stroke, legend name) per node type; the shape is chosen in :func:`_shape`.
NODE_STYLES: dict[str, tuple[str, str, str]] = {
    "gene": ("#e8f1fb", "#2f5d8a", "gene / protein"),
    "family": ("#e6f4ea", "#2e7d32", "family"),
    "complex": ("#f4effa", "#6a3d9a", "complex"),
    "chemical": ("#fff4e0", "#b86e00", "chemical"),
    "process": ("#fdecea", "#b23a3a", "process"),
    "group": ("#f2f2f2", "#666666", "group"),
    "rna": ("#e6f6f5", "#1b7f7f", "RNA"),
    "mutation": ("#ffffff", "#b23a3a", "mutation"),
}

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).resolve().parent.parent / "templates")),
    autoescape=True,  # labels, titles, captions and evidence are text, never markup
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def _num(value: float) -> str:
    """Format a coordinate with one decimal (stable bytes; -0.0 printed as 0.0)."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


_ENV.filters["n"] = _num


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    return _ENV.get_template("diagram.svg.j2")


def id_prefix(figid: str) -> str:
    """Return a safe id prefix for `figid`: letters, digits and dashes, starting with a letter."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", figid or "figure").strip("-") or "figure"
    return f"pg-{slug}"


@dataclass(frozen=True)
class Shape:
    """One drawable node outline: an SVG element name and its attributes (numbers preformatted)."""

    tag: str
    attrs: tuple[tuple[str, str], ...]


def _rect(box: Box, rx: float, **extra: str) -> Shape:
    attrs = [("x", _num(box.x)), ("y", _num(box.y)), ("width", _num(box.width)), ("height", _num(box.height)),
             ("rx", _num(rx))]
    return Shape("rect", tuple(attrs) + tuple(extra.items()))


def _polygon(points: list[tuple[float, float]], **extra: str) -> Shape:
    return Shape("polygon", (("points", " ".join(f"{_num(x)},{_num(y)}" for x, y in points)),) + tuple(extra.items()))


def _shape(node_type: str, box: Box) -> tuple[list[Shape], Box]:
    """Return the outlines drawn for a node of `node_type` in `box` and the box its text is centred in."""
    fill, stroke, _ = NODE_STYLES.get(node_type, NODE_STYLES["gene"])
    paint = {"fill": fill, "stroke": stroke, "stroke-width": "1.3"}
    x, y, w, h = box.x, box.y, box.width, box.height
    if node_type == "family":
        # two stacked cards: "several related proteins"
        back = Box(x + 4, y + 4, w - 4, h - 4)
        front = Box(x, y, w - 4, h - 4)
        return [_rect(back, 3, **paint), _rect(front, 3, **paint)], front
    if node_type == "chemical":
        return [Shape("ellipse", (("cx", _num(box.cx)), ("cy", _num(box.cy)), ("rx", _num(w / 2)),
                                  ("ry", _num(h / 2))) + tuple(paint.items()))], box
    if node_type == "process":
        d = h * 0.3
        return [_polygon([(x + d, y), (x + w - d, y), (x + w, box.cy), (x + w - d, y + h), (x + d, y + h),
                          (x, box.cy)], **paint)], box
    if node_type == "complex":
        c = min(8.0, h / 3, w / 3)
        return [_polygon([(x + c, y), (x + w - c, y), (x + w, y + c), (x + w, y + h - c), (x + w - c, y + h),
                          (x + c, y + h), (x, y + h - c), (x, y + c)], **paint)], box
    if node_type == "group":
        return [_rect(box, h / 2, **paint, **{"stroke-dasharray": "4,2"})], box
    if node_type == "rna":
        return [_polygon([(x + 5, y), (x + w, y), (x + w - 5, y + h), (x, y + h)], **paint)], box
    if node_type == "mutation":
        return [_rect(box, 0, **paint, **{"stroke-dasharray": "3,2"})], box
    return [_rect(box, 3, **paint)], box


def _text_lines(lines: list[str], box: Box, size: float = FONT_SIZE) -> list[tuple[str, str, str]]:
    """Return (x, y, text) for label lines centred in `box` (baselines from the line height)."""
    first = box.cy - (len(lines) - 1) * LINE_HEIGHT / 2 + size * 0.36
    return [(_num(box.cx), _num(first + i * LINE_HEIGHT), line) for i, line in enumerate(lines)]


_DATABASES = (("ncbigene", "NCBI Gene"), ("hgnc.symbol", "HGNC"), ("fplx", "FamPlex"), ("chebi", "ChEBI"),
              ("go", "GO"), ("mesh", "MeSH"), ("uniprot", "UniProt"))


def _node_tooltip(data: dict[str, Any], label: str) -> str:
    """Return a node's tooltip: label, type, main identifiers and (families, complexes) members."""
    parts = [f"{label} ({data.get('type', 'gene')})"]
    xrefs = data.get("xrefs") or {}
    ids = [f"{name} {xrefs[key]}" for key, name in _DATABASES if xrefs.get(key)]
    if ids:
        parts.append("; ".join(ids))
    members = [str(m.get("label") or m.get("id")) for m in data.get("members") or [] if isinstance(m, dict)]
    if members:
        parts.append("members: " + ", ".join(members))
    return " — ".join(parts)


def _bezier_point(points: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    """Return the point halfway along a dot spline (control points 1 + 3n), by arc length.

    Each cubic is sampled at a few steps; halfway by length keeps a badge clear of both
    ends even when one segment is much longer than the others.
    """
    segments = (len(points) - 1) // 3
    if segments < 1:
        return points[len(points) // 2]
    samples: list[tuple[float, float]] = [points[0]]
    for k in range(segments):
        p0, p1, p2, p3 = points[3 * k: 3 * k + 4]
        for step in range(1, 9):
            t = step / 8
            u = 1 - t
            samples.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                            u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    lengths = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(samples, samples[1:])]
    half = sum(lengths) / 2
    for (a, b), length in zip(zip(samples, samples[1:]), lengths):
        if length and half <= length:
            f = half / length
            return a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])
        half -= length
    return samples[-1]


def _path(points: tuple[tuple[float, float], ...]) -> str:
    """Return SVG path data for dot's cubic bezier control points (a straight line for two points)."""
    if len(points) < 2:
        return ""
    head = f"M{_num(points[0][0])},{_num(points[0][1])}"
    if (len(points) - 1) % 3 == 0:
        rest = points[1:]
        segs = [" ".join(f"{_num(x)},{_num(y)}" for x, y in rest[i:i + 3]) for i in range(0, len(rest), 3)]
        return head + "".join(f" C{seg}" for seg in segs)
    return head + "".join(f" L{_num(x)},{_num(y)}" for x, y in points[1:])


def _evidence_text(data: dict[str, Any], source: str, relation: str, target: str) -> str:
    """Return an edge's tooltip: its evidence sentences (or the bare statement when there are none)."""
    texts: list[str] = []
    for evidence in data.get("evidence") or []:
        text = " ".join(str(evidence.get("text", "")).split())
        if text and text not in texts:
            texts.append(text)
    if not texts:
        texts = [f"{source} {relation} {target}"]
    return "\n".join(texts) + (" (hedged)" if data.get("hedged") else "")


def _legend(relations: list[str], hedged: bool, node_types: list[str], width: float,
            prefix: str) -> tuple[list[dict[str, Any]], float]:
    """Lay the legend out in rows that wrap at `width`; return its entries and height."""
    entries: list[dict[str, Any]] = []
    items: list[tuple[str, str, str]] = [("relation", r, style(r).legend) for r in relations]
    if hedged:
        items.append(("hedged", relations[0] if relations else "activates", "hedged (may, might)"))
    items += [("node", t, NODE_STYLES[t][2]) for t in node_types]
    x, y, row = MARGIN, 0.0, 18.0
    for kind, key, text in items:
        sample = 24.0 if kind == "node" else 40.0 if kind == "relation" and style(key).badge else 30.0
        item_w = sample + 5 + text_width(text, LEGEND_SIZE) + 16
        if x > MARGIN and x + item_w > width - MARGIN:
            x, y = MARGIN, y + row
        entry: dict[str, Any] = {"kind": kind, "key": key, "text": text, "x": x, "y": y,
                                 "text_x": x + sample + 5, "sample": sample}
        if kind == "node":
            fill, stroke, _ = NODE_STYLES[key]
            entry["shapes"], _box = _shape(key, Box(x, y + 2, sample, 12))
        else:
            rs = style(key)
            entry["color"] = rs.svg_color
            entry["dash"] = HEDGED_DASH if kind == "hedged" else rs.svg_dash
            entry["marker"] = "" if kind == "hedged" or rs.svg_marker == "none" else f"{prefix}-mk-{key}"
            entry["badge"] = "" if kind == "hedged" else rs.badge
            entry["badge_w"] = max(13.0, text_width(rs.badge, 8.5, True) + 6)
            entry["badge_x"] = x + sample * 0.4
        entries.append(entry)
        x += item_w
    return entries, (y + row if items else 0.0)


def render_context(graph: nx.MultiDiGraph, layout: Layout) -> dict[str, Any]:
    """Return everything the template prints, all coordinates final (title band + drawing + legend)."""
    figid = str(graph.graph.get("figid") or "figure")
    prefix = id_prefix(figid)
    title = " ".join(str(graph.graph.get("title") or figid).split())
    caption = " ".join(str(graph.graph.get("caption") or "").split())
    used_relations = [r for r in RELATIONS if any(k == r for _, _, k in graph.edges(keys=True))]
    hedged = any(d.get("hedged") for _, _, d in graph.edges(data=True))
    node_types = [t for t in NODE_STYLES if any(d.get("type", "gene") == t for _, d in graph.nodes(data=True))]
    if any(graph.nodes[n].get("type") == "complex" for n in graph.nodes) or layout.members:
        if "gene" not in node_types and layout.members:
            node_types.insert(0, "gene")
    # a short drawing may widen for its title (up to a column's width) rather than wrap it
    width = max(layout.width, 320.0, min(text_width(title, TITLE_SIZE, True) + 2 * MARGIN, 640.0))
    title_lines = wrap_text(title, width - 2 * MARGIN, TITLE_SIZE, bold=True)
    width = max(width, max(text_width(line, TITLE_SIZE, True) for line in title_lines) + 2 * MARGIN)
    title_h = MARGIN + len(title_lines) * (TITLE_SIZE + 4) + 4
    legend, legend_h = _legend(used_relations, hedged, node_types, width, prefix)
    legend_top = title_h + layout.height + 6
    nodes = []
    complexes = []
    for index, node in enumerate(sorted(graph.nodes)):
        box = layout.nodes.get(node)
        if box is None:
            continue
        data = graph.nodes[node]
        ntype = str(data.get("type") or "gene")
        label = node_label(graph, node)
        shapes, text_box = _shape(ntype, box)
        member_boxes = [(mid, mbox) for (cid, mid), mbox in sorted(layout.members.items(), key=lambda kv: (kv[1].y, kv[1].x))
                        if cid == node]
        entry = {"id": f"{prefix}-n{index}", "type": ntype, "tooltip": _node_tooltip(data, label), "shapes": shapes}
        if member_boxes:
            labels = {str(m.get("id")): m for m in data.get("members") or [] if isinstance(m, dict)}
            entry["lines"] = [(_num(box.x + 9), _num(box.y + 13), label)]
            entry["anchor"] = "start"
            entry["members"] = []
            for j, (mid, mbox) in enumerate(member_boxes):
                member = labels.get(mid, {"label": mid, "type": "gene"})
                mtype = str(member.get("type") or "gene")
                mlabel = str(member.get("label") or mid)
                mshapes, mtext = _shape(mtype, mbox)
                entry["members"].append({"id": f"{prefix}-n{index}-m{j}", "shapes": mshapes, "type": mtype,
                                         "tooltip": _node_tooltip(member, mlabel),
                                         "lines": _text_lines(label_lines(mlabel, mtype), mtext)})
            complexes.append(entry)
        else:
            entry["lines"] = _text_lines(label_lines(label, ntype), text_box)
            entry["anchor"] = "middle"
            nodes.append(entry)
    edges = []
    for index, route in enumerate(layout.edges):
        if not graph.has_edge(route.source, route.target, route.key) or len(route.points) < 2:
            continue
        data = graph.edges[route.source, route.target, route.key]
        rs = style(route.key)
        dash = HEDGED_DASH if data.get("hedged") and not rs.svg_dash else rs.svg_dash
        badge = None
        if rs.badge:
            bx, by = _bezier_point(route.points)
            bw = max(13.0, text_width(rs.badge, 8.5, True) + 6)
            badge = {"x": bx, "y": by, "w": bw, "text": rs.badge}
        edges.append({"id": f"{prefix}-e{index}", "relation": route.key, "d": _path(route.points),
                      "color": rs.svg_color, "dash": dash, "hedged": bool(data.get("hedged")),
                      "marker": "" if rs.svg_marker == "none" else f"{prefix}-mk-{route.key}",
                      "tooltip": _evidence_text(data, node_label(graph, route.source), route.key,
                                                node_label(graph, route.target)),
                      "badge": badge})
    top = isolated_top(graph, layout)
    heading_y = top - 8 if top is not None else 0.0
    markers = [{"id": f"{prefix}-mk-{r}", "shape": style(r).svg_marker, "color": style(r).svg_color}
               for r in used_relations if style(r).svg_marker != "none"]
    return {
        "prefix": prefix, "width": width, "height": legend_top + legend_h + MARGIN / 2,
        "title": title, "title_lines": [(MARGIN + (TITLE_SIZE + 4) * (i + 1) - 4, line) for i, line in enumerate(title_lines)],
        "caption": caption or title, "font_family": FONT_FAMILY, "font_size": FONT_SIZE,
        "title_size": TITLE_SIZE, "legend_size": LEGEND_SIZE, "offset": title_h,
        "nodes": nodes, "complexes": complexes, "edges": edges, "markers": markers,
        "isolated_heading": {"x": MARGIN, "y": heading_y} if top is not None else None,
        "legend": legend, "legend_top": legend_top,
    }


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the SVG text of `graph` drawn with `layout` (computed with dot when None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    if layout is None:
        layout = layout_graph(graph)
    return _template().render(**render_context(graph, layout))
