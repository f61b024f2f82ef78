"""Graph assembly: nodes for every entity, merged duplicate statements, members, binds symmetry."""

from __future__ import annotations

from pathwaygen.assemble import assemble
from pathwaygen.graphjson import dumps, loads
from pathwaygen.model import Entity, Evidence, Figure, Mention, Statement

A = Entity("STING1", "STING1", "gene", (("hgnc", "27962"),))
B = Entity("TBK1", "TBK1", "gene")
C = Entity("IRF3", "IRF3", "gene")
IKK = Entity("IKK_complex", "IKK", "complex", (("fplx", "IKK_complex"),),
             (Entity("CHUK", "CHUK", "gene", (("hgnc", "1974"),)), Entity("IKBKB", "IKBKB", "gene")))
FIG = Figure(figid="f1", title="t", caption="STING activates TBK1. STING activates TBK1 again. IKK. IRF3.")


def ev(start: int, end: int, rule: str = "act.active_verb") -> Evidence:
    return Evidence(FIG.caption[start:end], start, end, rule)


MENTIONS = [Mention(0, 5, "STING", (A,)), Mention(16, 20, "TBK1", (B,)), Mention(22, 27, "STING", (A,)),
            Mention(38, 42, "TBK1", (B,)), Mention(50, 53, "IKK", (IKK,)), Mention(55, 59, "IRF3", (C,))]


def test_every_mentioned_entity_is_a_node_with_its_mentions():
    graph = assemble(FIG, MENTIONS, [])
    assert set(graph.nodes) == {"STING1", "TBK1", "IKK_complex", "IRF3"}
    assert graph.number_of_edges() == 0
    assert graph.nodes["STING1"]["mentions"] == [{"text": "STING", "start": 0, "end": 5},
                                                 {"text": "STING", "start": 22, "end": 27}]
    assert graph.nodes["STING1"]["xrefs"] == {"hgnc": "27962"}
    assert graph.graph["figid"] == "f1" and graph.graph["caption"] == FIG.caption


def test_complex_members_are_listed_with_id_label_type_xrefs():
    graph = assemble(FIG, MENTIONS, [])
    assert graph.nodes["IKK_complex"]["members"] == [
        {"id": "CHUK", "label": "CHUK", "type": "gene", "xrefs": {"hgnc": "1974"}},
        {"id": "IKBKB", "label": "IKBKB", "type": "gene", "xrefs": {}},
    ]


def test_duplicate_statements_merge_into_one_edge_with_all_evidence():
    sts = [Statement(A, "activates", B, ev(0, 21)), Statement(A, "activates", B, ev(22, 49)),
           Statement(A, "activates", B, ev(22, 49)), Statement(A, "phosphorylates", B, ev(0, 21, "phos.x"))]
    graph = assemble(FIG, MENTIONS, sts)
    assert graph.number_of_edges() == 2
    data = graph.edges["STING1", "TBK1", "activates"]
    assert [e["start"] for e in data["evidence"]] == [0, 22]
    assert graph.has_edge("STING1", "TBK1", key="phosphorylates")


def test_binds_is_stored_once_whatever_the_direction():
    sts = [Statement(B, "binds", A, ev(0, 21, "bind.a")), Statement(A, "binds", B, ev(22, 49, "bind.b"))]
    graph = assemble(FIG, MENTIONS, sts)
    assert list(graph.edges(keys=True)) == [("STING1", "TBK1", "binds")]
    assert len(graph.edges["STING1", "TBK1", "binds"]["evidence"]) == 2


def test_edge_is_hedged_only_when_every_statement_is():
    hedged = Statement(A, "activates", B, ev(0, 21), hedged=True)
    plain = Statement(A, "activates", B, ev(22, 49))
    assert assemble(FIG, MENTIONS, [hedged]).edges["STING1", "TBK1", "activates"]["hedged"] is True
    assert assemble(FIG, MENTIONS, [hedged, plain]).edges["STING1", "TBK1", "activates"]["hedged"] is False


def test_statement_only_entities_get_nodes_and_self_loops_are_dropped():
    inhibitor = Entity("TBK1 inhibitor", "TBK1 inhibitor", "chemical")
    graph = assemble(FIG, MENTIONS, [Statement(inhibitor, "inhibits", B, ev(0, 21)),
                                     Statement(A, "activates", A, ev(0, 21))])
    assert graph.nodes["TBK1 inhibitor"]["type"] == "chemical"
    assert not graph.has_edge("STING1", "STING1")


def test_json_round_trip_keeps_the_graph():
    graph = assemble(FIG, MENTIONS, [Statement(A, "activates", B, ev(0, 21), hedged=True)])
    text = dumps(graph)
    assert dumps(loads(text)) == text


def test_graph_is_the_one_networkx_add_node_and_add_edge_would_build(monkeypatch):
    # assemble writes networkx's adjacency dicts directly: the graph must be indistinguishable
    # from one filled in the same order through the public API, views and in-edges included
    import networkx as nx

    from pathwaygen import assemble as assemble_module

    def public_fill(graph, nodes, edges):
        for node, data in nodes.items():
            graph.add_node(node, **data)
        for (source, target, relation), data in edges.items():
            graph.add_edge(source, target, relation, **data)

    sts = [Statement(A, "activates", B, ev(0, 21)), Statement(B, "binds", A, ev(22, 49, "bind.a")),
           Statement(IKK, "inhibits", C, ev(0, 21)), Statement(A, "activates", C, ev(22, 49)),
           Statement(A, "activates", B, ev(22, 49))]
    graph = assemble(FIG, MENTIONS, sts)
    monkeypatch.setattr(assemble_module, "_fill", public_fill)
    public = assemble(FIG, MENTIONS, sts)
    assert nx.utils.graphs_equal(graph, public)
    assert graph.graph == public.graph
    for view in ("nodes", "edges", "in_edges", "out_edges"):
        assert list(getattr(graph, view)(data=True)) == list(getattr(public, view)(data=True))
    assert list(graph.edges(keys=True)) == list(public.edges(keys=True))
    assert [list(graph.predecessors(n)) for n in graph] == [list(public.predecessors(n)) for n in public]
    assert graph._adj is graph._succ and graph._pred["IRF3"]["STING1"] is graph._succ["STING1"]["IRF3"]
