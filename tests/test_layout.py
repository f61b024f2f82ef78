"""Layout: one dot call, boxes that hold their labels, no overlaps, top-down tiers, clear error without dot."""

from __future__ import annotations

import itertools

import graphviz
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
