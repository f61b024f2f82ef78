"""SVG diagram: well-formed, accessible, ids prefixed and unique, labels inside boxes, no overlaps, draws."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from lxml import etree
from test_layout_graphs import big_graph, sting_graph

from pathwaygen.layout import layout_graph, text_width
from pathwaygen.model import RELATIONS
from pathwaygen.relations import style
from pathwaygen.writers import get_writer
from pathwaygen.writers.svg import dumps, id_prefix

SVG = "{http://www.w3.org/2000/svg}"


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))


def _bbox(group: etree._Element) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the outlines drawn directly in a node group."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in group:
        tag = etree.QName(shape).localname
        if tag == "rect":
            x, y, w, h = (float(shape.get(k)) for k in ("x", "y", "width", "height"))
            xs += [x, x + w]
            ys += [y, y + h]
        elif tag == "ellipse":
            cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag == "polygon":
            for pair in shape.get("points").split():
                x, y = pair.split(",")
                xs.append(float(x))
                ys.append(float(y))
    return min(xs), min(ys), max(xs), max(ys)


def _nodes(root: etree._Element) -> list[etree._Element]:
    return [g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]


@pytest.fixture(scope="module")
def sting_svg() -> str:
    return dumps(sting_graph())


def test_well_formed_accessible_and_scalable(sting_svg: str) -> None:
    root = _parse(sting_svg)
    graph = sting_graph()
    prefix = id_prefix(graph.graph["figid"])
    assert root.get("role") == "img"
    assert root.get("width") is None and root.get("height") is None
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox"))
    title = root.find(f"{SVG}title")
    assert title.get("id") == root.get("aria-labelledby") == f"{prefix}-title"
    assert title.text == graph.graph["title"]  # "<demo>" arrives as text, escaped in the file
    assert "&lt;demo&gt;" in sting_svg and "<demo>" not in sting_svg
    desc = root.find(f"{SVG}desc")
    assert desc.text == " ".join(graph.graph["caption"].split())
    assert root.get("aria-describedby") == desc.get("id")


def test_ids_unique_and_prefixed(sting_svg: str) -> None:
    root = _parse(sting_svg)
    prefix = id_prefix(sting_graph().graph["figid"])
    ids = [el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(prefix + "-") for i in ids)
    for ref in re.findall(r"url\(#([^)]+)\)", sting_svg):
        assert ref in ids
    assert re.fullmatch(r"pg-[A-Za-z0-9-]+", id_prefix("PMC1__a b/c<d>"))


def test_labels_fit_inside_their_shapes() -> None:
    for graph in (sting_graph(), big_graph()):
        root = _parse(dumps(graph))
        checked = 0
        for group in _nodes(root):
            x0, y0, x1, y1 = _bbox(group)
            for text in group.findall(f"{SVG}text"):
                size = float(text.get("font-size", "11"))
                spans = text.findall(f"{SVG}tspan") or [text]
                for span in spans:
                    width = text_width(span.text, size, bold=text.get("font-weight") == "bold")
                    x, y = float(span.get("x")), float(span.get("y"))
                    left = x - width / 2 if text.get("text-anchor") == "middle" else x
                    assert x0 <= left and left + width <= x1, span.text
                    assert y0 <= y - size * 0.75 and y + size * 0.25 <= y1, span.text
                    checked += 1
                    if group.find(f"{SVG}ellipse") is not None:  # the text's corners lie inside the ellipse
                        e = group.find(f"{SVG}ellipse")
                        cx, cy, rx, ry = (float(e.get(k)) for k in ("cx", "cy", "rx", "ry"))
                        for px, py in ((left, y - size * 0.7), (left + width, y + size * 0.2)):
                            assert ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1.0, span.text
        assert checked >= graph.number_of_nodes()


def test_no_two_nodes_overlap() -> None:
    root = _parse(dumps(big_graph()))
    top_level = [g for g in _nodes(root) if "member" not in g.get("class").split()]
    assert len(top_level) == 30
    for a, b in itertools.combinations(top_level, 2):
        ax0, ay0, ax1, ay1 = _bbox(a)
        bx0, by0, bx1, by1 = _bbox(b)
        assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, (a.get("id"), b.get("id"))


def test_edges_drawn_once_each_with_evidence_tooltip(sting_svg: str) -> None:
    graph = sting_graph()
    root = _parse(sting_svg)
    edges = [g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("edge")]
    assert len(edges) == graph.number_of_edges()
    sentences = {d["evidence"][0]["text"] for _, _, d in graph.edges(data=True)}
    tooltips = {e.find(f"{SVG}title").text.removesuffix(" (hedged)") for e in edges}
    assert tooltips == sentences
    by_relation = {e.get("class").split()[1]: e for e in edges}
    assert by_relation["binds"].find(f"{SVG}path").get("marker-end") is None  # plain line
    assert by_relation["inhibits" if "inhibits" in by_relation else "represses"].find(f"{SVG}path").get("marker-end")
    badges = [t.text for e in edges for t in e.findall(f"{SVG}text")]
    assert badges.count("P") == sum(1 for _, _, k in graph.edges(keys=True) if k == "phosphorylates")
    hedged = [e for e in edges if "hedged" in e.get("class").split()]
    assert len(hedged) == 1 and hedged[0].find(f"{SVG}path").get("stroke-dasharray")


def test_each_relation_has_its_own_drawing() -> None:
    drawings = {(s.svg_marker, s.svg_dash, s.badge, s.svg_color) for s in map(style, RELATIONS)}
    assert len(drawings) == len(RELATIONS)
    assert all(s.svg_dash != "5,4" for s in map(style, RELATIONS))  # dashes mean "hedged"


def test_legend_lists_only_used_relations(sting_svg: str) -> None:
    graph = sting_graph()
    root = _parse(sting_svg)
    legend = root.find(f".//{SVG}g[@id='{id_prefix(graph.graph['figid'])}-legend']")
    texts = [t.text for t in legend.iter(f"{SVG}text") if t.text not in ("P", "-P")]
    used = sorted({k for _, _, k in graph.edges(keys=True)}, key=RELATIONS.index)
    relation_texts = [t for t in texts if t in {style(r).legend for r in RELATIONS}]
    assert relation_texts == [style(r).legend for r in used]
    assert "degrades" not in texts and "hedged (may, might)" in texts


def test_deterministic_bytes() -> None:
    assert dumps(big_graph()) == dumps(big_graph())
    graph = sting_graph()
    assert dumps(graph, layout_graph(graph)) == get_writer("svg")(graph, None)


def test_hostile_labels_are_escaped() -> None:
    graph = sting_graph()
    graph.add_node("EVIL", label='<script>alert("x")</script>&', type="gene", xrefs={}, members=[], mentions=[])
    graph.add_edge("EVIL", "CGAS", key="activates", relation="activates", hedged=False,
                   evidence=[{"text": "</title><script>bad()</script>", "start": 0, "end": 1, "rule": "t"}])
    text = dumps(graph)
    root = _parse(text)
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in text


def test_rasterises_with_cairosvg() -> None:
    cairosvg = pytest.importorskip("cairosvg")
    png = cairosvg.svg2png(bytestring=dumps(sting_graph()).encode("utf-8"), output_width=600)
    assert png.startswith(b"\x89PNG")
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 20  # drawn shapes and text, not a blank page
