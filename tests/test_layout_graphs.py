"""Hand-made figure graphs shared by the layout, SVG, GPML and render tests (built with graphjson)."""

from __future__ import annotations

import networkx as nx

from pathwaygen import graphjson


def _node(graph: nx.MultiDiGraph, node_id: str, node_type: str = "gene", label: str | None = None,
          xrefs: dict[str, str] | None = None, members: list[dict] | None = None) -> None:
    graph.add_node(node_id, label=label or node_id, type=node_type, xrefs=dict(xrefs or {}),
                   members=list(members or []), mentions=[])


def _edge(graph: nx.MultiDiGraph, source: str, relation: str, target: str, hedged: bool = False,
          sentence: str | None = None) -> None:
    text = sentence or f"{graph.nodes[source]['label']} {relation} {graph.nodes[target]['label']}."
    graph.add_edge(source, target, key=relation, relation=relation, hedged=hedged,
                   evidence=[{"text": text, "start": 0, "end": len(text), "rule": "test"}])


def _gene(graph: nx.MultiDiGraph, symbol: str, entrez: str) -> None:
    _node(graph, symbol, "gene", xrefs={"ncbigene": entrez, "hgnc.symbol": symbol})


def _member(symbol: str, entrez: str) -> dict:
    return {"id": symbol, "label": symbol, "type": "gene", "xrefs": {"ncbigene": entrez, "hgnc.symbol": symbol}}


def sting_graph() -> nx.MultiDiGraph:
    """A 15-node STING / interferon graph with every node type that has an identifier, a complex and a family."""
    g = graphjson.new_graph(
        figid="PMC0000001__demo-fig1", title="cGAS-STING signalling & type I interferon <demo>",
        caption=("Cytosolic DNA is sensed by cGAS, which produces cGAMP. cGAMP binds STING. STING activates "
                 "TBK1, which phosphorylates IRF3. IRF3 induces IFNB1 expression. STING activates the IKK "
                 "complex, which phosphorylates NF-kB; NF-kB represses IFNB1. STAT1 may promote inflammation."),
        pmcid="PMC0000001", doi="10.1000/demo.1", pmid="30233674", year="2020", organisms=["Homo sapiens"],
        paper_title="A demonstration paper")
    for symbol, entrez in (("CGAS", "115004"), ("STING1", "340061"), ("TBK1", "29110"), ("IRF3", "3661"),
                           ("IFNB1", "3456"), ("IFNAR1", "3454"), ("JAK1", "3716"), ("TYK2", "7297"),
                           ("STAT1", "6772"), ("MDM2", "4193")):
        _gene(g, symbol, entrez)
    _node(g, "cGAMP", "chemical", label="2'3'-cGAMP", xrefs={"chebi": "CHEBI:75947"})
    _node(g, "inflammation", "process", label="inflammation")
    _node(g, "NFkappaB", "family", label="NF-κB", xrefs={"fplx": "NFkappaB"},
          members=[_member("RELA", "5970"), _member("NFKB1", "4790")])
    _node(g, "IKK_complex", "complex", label="IKK", xrefs={"fplx": "IKK_complex"},
          members=[_member("CHUK", "1147"), _member("IKBKB", "3551"), _member("IKBKG", "8517")])
    _edge(g, "CGAS", "produces", "cGAMP", sentence="Cytosolic DNA is sensed by cGAS, which produces cGAMP.")
    _edge(g, "cGAMP", "binds", "STING1")
    _edge(g, "STING1", "activates", "TBK1")
    _edge(g, "TBK1", "phosphorylates", "IRF3")
    _edge(g, "IRF3", "expresses", "IFNB1")
    _edge(g, "IFNB1", "binds", "IFNAR1")
    _edge(g, "IFNAR1", "activates", "JAK1")
    _edge(g, "IFNAR1", "activates", "TYK2")
    _edge(g, "TYK2", "phosphorylates", "STAT1")
    _edge(g, "STAT1", "activates", "inflammation", hedged=True, sentence="STAT1 may promote inflammation.")
    _edge(g, "STING1", "activates", "IKK_complex")
    _edge(g, "IKK_complex", "phosphorylates", "NFkappaB")
    _edge(g, "NFkappaB", "represses", "IFNB1")
    return g


def big_graph(size: int = 30) -> nx.MultiDiGraph:
    """A `size`-node signalling graph: ligands, receptors, a kinase cascade, TFs, targets, processes.

    Every relation of the closed set appears; a few nodes are isolated (named, no statement).
    """
    g = graphjson.new_graph(figid=f"synthetic-{size}", title=f"Synthetic signalling network with {size} nodes",
                            caption=" ".join(f"Sentence {i} of a long caption about growth factor signalling."
                                             for i in range(4)), doi="10.1000/synthetic")
    names = [f"G{i:02d}" for i in range(size)]
    for i, name in enumerate(names):
        if i % 11 == 7:
            _node(g, name, "chemical", label=f"compound {i}", xrefs={"chebi": f"CHEBI:{1000 + i}"})
        elif i % 13 == 9:
            _node(g, name, "process", label=f"cell process number {i}")
        elif i % 17 == 4:
            _node(g, name, "complex", label=f"complex {i}", members=[_member(f"C{i}A", str(9000 + i)),
                                                                     _member(f"C{i}B", str(9100 + i))])
        elif i % 19 == 5:
            _node(g, name, "family", label=f"FAM{i}", members=[_member(f"F{i}A", str(9200 + i))])
        else:
            _node(g, name, "gene", label=name, xrefs={"ncbigene": str(100 + i)})
    connected = names[: size - 3]  # the last three stay isolated
    relations = ("activates", "phosphorylates", "inhibits", "binds", "expresses", "represses",
                 "dephosphorylates", "produces", "degrades", "translocates")
    for i, name in enumerate(connected[1:], start=1):
        parent = connected[(i - 1) // 2]  # a binary tree: flows top-down
        _edge(g, parent, relations[i % len(relations)], name, hedged=(i % 9 == 0))
    for i in range(3, len(connected) - 2, 5):  # a few cross links
        _edge(g, connected[i], "activates", connected[i + 2])
    return g


def test_builders_give_valid_graph_json() -> None:
    """The hand-made graphs survive the graph JSON round trip (so they follow the model)."""
    for graph in (sting_graph(), big_graph()):
        again = graphjson.loads(graphjson.dumps(graph))
        assert graphjson.dumps(again) == graphjson.dumps(graph)
    assert big_graph().number_of_nodes() == 30
