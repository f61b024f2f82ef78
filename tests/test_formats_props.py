"""Property tests: any graph, with any labels, gives files that every format's library reads back.

Labels and ids mix XML specials, quotes, tabs-free Unicode and spaces; node types and
relations are drawn from the closed sets, self-loops and isolated nodes included.
"""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathwaygen import graphjson
from pathwaygen.layout import node_label
from pathwaygen.model import NODE_TYPES, RELATIONS, Box, Layout
from pathwaygen.writers import get_writer

NAMES = st.text(alphabet=st.sampled_from("ABCxyz019 -_:/&<>\"'κβ→."), min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def graphs(draw):
    """A random figure graph in the graph JSON form, plus a grid layout for it."""
    ids = draw(st.lists(NAMES, min_size=1, max_size=8, unique=True))
    nodes = []
    for node_id in ids:
        ntype = draw(st.sampled_from(NODE_TYPES))
        members = [{"id": m, "label": m, "type": "gene", "xrefs": {"hgnc": "1"}}
                   for m in draw(st.lists(NAMES, max_size=3, unique=True))] if ntype in ("complex", "family") else []
        xrefs = draw(st.dictionaries(st.sampled_from(["hgnc", "fplx", "chebi", "go", "uniprot"]),
                                     st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True), max_size=2))
        nodes.append({"id": node_id, "label": draw(NAMES), "type": ntype, "xrefs": xrefs, "members": members,
                      "mentions": []})
    triples = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(RELATIONS), st.sampled_from(ids)),
                            max_size=12, unique=True))
    edges = [{"source": s, "target": t, "relation": r, "hedged": draw(st.booleans()),
              "evidence": [{"text": draw(NAMES), "start": 0, "end": 1, "rule": draw(NAMES)}]} for s, r, t in triples]
    graph = graphjson.from_dict({"figid": draw(NAMES), "title": draw(NAMES), "caption": draw(NAMES),
                                 "nodes": nodes, "edges": edges})
    boxes = {n: Box(10 + 100 * i, 10 + 60 * (i % 3), 80, 30) for i, n in enumerate(sorted(graph.nodes))}
    members = {(n, m["id"]): Box(boxes[n].x + 2, boxes[n].y + 2, 20, 20)
               for n, d in graph.nodes(data=True) if d["type"] == "complex" for m in d["members"]}
    return graph, Layout(width=20 + 100 * len(boxes), height=200, nodes=boxes, members=members)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(case=graphs())
def test_cx2_any_graph_round_trips_through_ndex2(case):
    cx2 = pytest.importorskip("ndex2.cx2")
    graph, layout = case
    data = json.loads(get_writer("cx2")(graph, layout))
    network = cx2.CX2Network()
    network.create_from_raw_cx2(data)
    assert network.to_cx2() == data
    assert len(network.get_edges()) == graph.number_of_edges()


@SETTINGS
@given(case=graphs())
def test_sbgn_any_graph_is_valid_activity_flow(case, tmp_path_factory):
    libsbgnpy = pytest.importorskip("libsbgnpy")
    graph, layout = case
    path = tmp_path_factory.mktemp("sbgn") / "map.sbgn"
    path.write_text(get_writer("sbgn")(graph, layout), encoding="utf-8")
    assert libsbgnpy.validate(path) == []
    assert libsbgnpy.validate_schematron(path) == []
    (sbgn_map,) = libsbgnpy.read_sbgn_from_file(path).map
    assert sorted(g.label.text for g in sbgn_map.glyph) == sorted(node_label(graph, n) for n in graph.nodes)


@SETTINGS
@given(case=graphs())
def test_cyjs_graphml_sif_indra_any_graph_read_back(case, tmp_path_factory):
    graph, layout = case
    edges = set(graph.edges(keys=True))
    assert set(nx.cytoscape_graph(json.loads(get_writer("cyjs")(graph, layout))).edges(keys=True)) == edges
    path = tmp_path_factory.mktemp("graphml") / "g.graphml"
    path.write_text(get_writer("graphml")(graph, layout), encoding="utf-8")
    loaded = nx.read_graphml(path, force_multigraph=True)
    assert set(loaded.nodes) == set(graph.nodes) and set(loaded.edges(keys=True)) == edges
    sif = get_writer("sif")(graph, layout).splitlines()
    assert all(line.count("\t") in (0, 2) for line in sif)
    assert {p for line in sif for p in line.split("\t")[::2]} == set(graph.nodes)
    stmts = json.loads(get_writer("indra")(graph, layout))
    assert len(stmts) == len(edges)
    statements = pytest.importorskip("indra.statements")
    assert len(statements.stmts_from_json(stmts)) == len(edges)
