"""CX2 writer (`.cx2`): the Cytoscape Exchange format version 2 that NDEx and Cytoscape read.

Aspects, in the order the CX2 specification lists them: `CXVersion`, `metaData`,
`attributeDeclarations`, `networkAttributes` (name = figure title, description = caption,
source = the figure record), `nodes` (integer ids, `x`/`y` = centre of the layout box,
values: name, type, `represents` = the main grounding as `prefix:id`, `alias` = the other
groundings, members, width/height), `edges` (values: `interaction` = the relation, evidence
sentences, rules, hedged, directed), `visualProperties` (labels, box sizes, and each
relation's arrow shape, colour and line style from the one relation table), `edgeBypasses`
(hedged edges dashed, as in the SVG), `visualEditorProperties` (node width and height not
locked together) and `status`.

The JSON is written directly rather than through ndex2's CX2Network so that pathwaygen does
not need pandas/numpy at run time; the test suite loads every file back with ndex2.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import networkx as nx

from ..model import UNDIRECTED, Layout
from ..relations import RELATION_STYLES, RelationStyle
from ._common import (
    xml_safe_input,
    curies, display_label, evidence_of, iter_members, line_style, node_box, num, resolve_layout,
    sorted_edges, sorted_nodes, source_of,
)

#: CX2 attribute declarations: aspect -> attribute -> data type.
DECLARATIONS: dict[str, dict[str, str]] = {
    "networkAttributes": {
        "name": "string", "description": "string", "source": "string", "figid": "string", "pmcid": "string",
        "doi": "string", "pmid": "string", "organisms": "list_of_string", "generator": "string",
    },
    "nodes": {
        "name": "string", "pathwaygen_id": "string", "type": "string", "represents": "string",
        "alias": "list_of_string", "members": "list_of_string", "width": "double", "height": "double",
    },
    "edges": {
        "interaction": "string", "evidence": "list_of_string", "rule": "list_of_string",
        "hedged": "boolean", "directed": "boolean",
    },
}


def _attributes(values: dict[str, Any], declared: dict[str, str]) -> dict[str, Any]:
    """Keep the declared attributes that have a value (CX2 omits absent values), in declaration order."""
    out: dict[str, Any] = {}
    for key in declared:
        value = values.get(key)
        if value is None or value == "" or value == []:
            continue
        out[key] = value
    return out


def _visual_properties() -> dict[str, Any]:
    """Return the CX2 style: labels and sizes from node attributes, arrows from the relation table."""
    return {
        "default": {
            "network": {"NETWORK_BACKGROUND_COLOR": "#FFFFFF"},
            "node": {
                "NODE_SHAPE": "round-rectangle",
                "NODE_BACKGROUND_COLOR": "#FFFFFF",
                "NODE_BORDER_COLOR": "#333333",
                "NODE_BORDER_WIDTH": 1,
                "NODE_LABEL_COLOR": "#000000",
                "NODE_LABEL_FONT_SIZE": 11,
            },
            "edge": {
                "EDGE_LINE_COLOR": "#333333",
                "EDGE_LINE_STYLE": "solid",
                "EDGE_SOURCE_ARROW_SHAPE": "none",
                "EDGE_TARGET_ARROW_COLOR": "#333333",
                "EDGE_TARGET_ARROW_SHAPE": "triangle",
                "EDGE_WIDTH": 1.5,
            },
        },
        "nodeMapping": {
            "NODE_LABEL": {"type": "PASSTHROUGH", "definition": {"attribute": "name", "type": "string"}},
            "NODE_WIDTH": {"type": "PASSTHROUGH", "definition": {"attribute": "width", "type": "double"}},
            "NODE_HEIGHT": {"type": "PASSTHROUGH", "definition": {"attribute": "height", "type": "double"}},
        },
        "edgeMapping": {
            "EDGE_TARGET_ARROW_SHAPE": _by_relation(lambda name, s: s.cy_arrow),
            "EDGE_LINE_COLOR": _by_relation(lambda name, s: s.svg_color),
            "EDGE_TARGET_ARROW_COLOR": _by_relation(lambda name, s: s.svg_color),
            "EDGE_LINE_STYLE": _by_relation(lambda name, s: line_style(name, False)),
        },
    }


def _by_relation(value: Callable[[str, RelationStyle], Any]) -> dict[str, Any]:
    """Return a CX2 discrete mapping from the edge `interaction` (the relation) to a visual value."""
    return {"type": "DISCRETE", "definition": {
        "attribute": "interaction", "type": "string",
        "map": [{"v": name, "vp": value(name, s)} for name, s in RELATION_STYLES.items()],
    }}


def to_cx2(graph: nx.MultiDiGraph, layout: Layout) -> list[dict[str, Any]]:
    """Return the CX2 aspect list of `graph` placed by `layout`."""
    meta = graph.graph
    network = _attributes({
        "name": meta.get("title") or meta.get("figid", ""),
        "description": meta.get("caption", ""),
        "source": source_of(meta),
        "figid": meta.get("figid", ""),
        "pmcid": meta.get("pmcid", ""),
        "doi": meta.get("doi", ""),
        "pmid": meta.get("pmid", ""),
        "organisms": [str(o) for o in meta.get("organisms") or []],
        "generator": meta.get("generator", ""),
    }, DECLARATIONS["networkAttributes"])

    ids: dict[str, int] = {}
    nodes: list[dict[str, Any]] = []
    for index, (node, data) in enumerate(sorted_nodes(graph)):
        ids[node] = index
        box = node_box(layout, node)
        groundings = curies(data.get("xrefs"))
        values = _attributes({
            "name": display_label(graph, node),
            "pathwaygen_id": node,
            "type": data.get("type", "gene"),
            "represents": groundings[0] if groundings else "",
            "alias": groundings[1:],
            "members": [str(m["id"]) for m in iter_members(data)],
            "width": float(num(box.width)),
            "height": float(num(box.height)),
        }, DECLARATIONS["nodes"])
        nodes.append({"id": index, "x": num(box.cx), "y": num(box.cy), "v": values})

    edges: list[dict[str, Any]] = []
    for index, (source, target, relation, data) in enumerate(sorted_edges(graph)):
        evidence = evidence_of(data)
        values = _attributes({
            "interaction": relation,
            "evidence": [str(ev.get("text", "")) for ev in evidence],
            "rule": [str(ev.get("rule", "")) for ev in evidence],
            "hedged": bool(data.get("hedged", False)),
            "directed": relation not in UNDIRECTED,
        }, DECLARATIONS["edges"])
        edges.append({"id": index, "s": ids[source], "t": ids[target], "v": values})

    # Declare only the attributes some element has, as ndex2 and Cytoscape write CX2.
    used = {"networkAttributes": set(network), "nodes": {k for n in nodes for k in n["v"]},
            "edges": {k for e in edges for k in e["v"]}}
    declarations = {aspect: {k: {"d": t} for k, t in attrs.items() if k in used[aspect]}
                    for aspect, attrs in DECLARATIONS.items()}
    declared = {aspect: d for aspect, d in declarations.items() if d}
    aspects: list[dict[str, Any]] = []
    if declared:
        aspects.append({"attributeDeclarations": [declared]})
    if network:
        aspects.append({"networkAttributes": [network]})
    # nodes and edges are always present, even empty (as ndex2 writes them); metaData counts non-empty ones.
    aspects += [{"nodes": nodes}, {"edges": edges}]
    aspects.append({"visualProperties": [_visual_properties()]})
    # A mapping reads one attribute, so hedged edges get their dashes from a bypass.
    hedged = [{"id": e["id"], "v": {"EDGE_LINE_STYLE": "dashed"}} for e in edges if e["v"].get("hedged")]
    if hedged:
        aspects.append({"edgeBypasses": hedged})
    # Node width and height are separate sizes here, not Cytoscape's default locked square.
    aspects.append({"visualEditorProperties": [{"properties": {"nodeSizeLocked": False, "arrowColorMatchesEdge": False}}]})
    meta_data = [{"name": name, "elementCount": len(items)} for a in aspects for name, items in a.items() if items]
    return [
        {"CXVersion": "2.0", "hasFragments": False},
        {"metaData": meta_data},
        *aspects,
        {"status": [{"error": "", "success": True}]},
    ]


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the CX2 JSON text of `graph` (computing the layout when it is None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    return json.dumps(to_cx2(graph, resolve_layout(graph, layout)), ensure_ascii=False, indent=1) + "\n"
