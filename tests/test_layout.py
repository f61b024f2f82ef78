"""Layout: one dot call, boxes that hold their labels, no overlaps, top-down tiers, clear error without dot."""

from __future__ import annotations

import itertools

import graphviz
import networkx as nx
import pytest
from test_layout_graphs import big_graph, sting_graph

from pathwaygen import graphjson
from pathwaygen import layout as layout_mod
from pathwaygen.errors import LayoutError
from pathwaygen.layout import box_size, label_lines, layout_graph, node_roles, text_width
from pathwaygen.model import Box


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height


def _inside(inner: Box, outer: Box) -> bool:
    return (inner.x >= outer.x and inner.y >= outer.y and inner.x + inner.width <= outer.x + outer.width
            and inner.y + inner.height <= outer.y + outer.height)


def test_text_width_grows_with_text_and_bold() -> None:
    assert text_width("") == 0
    assert text_width("MAPK1") < text_width("MAPK1 MAPK3")
    assert text_width("WWW") > text_width("iii")
    assert text_width("STAT3", bold=True) > text_width("STAT3")
    assert text_width("κB") > 0  # characters outside the table still count


def test_box_holds_its_label_lines() -> None:
    for label, ntype in (("TP53", "gene"), ("epithelial to mesenchymal transition", "process"),
                         ("17β-estradiol", "chemical"), ("NF-κB", "family"), ("X", "gene")):
        width, height = box_size(label, ntype)
        lines = label_lines(label, ntype)
        assert max(text_width(line) for line in lines) <= width
        assert len(lines) * layout_mod.LINE_HEIGHT <= height
    assert len(label_lines("epithelial to mesenchymal transition", "process")) > 1


def test_one_dot_call_per_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = graphviz.Digraph.pipe

    def counting(self, *args, **kwargs):
        calls.append(kwargs.get("format"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(graphviz.Digraph, "pipe", counting)
    layout_graph(big_graph())
    assert calls == ["json"]
    calls.clear()
    lonely = graphjson.new_graph(figid="x")
    lonely.add_node("TP53", label="TP53", type="gene", xrefs={}, members=[], mentions=[])
    layout_graph(lonely)
    assert calls == []  # nothing to route: no dot run at all


@pytest.mark.parametrize("make", [sting_graph, big_graph])
def test_every_node_placed_without_overlap(make) -> None:
    graph = make()
    result = layout_graph(graph)
    assert set(result.nodes) == set(graph.nodes)
    for node, box in result.nodes.items():
        width, height = box_size(graph.nodes[node]["label"], graph.nodes[node]["type"])
        if graph.nodes[node]["type"] != "complex" or not graph.nodes[node]["members"]:
            assert (box.width, box.height) == pytest.approx((width, height), abs=0.2), node
        assert 0 <= box.x and box.x + box.width <= result.width + 0.1
        assert 0 <= box.y and box.y + box.height <= result.height + 0.1
    for (a, box_a), (b, box_b) in itertools.combinations(result.nodes.items(), 2):
        assert not _overlap(box_a, box_b), (a, b)
    for (complex_id, member), box in result.members.items():
        assert _inside(box, result.nodes[complex_id]), member
    members = list(result.members.values())
    for box_a, box_b in itertools.combinations(members, 2):
        assert not _overlap(box_a, box_b)


def test_complex_members_have_boxes() -> None:
    graph = sting_graph()
    result = layout_graph(graph)
    assert {m for c, m in result.members if c == "IKK_complex"} == {"CHUK", "IKBKB", "IKBKG"}


def test_tiers_flow_top_down() -> None:
    graph = sting_graph()
    roles = node_roles(graph)
    assert roles["CGAS"] == 0  # nothing acts on it, it acts on something
    assert roles["IRF3"] == 2  # expresses a gene
    assert roles["inflammation"] == 3  # a process at the end
    assert "MDM2" not in roles  # isolated
    result = layout_graph(graph)
    y = {n: b.cy for n, b in result.nodes.items()}
    assert y["CGAS"] < y["STING1"] < y["TBK1"] < y["IRF3"] < y["IFNB1"]
    assert y["STAT1"] < y["inflammation"]
    assert y["cGAMP"] < y["STING1"]  # the ligand above its receptor


def test_isolated_nodes_sit_apart_below() -> None:
    graph = big_graph()
    result = layout_graph(graph)
    connected_bottom = max(b.y + b.height for n, b in result.nodes.items() if graph.degree(n))
    isolated = [b for n, b in result.nodes.items() if graph.degree(n) == 0]
    assert len(isolated) == 3
    assert all(b.y > connected_bottom for b in isolated)
    assert len({b.cy for b in isolated}) == 1  # one tidy row, on one centre line


def test_edge_routes_join_their_nodes() -> None:
    graph = sting_graph()
    result = layout_graph(graph)
    assert {(e.source, e.target, e.key) for e in result.edges} == set(graph.edges(keys=True))
    for route in result.edges:
        assert len(route.points) >= 2
        for end, node in ((route.points[0], route.source), (route.points[-1], route.target)):
            box = result.nodes[node]
            grown = Box(box.x - 3, box.y - 3, box.width + 6, box.height + 6)
            assert _inside(Box(end[0], end[1], 0, 0), grown), (route, node)


def test_layout_is_deterministic() -> None:
    assert layout_graph(big_graph()) == layout_graph(big_graph())


def test_missing_dot_gives_install_hints(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LayoutError) as info:
        layout_graph(sting_graph())
    message = str(info.value)
    assert "apt-get install graphviz" in message and "brew install graphviz" in message and "conda" in message


def test_empty_graph() -> None:
    result = layout_graph(graphjson.new_graph(figid="empty"))
    assert result.nodes == {} and result.edges == () and result.width > 0


def test_labels_use_the_caption_spelling_for_lowercase_and_famplex_keys() -> None:
    from pathwaygen.layout import node_label

    graph = graphjson.new_graph(figid="x")
    graph.add_node("cgamp", label="cgamp", type="chemical", xrefs={}, members=[],
                   mentions=[{"text": "CGAMP", "start": 0, "end": 5}, {"text": "cGAMP", "start": 9, "end": 14}])
    graph.add_node("dsdna", label="dsdna", type="chemical", xrefs={}, members=[],
                   mentions=[{"text": "Cytosolic DNA", "start": 0, "end": 13}, {"text": "cytosolic DNA", "start": 20, "end": 33}])
    graph.add_node("IKK_complex", label="IKK_complex", type="complex", xrefs={}, members=[], mentions=[])
    graph.add_node("NFkappaB", label="NFkappaB", type="family", xrefs={}, members=[],
                   mentions=[{"text": "NF-κB", "start": 0, "end": 5}])
    graph.add_node("STING1", label="STING1", type="gene", xrefs={}, members=[], mentions=[{"text": "STING", "start": 0, "end": 5}])
    assert node_label(graph, "cgamp") == "CGAMP"  # all-caps is a spelling, not a sentence start
    assert node_label(graph, "dsdna") == "cytosolic DNA"
    assert node_label(graph, "IKK_complex") == "IKK complex"
    assert node_label(graph, "NFkappaB") == "NF-κB"
    assert node_label(graph, "STING1") == "STING1"  # genes keep their HGNC symbol


def _hub(sources: int) -> nx.MultiDiGraph:
    graph = graphjson.new_graph(figid="hub")
    graph.add_node("T", label="TARGET", type="gene", xrefs={}, members=[], mentions=[])
    for i in range(sources):
        graph.add_node(f"S{i}", label=f"S{i}", type="gene", xrefs={}, members=[], mentions=[])
        graph.add_edge(f"S{i}", "T", key="inhibits", relation="inhibits", hedged=False, evidence=[])
    return graph


def test_edge_heads_on_one_side_are_spread() -> None:
    result = layout_graph(_hub(5))
    ends = sorted(route.points[-1][0] for route in result.edges)
    assert all(b - a >= layout_mod.HEAD_SPACING - 0.2 for a, b in zip(ends, ends[1:]))
    box = result.nodes["T"]
    assert all(box.x <= x <= box.x + box.width for x in ends)


def test_big_or_nested_complexes_are_drawn_as_one_node() -> None:
    from pathwaygen.layout import expanded_members, grid_members

    graph = _hub(1)
    members = [{"id": f"G{i}", "label": f"G{i}", "type": "gene", "xrefs": {}} for i in range(8)]
    graph.add_node("BIG", label="BIG", type="complex", xrefs={}, members=members, mentions=[])
    graph.add_node("NEST", label="NEST", type="complex", xrefs={}, mentions=[],
                   members=[{"id": "F", "label": "F", "type": "family", "xrefs": {}}, members[0]])
    graph.add_node("SMALL", label="SMALL", type="complex", xrefs={}, members=members[:2], mentions=[])
    for node in ("BIG", "NEST", "SMALL"):
        graph.add_edge("S0", node, key="activates", relation="activates", hedged=False, evidence=[])
    result = layout_graph(graph)
    assert not expanded_members(graph, "BIG") and len(grid_members(graph, "BIG")) == 8
    assert not expanded_members(graph, "NEST")
    assert {m for c, m in result.members if c == "SMALL"} == {"G0", "G1"}
    assert not any(c in ("BIG", "NEST") for c, _ in result.members)


def test_readable_famplex_ids_beat_long_mentions() -> None:
    from pathwaygen.layout import node_label

    graph = graphjson.new_graph(figid="x")
    graph.add_node("MAPK", label="MAPK", type="family", xrefs={}, members=[],
                   mentions=[{"text": "mitogen-activated-protein-kinase", "start": 0, "end": 32}])
    assert node_label(graph, "MAPK") == "MAPK"
