"""GraphML writer (`.graphml`) through networkx, for Gephi, yEd, Cytoscape and igraph.

`label` is the name the diagrams draw (`key_label` the graph's own label). GraphML
attributes are scalars, so structured attributes are flattened to strings:
groundings as space-separated `prefix:id` identifiers (`xrefs`) and the member ids, the
evidence sentences and rules joined by " | ", and the full records (members, mentions,
evidence) as compact JSON strings for lossless reading back. Layout coordinates (box
centre `x`/`y`, `width`/`height`) are numbers; an edge's `route` lists the layout's spline
control points as "x,y x,y ...". Edges carry their relation as the GraphML
edge id and as `interaction`.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ..model import UNDIRECTED, Layout
from ..relations import style
from ._common import (
    xml_safe_input,
    curies, display_label, edge_routes, evidence_of, iter_members, node_box, num, resolve_layout,
    sorted_edges, sorted_nodes, source_of,
)


def _json(value: Any) -> str:
    """Return `value` as compact JSON with sorted keys (stable bytes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_networkx(graph: nx.MultiDiGraph, layout: Layout) -> nx.MultiDiGraph:
    """Return a copy of `graph` whose attributes are all GraphML scalars, nodes and edges in sorted order."""
    meta = graph.graph
    flat = nx.MultiDiGraph()
    flat.graph.update({
        "name": str(meta.get("title") or meta.get("figid", "")),
        "figid": str(meta.get("figid", "")),
        "description": str(meta.get("caption", "")),
        "source": source_of(meta),
        "organisms": " | ".join(str(o) for o in meta.get("organisms") or []),
        "pmcid": str(meta.get("pmcid", "")),
        "generator": str(meta.get("generator", "")),
    })
    for node, data in sorted_nodes(graph):
        box = node_box(layout, node)
        members = list(iter_members(data))
        flat.add_node(
            node,
            label=display_label(graph, node),
            key_label=str(data.get("label") or node),
            type=str(data.get("type", "gene")),
            xrefs=" ".join(curies(data.get("xrefs"))),
            members=" ".join(str(m["id"]) for m in members),
            members_json=_json(members),
            mentions_json=_json(sorted(data.get("mentions") or [], key=lambda m: (m.get("start", 0), m.get("end", 0)))),
            x=float(num(box.cx)),
            y=float(num(box.cy)),
            width=float(num(box.width)),
            height=float(num(box.height)),
        )
    routes = edge_routes(layout)
    for source, target, relation, data in sorted_edges(graph):
        evidence = evidence_of(data)
        route = routes.get((source, target, relation))
        flat.add_edge(
            source, target, key=relation,
            interaction=relation,
            sif=style(relation).sif,
            directed=relation not in UNDIRECTED,
            hedged=bool(data.get("hedged", False)),
            evidence=" | ".join(str(ev.get("text", "")) for ev in evidence),
            rule=" | ".join(str(ev.get("rule", "")) for ev in evidence),
            evidence_json=_json(evidence),
            route=" ".join(f"{num(x)},{num(y)}" for x, y in (route.points if route else ())),
        )
    return flat


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the GraphML text of `graph` (computing the layout when it is None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    flat = to_networkx(graph, resolve_layout(graph, layout))
    body = "\n".join(nx.generate_graphml(flat, encoding="utf-8", prettyprint=True))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
