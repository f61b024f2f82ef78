"""The graph model and its JSON interchange format (read and write).

The graph of one figure is a ``networkx.MultiDiGraph``:

- ``G.graph``: figid, title, caption, organisms (list), pmcid, doi, pmid, year,
  paper_title, generator.
- node id: the entity's canonical key (HGNC symbol, FamPlex id, lowercase name); node
  attributes: ``label``, ``type`` (one of NODE_TYPES), ``xrefs`` (dict prefix -> id),
  ``members`` (list of {"id", "label", "type", "xrefs"}), ``mentions`` (list of
  {"text", "start", "end"} into the original caption).
- edge key: the relation; edge attributes: ``relation``, ``hedged`` (bool) and
  ``evidence`` (list of {"text", "start", "end", "rule"}).

The JSON form lists nodes sorted by id and edges sorted by (source, target, relation), so
the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from . import GENERATOR
from .errors import GraphFormatError
from .model import NODE_TYPES, RELATIONS

GRAPH_KEYS: tuple[str, ...] = (
    "figid", "title", "caption", "organisms", "pmcid", "doi", "pmid", "year", "paper_title",
)


def new_graph(**attrs: Any) -> nx.MultiDiGraph:
    """Return an empty figure graph with every graph attribute present."""
    graph = nx.MultiDiGraph()
    for key in GRAPH_KEYS:
        graph.graph[key] = attrs.get(key, [] if key == "organisms" else "")
    graph.graph["generator"] = attrs.get("generator", GENERATOR)
    return graph


def to_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Return the JSON-ready dict of `graph` (deterministic order)."""
    out: dict[str, Any] = {key: graph.graph.get(key, [] if key == "organisms" else "") for key in GRAPH_KEYS}
    out["organisms"] = list(out["organisms"] or [])
    out["generator"] = GENERATOR
    nodes = []
    for node_id in sorted(graph.nodes):
        data = graph.nodes[node_id]
        nodes.append({
            "id": node_id,
            "label": data.get("label", node_id),
            "type": data.get("type", "gene"),
            "xrefs": dict(sorted((data.get("xrefs") or {}).items())),
            "members": list(data.get("members") or []),
            "mentions": sorted(data.get("mentions") or [], key=lambda m: (m["start"], m["end"])),
        })
    edges = []
    for source, target, key, data in graph.edges(keys=True, data=True):
        edges.append({
            "source": source,
            "target": target,
            "relation": data.get("relation", key),
            "hedged": bool(data.get("hedged", False)),
            "evidence": sorted(data.get("evidence") or [], key=lambda e: (e["start"], e["end"], e["rule"])),
        })
    edges.sort(key=lambda e: (e["source"], e["target"], e["relation"]))
    out["nodes"] = nodes
    out["edges"] = edges
    return out


def dumps(graph: nx.MultiDiGraph) -> str:
    """Serialise `graph` to the documented JSON text (UTF-8, sorted, trailing newline)."""
    return json.dumps(to_dict(graph), ensure_ascii=False, indent=1) + "\n"


def from_dict(data: Any, source: str = "<json>") -> nx.MultiDiGraph:
    """Build a graph from the JSON dict form; raises GraphFormatError naming `source` when malformed."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise GraphFormatError(f"{source}: not a pathwaygen graph JSON (needs 'nodes' and 'edges' lists)")
    graph = new_graph(**{k: data.get(k, "") for k in GRAPH_KEYS if k in data})
    if "generator" in data:
        graph.graph["generator"] = data["generator"]
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str) or not node["id"]:
            raise GraphFormatError(f"{source}: node {i} has no string 'id'")
        ntype = node.get("type", "gene")
        if ntype not in NODE_TYPES:
            raise GraphFormatError(f"{source}: node {node['id']!r} has unknown type {ntype!r}")
        graph.add_node(
            node["id"],
            label=str(node.get("label") or node["id"]),
            type=ntype,
            xrefs={str(k): str(v) for k, v in (node.get("xrefs") or {}).items()},
            members=list(node.get("members") or []),
            mentions=list(node.get("mentions") or []),
        )
    for i, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict):
            raise GraphFormatError(f"{source}: edge {i} is not an object")
        src, dst, rel = edge.get("source"), edge.get("target"), edge.get("relation")
        if src not in graph or dst not in graph:
            raise GraphFormatError(f"{source}: edge {i} refers to a node that is not listed ({src!r} -> {dst!r})")
        if rel not in RELATIONS:
            raise GraphFormatError(f"{source}: edge {i} has unknown relation {rel!r}")
        graph.add_edge(src, dst, key=rel, relation=rel, hedged=bool(edge.get("hedged", False)),
                       evidence=list(edge.get("evidence") or []))
    return graph


def loads(text: str, source: str = "<json>") -> nx.MultiDiGraph:
    """Parse graph JSON text; raises GraphFormatError naming `source` on bad JSON or shape."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise GraphFormatError(f"{source}: invalid JSON ({exc})") from None
    return from_dict(data, source)
