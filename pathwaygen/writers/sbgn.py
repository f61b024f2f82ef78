"""SBGN-ML writer (`.sbgn`): an SBGN Activity Flow map (namespace http://sbgn.org/libsbgn/0.3).

Every entity is a `biological activity` glyph with a `unit of information` naming the kind
of entity whose activity it is (macromolecule, simple chemical, complex, nucleic acid
feature, unspecified entity); a process is a `phenotype` glyph. Activity Flow lets only
activities be the source of an influence, so a process that influences something is drawn
as an activity (with no unit of information) instead. Arc classes (positive / negative /
unknown influence, necessary stimulation) come from the `sbgn_arc` field of the one
relation table. Glyph bounding boxes are the layout's boxes and arcs are polylines through the on-curve
points of the layout's edge splines; the groundings are
identifiers.org URIs in an RDF annotation (`bqbiol:is`, `bqbiol:hasPart` for members) and
each arc's notes hold its evidence sentences and rules, as Newt and MINERVA read them.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
from lxml import etree

from ..model import Box, Layout
from ..relations import style
from ._common import (
    xml_safe_input,
    curie, display_label, edge_routes, evidence_of, iter_members, node_box, num, on_curve_points,
    ordered_xrefs, resolve_layout, sorted_edges, sorted_nodes, source_of,
)

SBGN_NS = "http://sbgn.org/libsbgn/0.3"
XHTML_NS = "http://www.w3.org/1999/xhtml"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
BQBIOL_NS = "http://biomodels.net/biology-qualifiers/"
AF_VERSION = "http://identifiers.org/combine.specifications/sbgn.af.level-1.version-1.2"

#: Node type -> the entity named by the unit of information of its activity glyph
#: (None: a phenotype glyph, which has no unit of information).
UNIT_OF_INFORMATION: dict[str, str | None] = {
    "gene": "macromolecule",
    "family": "macromolecule",
    "mutation": "macromolecule",
    "complex": "complex",
    "chemical": "simple chemical",
    "rna": "nucleic acid feature",
    "group": "unspecified entity",
    "process": None,
}

_UOI_WIDTH, _UOI_HEIGHT = 20.0, 10.0


def _q(tag: str, ns: str = SBGN_NS) -> str:
    """Return the Clark name of `tag` in namespace `ns`."""
    return f"{{{ns}}}{tag}"


def _xml_id(text: str, taken: set[str]) -> str:
    """Return a unique XML ID (an NCName) made from `text`."""
    base = "g_" + re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def _bbox(parent: etree._Element, box: Box) -> None:
    """Append an SBGN bbox element for `box`."""
    etree.SubElement(parent, _q("bbox"), x=str(num(box.x)), y=str(num(box.y)), w=str(num(box.width)), h=str(num(box.height)))


def _notes(parent: etree._Element, paragraphs: list[str]) -> None:
    """Append an XHTML notes element with one paragraph per string."""
    notes = etree.SubElement(parent, _q("notes"))
    body = etree.SubElement(notes, _q("body", XHTML_NS), nsmap={None: XHTML_NS})
    for text in paragraphs:
        etree.SubElement(body, _q("p", XHTML_NS)).text = text


def identifiers_uri(prefix: str, value: str) -> str:
    """Return the identifiers.org URI of one xref ("hgnc", "6840" -> https://identifiers.org/hgnc:6840)."""
    return "https://identifiers.org/" + curie(prefix, value)


def _annotation(parent: etree._Element, glyph_id: str, data: dict[str, Any]) -> None:
    """Append the RDF annotation of a glyph: its groundings (is) and its members' (hasPart)."""
    own = [identifiers_uri(p, v) for p, v in ordered_xrefs(data.get("xrefs"))]
    parts = [identifiers_uri(p, v) for m in iter_members(data) for p, v in ordered_xrefs(m.get("xrefs"))[:1]]
    if not own and not parts:
        return
    extension = etree.SubElement(parent, _q("extension"))
    annotation = etree.SubElement(extension, _q("annotation"))
    rdf = etree.SubElement(annotation, _q("RDF", RDF_NS), nsmap={"rdf": RDF_NS, "bqbiol": BQBIOL_NS})
    description = etree.SubElement(rdf, _q("Description", RDF_NS), {_q("about", RDF_NS): "#" + glyph_id})
    for qualifier, uris in (("is", own), ("hasPart", parts)):
        if not uris:
            continue
        bag = etree.SubElement(etree.SubElement(description, _q(qualifier, BQBIOL_NS)), _q("Bag", RDF_NS))
        for uri in uris:
            etree.SubElement(bag, _q("li", RDF_NS), {_q("resource", RDF_NS): uri})


def _border_point(box: Box, toward: tuple[float, float]) -> tuple[float, float]:
    """Return where the line from the centre of `box` toward a point leaves the box."""
    dx, dy = toward[0] - box.cx, toward[1] - box.cy
    if dx == 0 and dy == 0:
        return box.cx, box.cy
    scale = min(
        (box.width / 2) / abs(dx) if dx else float("inf"),
        (box.height / 2) / abs(dy) if dy else float("inf"),
    )
    return box.cx + dx * scale, box.cy + dy * scale


def to_tree(graph: nx.MultiDiGraph, layout: Layout) -> etree._Element:
    """Return the SBGN-ML document element of `graph` placed by `layout`."""
    meta = graph.graph
    root = etree.Element(_q("sbgn"), nsmap={None: SBGN_NS})
    sbgn_map = etree.SubElement(root, _q("map"), id="map_" + re.sub(r"[^A-Za-z0-9_.-]", "_", meta.get("figid") or "pathwaygen"),
                                version=AF_VERSION, language="activity flow")
    _notes(sbgn_map, [p for p in (meta.get("title", ""), meta.get("caption", ""), "Source: " + source_of(meta)) if p.strip(": ")])
    etree.SubElement(sbgn_map, _q("bbox"), x="0", y="0", w=str(num(layout.width)), h=str(num(layout.height)))

    sources = {s for s, _t, _r, _d in sorted_edges(graph)}
    taken: set[str] = set()
    glyph_ids: dict[str, str] = {}
    for node, data in sorted_nodes(graph):
        glyph_id = glyph_ids[node] = _xml_id(node, taken)
        ntype = data.get("type", "gene")
        unit = UNIT_OF_INFORMATION.get(ntype, "unspecified entity")
        phenotype = unit is None and node not in sources
        glyph = etree.SubElement(sbgn_map, _q("glyph"), id=glyph_id, **{"class": "phenotype" if phenotype else "biological activity"})
        _annotation(glyph, glyph_id, data)
        etree.SubElement(glyph, _q("label"), text=display_label(graph, node))
        box = node_box(layout, node)
        _bbox(glyph, box)
        if unit is not None:
            uoi = etree.SubElement(glyph, _q("glyph"), id=_xml_id(node + "_uoi", taken), **{"class": "unit of information"})
            etree.SubElement(uoi, _q("entity"), name=unit)
            # Centred on the top border near the left corner, where SBGN editors draw it.
            _bbox(uoi, Box(box.x + min(8.0, box.width / 4), box.y - _UOI_HEIGHT / 2, _UOI_WIDTH, _UOI_HEIGHT))

    routes = edge_routes(layout)
    for source, target, relation, data in sorted_edges(graph):
        arc_id = _xml_id(f"{source}_{relation}_{target}", taken)
        arc = etree.SubElement(sbgn_map, _q("arc"), id=arc_id, source=glyph_ids[source], target=glyph_ids[target],
                               **{"class": style(relation).sbgn_arc})
        paragraphs = [f"{relation}{' (hedged)' if data.get('hedged') else ''}"]
        paragraphs += [f"[{ev.get('rule', '')}] {ev.get('text', '')}" for ev in evidence_of(data)]
        _notes(arc, paragraphs)
        route = routes.get((source, target, relation))
        src_box, dst_box = node_box(layout, source), node_box(layout, target)
        if route is not None and len(route.points) >= 2:
            points = on_curve_points(route.points)
        else:
            points = [_border_point(src_box, (dst_box.cx, dst_box.cy)), _border_point(dst_box, (src_box.cx, src_box.cy))]
        etree.SubElement(arc, _q("start"), x=str(num(points[0][0])), y=str(num(points[0][1])))
        for x, y in points[1:-1]:
            etree.SubElement(arc, _q("next"), x=str(num(x)), y=str(num(y)))
        etree.SubElement(arc, _q("end"), x=str(num(points[-1][0])), y=str(num(points[-1][1])))
    return root


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the SBGN-ML text of `graph` (computing the layout when it is None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    tree = to_tree(graph, resolve_layout(graph, layout))
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
