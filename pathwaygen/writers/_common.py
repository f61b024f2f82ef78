"""Small helpers shared by the interchange writers (CX2, SBGN, Cytoscape.js, SIF, INDRA, GraphML).

They read the graph model documented in `pathwaygen.graphjson` in one deterministic order
and turn groundings into compact identifiers, so every writer names things the same way.
"""

from __future__ import annotations

from typing import Any, Iterator

import networkx as nx

from ..errors import LayoutError
from ..limits import all_xml_safe, xml_safe
from ..model import Box, EdgeRoute, Layout
from ..relations import style

#: xref prefixes in the order writers list them (most specific registry first).
XREF_ORDER: tuple[str, ...] = ("hgnc", "fplx", "chebi", "hgnc.symbol", "ncbigene", "uniprot", "ensembl", "mesh", "go")


def resolve_layout(graph: nx.MultiDiGraph, layout: Layout | None) -> Layout:
    """Return `layout`, or compute it with `pathwaygen.layout.layout_graph` when it is None."""
    if layout is not None:
        return layout
    # Imported here: the layout stage needs Graphviz, which the text-only writers never touch.
    from ..layout import layout_graph

    return layout_graph(graph)


def node_box(layout: Layout, node: str) -> Box:
    """Return the box of `node`; raises LayoutError when the layout does not place it."""
    try:
        return layout.nodes[node]
    except KeyError:
        raise LayoutError(f"layout has no box for node {node!r}") from None


def edge_routes(layout: Layout) -> dict[tuple[str, str, str], EdgeRoute]:
    """Index the layout's edge routes by (source, target, relation)."""
    return {(r.source, r.target, r.key): r for r in layout.edges}


def sorted_nodes(graph: nx.MultiDiGraph) -> list[tuple[str, dict[str, Any]]]:
    """Return (node id, attributes) pairs sorted by id."""
    return [(n, graph.nodes[n]) for n in sorted(graph.nodes)]


def sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Return (source, target, relation, attributes) tuples sorted by (source, target, relation)."""
    edges = [(s, t, data.get("relation", k), data) for s, t, k, data in graph.edges(keys=True, data=True)]
    return sorted(edges, key=lambda e: (e[0], e[1], e[2]))


def evidence_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return an edge's evidence records sorted by (start, end, rule)."""
    return sorted(data.get("evidence") or [], key=lambda e: (e.get("start", 0), e.get("end", 0), e.get("rule", "")))


def curie(prefix: str, value: str) -> str:
    """Return the compact identifier of one xref: ("hgnc", "6840") -> "hgnc:6840".

    ChEBI and GO ids already carry their prefix ("CHEBI:15422", "GO:0006915") and are kept as
    they are, which is the form identifiers.org and Bioregistry accept.
    """
    if value.upper().startswith(prefix.upper() + ":"):
        return value
    return f"{prefix}:{value}"


def ordered_xrefs(xrefs: dict[str, str] | None) -> list[tuple[str, str]]:
    """Return (prefix, id) pairs: known registries in XREF_ORDER, then any others sorted."""
    xrefs = xrefs or {}
    known = [(p, xrefs[p]) for p in XREF_ORDER if xrefs.get(p)]
    rest = sorted((p, v) for p, v in xrefs.items() if p not in XREF_ORDER and v)
    return known + rest


def curies(xrefs: dict[str, str] | None) -> list[str]:
    """Return the compact identifiers of all xrefs in writer order."""
    return [curie(p, v) for p, v in ordered_xrefs(xrefs)]


def display_label(graph: nx.MultiDiGraph, node: str) -> str:
    """Return the name a person sees for `node`: the same text the SVG and GPML diagrams draw.

    One rule for every writer (`pathwaygen.layout.node_label`): the label, or the caption's
    spelling for lowercase-keyed chemicals, groups and processes ("cGAMP", not "cgamp").
    """
    from ..layout import node_label  # the layout module owns the rule; imported late like layout_graph

    return node_label(graph, node)


def first_mention(data: dict[str, Any]) -> str:
    """Return the text of a node's first mention in the caption ("" when it has none)."""
    mentions = sorted(data.get("mentions") or [], key=lambda m: (m.get("start", 0), m.get("end", 0)))
    return str(mentions[0].get("text", "")) if mentions else ""


def num(value: float) -> float | int:
    """Round a coordinate to 2 decimals (an int when whole) so output bytes do not depend on float noise."""
    rounded = round(float(value), 2)
    return int(rounded) if rounded == int(rounded) else rounded


def iter_members(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Yield a node's members (family members or complex subunits) in their stored order."""
    for member in data.get("members") or []:
        if isinstance(member, dict) and member.get("id"):
            yield member


def source_of(meta: dict[str, Any]) -> str:
    """Return the figure record a graph came from: its `source` when set, else figid, PMCID and DOI."""
    if meta.get("source"):
        return str(meta["source"])
    parts = [str(meta.get("figid") or ""), str(meta.get("pmcid") or ""), f"doi:{meta['doi']}" if meta.get("doi") else ""]
    return ", ".join(p for p in parts if p)


def on_curve_points(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """Return the points a route passes through, for formats whose edges are polylines.

    The layout's routes are Graphviz cubic Bézier splines: 3n+1 control points of which
    every third (0, 3, 6, ...) lies on the curve; the others only pull it. Any other point
    count is taken as a polyline already.
    """
    if len(points) >= 4 and (len(points) - 1) % 3 == 0:
        return list(points[::3])
    return list(points)


def line_style(relation: str, hedged: bool) -> str:
    """Return the Cytoscape line style of an edge, drawn as the SVG draws it.

    A hedged edge ("X may activate Y") is dashed, as in the SVG diagram; a relation whose
    SVG stroke has a dash pattern in the relation table is dotted; every other edge is solid.
    """
    if hedged:
        return "dashed"
    return "dotted" if style(relation).svg_dash else "solid"


def _strings(value: Any) -> list[str]:
    """Every string inside `value` (dict keys and values, list and tuple items), in no set order."""
    out: list[str] = []
    # (a stack, not recursive generators: this walks every string of every graph each writer
    # gets, and a generator per nesting level cost more than the writers' own work)
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, (list, tuple)):
            todo.extend(item)
    return out


def _fix(value: Any) -> Any:
    """Return `value` with :func:`pathwaygen.limits.xml_safe` applied to every string inside."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {_fix(key): _fix(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fix(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_fix(item) for item in value)
    return value


def _graph_is_clean(graph: nx.MultiDiGraph, layout: Layout | None) -> bool:
    parts: list[Any] = [graph.graph, list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))]
    if layout is not None:
        parts += [list(layout.nodes), list(layout.members), [(r.source, r.target, r.key) for r in layout.edges]]
    return all_xml_safe(_strings(parts))


def xml_safe_input(graph: nx.MultiDiGraph, layout: Layout | None) -> tuple[nx.MultiDiGraph, Layout | None]:
    """Return `graph` and `layout` with every string made XML-safe (:func:`pathwaygen.limits.xml_safe`).

    A caption or graph file may hold NUL, other control characters or lone surrogates, which
    XML cannot carry and UTF-8 cannot encode. Every writer calls this first, so each output
    parses and encodes whatever came in. Node ids are mapped the same way in the graph and the
    layout, so the boxes still fit. Clean input (the usual case) comes back as the same objects.
    """
    if _graph_is_clean(graph, layout):
        return graph, layout
    clean = nx.MultiDiGraph()
    clean.graph.update(_fix(dict(graph.graph)))
    for node, data in graph.nodes(data=True):
        clean.add_node(_fix(node), **_fix(dict(data)))
    for source, target, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(_fix(source), _fix(target), key=_fix(key), **_fix(dict(data)))
    if layout is not None:
        layout = Layout(width=layout.width, height=layout.height,
                        nodes={_fix(node): box for node, box in layout.nodes.items()},
                        members={(_fix(c), _fix(m)): box for (c, m), box in layout.members.items()},
                        edges=tuple(EdgeRoute(_fix(r.source), _fix(r.target), _fix(r.key), r.points)
                                    for r in layout.edges))
    return clean, layout
