"""Check that a graph read from a file has the shape the writers rely on (see pathwaygen.graphjson).

Graph JSON and GPML come from other tools and from users. The readers check the skeleton
(ids, types, relations, edge ends); :func:`check_graph` checks every attribute the writers
read, so a file with, say, ``"xrefs": [1, 2]`` or a mention without offsets is one
:class:`GraphFormatError` line instead of a traceback deep inside a writer.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..errors import GraphFormatError
from ..graphjson import GRAPH_KEYS
from ..model import NODE_TYPES, RELATIONS


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _problem_of_xrefs(xrefs: Any) -> str | None:
    if not isinstance(xrefs, dict) or not all(_text(k) and _text(v) for k, v in xrefs.items()):
        return "'xrefs' must map prefixes to id strings"
    return None


def _problem_of_spans(items: Any, what: str, fields: tuple[str, ...]) -> str | None:
    """Mentions and evidence: lists of objects with text, start <= end and the given string fields."""
    if not isinstance(items, list):
        return f"'{what}' must be a list"
    for item in items:
        if not isinstance(item, dict) or not _text(item.get("text")) or not _offset(item.get("start")) \
                or not _offset(item.get("end")) or item["start"] > item["end"] \
                or not all(_text(item.get(f)) for f in fields):
            return f"each of '{what}' needs 'text', 'start' <= 'end'" + "".join(f", '{f}'" for f in fields)
    return None


def _problem_of_members(members: Any) -> str | None:
    if not isinstance(members, list):
        return "'members' must be a list"
    for member in members:
        if not isinstance(member, dict) or not _text(member.get("id")) or not member["id"]:
            return "each member needs a string 'id'"
        if "label" in member and not _text(member["label"]):
            return "a member's 'label' must be a string"
        if member.get("type", "gene") not in NODE_TYPES:
            return f"a member has unknown type {member.get('type')!r}"
        if "xrefs" in member and _problem_of_xrefs(member["xrefs"]):
            return "a member's " + (_problem_of_xrefs(member["xrefs"]) or "")
    return None


def graph_problem(graph: nx.MultiDiGraph) -> str | None:
    """Return the first way `graph` departs from the graph model, or None when writers can use it."""
    for key in GRAPH_KEYS:
        value = graph.graph.get(key, "")
        if key == "organisms":
            if not isinstance(value, list) or not all(_text(v) for v in value):
                return "'organisms' must be a list of strings"
        elif not _text(value):
            return f"graph attribute {key!r} must be a string"
    for node, data in graph.nodes(data=True):
        where = f"node {node!r}"
        if not _text(node) or not node:
            return f"node id {node!r} is not a string"
        if not _text(data.get("label", node)):
            return f"{where}: 'label' must be a string"
        if data.get("type", "gene") not in NODE_TYPES:
            return f"{where}: unknown type {data.get('type')!r}"
        for problem in (_problem_of_xrefs(data.get("xrefs") or {}), _problem_of_members(data.get("members") or []),
                        _problem_of_spans(data.get("mentions") or [], "mentions", ())):
            if problem:
                return f"{where}: {problem}"
    for source, target, key, data in graph.edges(keys=True, data=True):
        where = f"edge {source!r} -> {target!r}"
        if key not in RELATIONS or data.get("relation", key) != key:
            return f"{where}: unknown relation {data.get('relation', key)!r}"
        if not isinstance(data.get("hedged", False), bool):
            return f"{where}: 'hedged' must be true or false"
        problem = _problem_of_spans(data.get("evidence") or [], "evidence", ("rule",))
        if problem:
            return f"{where}: {problem}"
    return None


def check_graph(graph: nx.MultiDiGraph, source: str) -> nx.MultiDiGraph:
    """Return `graph` when writers can use it; raise GraphFormatError naming `source` otherwise."""
    problem = graph_problem(graph)
    if problem is not None:
        raise GraphFormatError(f"{source}: {problem}")
    return graph
