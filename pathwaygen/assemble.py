"""Assemble a figure's mentions and statements into its graph (see pathwaygen.graphjson).

One node per grounded entity (entities mentioned but in no statement included, so the
diagram shows everything the caption names), every mention kept on its node, duplicate
statements merged into one edge per (source, target, relation) with all their evidence.
``binds`` is undirected: its two endpoints are stored in sorted order so that "X binds Y"
and "Y binds X" merge. An edge is hedged only when every statement behind it is hedged.
"""

from __future__ import annotations

from operator import attrgetter

import networkx as nx

from .graphjson import new_graph
from .model import UNDIRECTED, Entity, Figure, Mention, Statement


def _member(entity: Entity) -> dict:
    """The member dict of a family or complex node."""
    return {"id": entity.id, "label": entity.label, "type": entity.type, "xrefs": dict(entity.xrefs)}


def _node_data(nodes: dict[str, dict], entity: Entity) -> dict:
    """The attributes of `entity`'s node in `nodes`, added when absent (the first grounding
    seen wins)."""
    data = nodes.get(entity.id)
    if data is None:
        data = nodes[entity.id] = {"label": entity.label, "type": entity.type, "xrefs": dict(entity.xrefs),
                                   "members": [_member(m) for m in entity.members], "mentions": []}
    return data


_BY_SPAN = attrgetter("start", "end")


def assemble(figure: Figure, mentions: list[Mention], statements: list[Statement]) -> nx.MultiDiGraph:
    """Return the MultiDiGraph of `figure` built from its `mentions` and `statements`."""
    graph = new_graph(figid=figure.figid, title=figure.title, caption=figure.caption,
                      organisms=list(figure.organisms), pmcid=figure.pmcid, doi=figure.doi,
                      pmid=figure.pmid, year=figure.year, paper_title=figure.paper_title)
    # Nodes and edges are gathered in plain dicts (in the order they are first met, the first
    # grounding seen winning) and added to the graph at the end: networkx's views cost more
    # than the work itself when asked once per mention and statement.
    nodes: dict[str, dict] = {}
    # Sets beside the lists: a list-membership test per mention made one entity named
    # thousands of times quadratic (a hostile caption took minutes).
    # (one set of (entity id, text, start, end) for all nodes: no set per node to make)
    seen_mentions: set[tuple[str, str, int, int]] = set()
    for mention in sorted(mentions, key=_BY_SPAN):
        text, start, end = mention.text, mention.start, mention.end
        for entity in mention.entities:
            data = _node_data(nodes, entity)
            key = (entity.id, text, start, end)
            if key not in seen_mentions:
                seen_mentions.add(key)
                data["mentions"].append({"text": text, "start": start, "end": end})
    edges: dict[tuple[str, str, str], dict] = {}
    seen_evidence: dict[tuple[str, str, str], set[tuple[str, int, int, str]]] = {}
    ordered = sorted(statements, key=lambda s: (s.evidence.start, s.subject.id, s.relation,
                                                s.object.id, s.evidence.rule))
    for st in ordered:
        subj, obj = st.subject, st.object
        if subj.id == obj.id:
            continue
        if st.relation in UNDIRECTED and subj.id > obj.id:
            subj, obj = obj, subj
        _node_data(nodes, subj)
        _node_data(nodes, obj)
        evidence = {"text": st.evidence.text, "start": st.evidence.start, "end": st.evidence.end,
                    "rule": st.evidence.rule}
        ev_key = (st.evidence.text, st.evidence.start, st.evidence.end, st.evidence.rule)
        edge_key = (subj.id, obj.id, st.relation)
        seen = seen_evidence.setdefault(edge_key, set())
        data = edges.get(edge_key)
        if data is not None:
            if ev_key not in seen:
                seen.add(ev_key)
                data["evidence"].append(evidence)
            data["hedged"] = data["hedged"] and st.hedged
        else:
            seen.add(ev_key)
            edges[edge_key] = {"relation": st.relation, "hedged": st.hedged, "evidence": [evidence]}
    # one add_node/add_edge call each: add_nodes_from/add_edges_from pay an exception per
    # (node, attributes) pair and three view lookups per edge to set what these set directly
    add_node, add_edge = graph.add_node, graph.add_edge
    for node, data in nodes.items():
        add_node(node, **data)
    for (source, target, relation), data in edges.items():
        add_edge(source, target, relation, **data)
    return graph
