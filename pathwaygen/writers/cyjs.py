"""Cytoscape.js JSON writer (`.cyjs`), the form Cytoscape exports and imports and cytoscape.js loads.

`elements.nodes[]` have `data` (id, name, type, groundings) and `position` (the centre of
the layout box); `elements.edges[]` have `data` (source, target, interaction = relation,
evidence, rule). A complex is a compound parent: each subunit the layout places inside it
becomes a child node whose `data.parent` is the complex, positioned at its member box.
Node `data.value`, edge `data.key` and the top-level `directed`/`multigraph` flags are
the ones `networkx.cytoscape_graph` reads, so the file also loads into networkx.
Each edge's `data.arrow`, `data.color` and `data.line` come from the one relation table
(hedged edges dashed, as in the SVG) so that a stylesheet maps them directly
(`target-arrow-shape: data(arrow); line-color: data(color); line-style: data(line)`).
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from .. import GENERATOR
from ..model import Box, Layout
from ..relations import style
from ._common import (
    xml_safe_input,
    curies, display_label, evidence_of, iter_members, line_style, node_box, num, resolve_layout,
    sorted_edges, sorted_nodes, source_of,
)


def _position(box: Box) -> dict[str, float | int]:
    """Return a cytoscape position (node centre) of a layout box."""
    return {"x": num(box.cx), "y": num(box.cy)}


def _size(box: Box) -> dict[str, float | int]:
    """Return the width and height of a layout box for a node's data."""
    return {"width": num(box.width), "height": num(box.height)}


def to_dict(graph: nx.MultiDiGraph, layout: Layout) -> dict[str, Any]:
    """Return the Cytoscape.js document of `graph` placed by `layout`."""
    nodes: list[dict[str, Any]] = []
    for node, data in sorted_nodes(graph):
        box = node_box(layout, node)
        ids = curies(data.get("xrefs"))
        item = {
            "id": node,
            "value": node,
            "name": display_label(graph, node),
            "type": data.get("type", "gene"),
            "represents": ids[0] if ids else "",
            "xrefs": ids,
            "members": [m["id"] for m in iter_members(data)],
            **_size(box),
        }
        nodes.append({"data": item, "position": _position(box)})
        if data.get("type") != "complex":
            continue
        for member in iter_members(data):
            member_box = layout.members.get((node, member["id"]))
            if member_box is None:
                continue
            child = {
                "id": f"{node}/{member['id']}",
                "value": f"{node}/{member['id']}",
                "name": str(member.get("label") or member["id"]),
                "type": member.get("type", "gene"),
                "parent": node,
                "member_of": node,
                "represents": (curies(member.get("xrefs")) or [""])[0],
                "xrefs": curies(member.get("xrefs")),
                **_size(member_box),
            }
            nodes.append({"data": child, "position": _position(member_box)})
    edges: list[dict[str, Any]] = []
    for source, target, relation, data in sorted_edges(graph):
        rel = style(relation)
        evidence = evidence_of(data)
        edges.append({"data": {
            "id": f"{source}|{relation}|{target}",
            "source": source,
            "target": target,
            "key": relation,
            "interaction": relation,
            "hedged": bool(data.get("hedged", False)),
            "evidence": [ev.get("text", "") for ev in evidence],
            "rule": [ev.get("rule", "") for ev in evidence],
            "arrow": rel.cy_arrow,
            "line": line_style(relation, bool(data.get("hedged", False))),
            "color": rel.svg_color,
        }})
    meta = graph.graph
    return {
        "format_version": "1.0",
        "generated_by": GENERATOR,
        "target_cytoscapejs_version": "~3",
        "directed": True,
        "multigraph": True,
        "data": {
            "name": meta.get("title") or meta.get("figid", ""),
            "figid": meta.get("figid", ""),
            "description": meta.get("caption", ""),
            "source": source_of(meta),
            "pmcid": meta.get("pmcid", ""),
            "organisms": list(meta.get("organisms") or []),
        },
        "elements": {"nodes": nodes, "edges": edges},
    }


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the Cytoscape.js JSON text of `graph` (computing the layout when it is None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    return json.dumps(to_dict(graph, resolve_layout(graph, layout)), ensure_ascii=False, indent=1) + "\n"
