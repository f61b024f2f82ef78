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


def _new_node(entity: Entity) -> dict:
    """The attributes of `entity`'s node, with no mentions yet; members are the member entities of
    a family or complex, each as {"id", "label", "type", "xrefs"}."""
    return {"label": entity.label, "type": entity.type, "xrefs": dict(entity.xrefs),
            "members": [{"id": m.id, "label": m.label, "type": m.type, "xrefs": dict(m.xrefs)}
                        for m in entity.members],
            "mentions": []}


_BY_SPAN = attrgetter("start", "end")


def _statement_order(st: Statement) -> tuple[int, str, str, str, str]:
    """Sort key of statements: where their evidence starts, then subject, relation, object, rule."""
    evidence = st.evidence
    return (evidence.start, st.subject.id, st.relation, st.object.id, evidence.rule)


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
            entity_id = entity.id
            key = (entity_id, text, start, end)
            if key not in seen_mentions:
                seen_mentions.add(key)
                data = nodes.get(entity_id)
                if data is None:
                    data = nodes[entity_id] = _new_node(entity)
                data["mentions"].append({"text": text, "start": start, "end": end})
    edges: dict[tuple[str, str, str], dict] = {}
    # the evidence already on an edge, as (edge key, text, start, end, rule): one set for all edges
    seen_evidence: set[tuple[tuple[str, str, str], str, int, int, str]] = set()
    for st in sorted(statements, key=_statement_order):
        subj, obj, relation = st.subject, st.object, st.relation
        subj_id, obj_id = subj.id, obj.id
        if subj_id == obj_id:
            continue
        if subj_id > obj_id and relation in UNDIRECTED:
            subj, obj, subj_id, obj_id = obj, subj, obj_id, subj_id
        if subj_id not in nodes:
            nodes[subj_id] = _new_node(subj)
        if obj_id not in nodes:
            nodes[obj_id] = _new_node(obj)
        ev = st.evidence
        ev_text, ev_start, ev_end, ev_rule = ev.text, ev.start, ev.end, ev.rule
        edge_key = (subj_id, obj_id, relation)
        ev_key = (edge_key, ev_text, ev_start, ev_end, ev_rule)
        data = edges.get(edge_key)
        if data is None:
            seen_evidence.add(ev_key)
            edges[edge_key] = {"relation": relation, "hedged": st.hedged,
                               "evidence": [{"text": ev_text, "start": ev_start, "end": ev_end, "rule": ev_rule}]}
        else:
            if ev_key not in seen_evidence:
                seen_evidence.add(ev_key)
                data["evidence"].append({"text": ev_text, "start": ev_start, "end": ev_end, "rule": ev_rule})
            data["hedged"] = data["hedged"] and st.hedged
    _fill(graph, nodes, edges)
    return graph


def _fill(graph: nx.MultiDiGraph, nodes: dict[str, dict], edges: dict[tuple[str, str, str], dict]) -> None:
    """Put `nodes` (id -> attributes) and `edges` ((source, target, relation) -> attributes, both
    ends in `nodes`) into the new, empty `graph`, in their order.

    Writes networkx's documented MultiDiGraph structure directly (``_node[n]`` the attribute dict,
    ``_succ[u][v]`` the key dict shared with ``_pred[v][u]``, ``_succ`` being ``_adj``), as
    add_node/add_edge would leave it: those copy every attribute dict through keyword arguments
    and clear the graph's cache on every call, which cost more than the rest of assembling.
    """
    node_attrs, succ, pred = graph._node, graph._succ, graph._pred
    for node, data in nodes.items():
        succ[node] = {}
        pred[node] = {}
        node_attrs[node] = data
    for (source, target, relation), data in edges.items():
        keydict = succ[source].get(target)
        if keydict is None:
            keydict = succ[source][target] = pred[target][source] = {}
        keydict[relation] = data
