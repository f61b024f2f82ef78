"""GPML 2013a writer (WikiPathways / PathVisio), built with lxml from the graph and its layout.

How the graph maps to GPML, chosen so the file validates against GPML2013a.xsd and passes
the offline WikiPathways curation checks (`pathwaygen.gpml_checks`):

- A node with an identifier is a ``DataNode`` with a ``Type`` and an ``Xref`` under its
  exact BridgeDb name: genes ``GeneProduct`` (``Rna`` for RNA genes) with Entrez Gene from
  ``ncbigene``, else HGNC (symbol), Ensembl, Uniprot-TrEMBL; chemicals ``Metabolite`` with
  ChEBI, else PubChem-compound / HMDB; processes ``Pathway`` with a Gene Ontology,
  WikiPathways or MeSH id.
- A complex is a ``Group Style="Complex"`` around DataNodes of its members (the boxes the
  layout drew inside it); a family with known members is a ``Group Style="Group"`` of its
  members (WikiPathways' habit for paralogs), since BridgeDb has no FamPlex data source.
  Interactions attach to the group's GraphId.
- A node with no identifier at all (a process or group named in plain words) is a
  ``Label``: a DataNode without an Xref fails ``dataNodesWithoutIdentifier``. Its edges are
  ``GraphicalLine``s (same arrowheads), because an Interaction ending on a Label fails
  ``interactionsWithLabels``; the picture stays the same, only the biological claim is
  not made for something we cannot identify.
- Each edge is an ``Interaction`` with two Points, both GraphRef'd; the target Point carries
  the relation's ArrowHead from `pathwaygen.relations` (``mim-conversion`` only between two
  metabolites, as the curation checks demand; ``Arrow`` otherwise). Its Comment is the
  evidence sentence and its BiopaxRef the figure's paper.
- ``Attribute`` elements with ``pathwaygen.*`` keys keep what GPML has no place for (node
  ids, all xrefs, mentions, evidence spans, the exact relation), so
  `pathwaygen.readers.gpml` reads our own files back into the same graph.

GraphIds are deterministic NCNames (``n003``, ``i007``...), so the same graph gives the
same bytes.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import networkx as nx
from lxml import etree

from .. import __version__
from ..layout import LINE_HEIGHT, family_grid, grid_members, isolated_top, layout_graph, node_label, text_width
from ..model import Box, Layout
from ..relations import style
from ..graphjson import GRAPH_KEYS
from .svg import NODE_STYLES
from ._common import xml_safe_input

GPML_NS = "http://pathvisio.org/GPML/2013a"
BP_NS = "http://www.biopax.org/release/biopax-level3.owl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ATTR_PREFIX = "pathwaygen."
TITLE_BAND = 40.0  # room above the drawing for the title label

#: graph xref prefix -> BridgeDb data source name, in order of preference per node kind.
GENE_SOURCES: tuple[tuple[str, str], ...] = (
    ("ncbigene", "Entrez Gene"), ("hgnc.symbol", "HGNC"), ("ensembl", "Ensembl"), ("uniprot", "Uniprot-TrEMBL"),
)
CHEMICAL_SOURCES: tuple[tuple[str, str], ...] = (
    ("chebi", "ChEBI"), ("pubchem.compound", "PubChem-compound"), ("hmdb", "HMDB"), ("kegg.compound", "KEGG Compound"),
)
PROCESS_SOURCES: tuple[tuple[str, str], ...] = (
    ("go", "Gene Ontology"), ("wikipathways", "WikiPathways"), ("mesh", "MeSH"),
)
DATANODE_TYPES: dict[str, str] = {"gene": "GeneProduct", "rna": "Rna", "mutation": "GeneProduct",
                                  "chemical": "Metabolite", "process": "Pathway", "family": "GeneProduct",
                                  "complex": "Complex", "group": "GeneProduct"}


def _g(tag: str) -> str:
    return f"{{{GPML_NS}}}{tag}"


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def node_xref(node_type: str, xrefs: dict[str, str]) -> tuple[str, str, str] | None:
    """Return (GPML Type, BridgeDb database, ID) for a node, or None when it has no usable identifier."""
    if node_type == "chemical":
        sources = CHEMICAL_SOURCES
    elif node_type == "process":
        sources = PROCESS_SOURCES
    elif node_type in ("gene", "rna", "mutation"):
        sources = GENE_SOURCES
    else:
        return None
    for prefix, database in sources:
        value = str(xrefs.get(prefix) or "").strip()
        if value:
            if prefix == "chebi" and not value.upper().startswith("CHEBI:"):
                value = f"CHEBI:{value}"
            return DATANODE_TYPES[node_type], database, value
    return None


def pathway_name(graph: nx.MultiDiGraph) -> str:
    """Return a title WikiPathways accepts: letters, digits, spaces and /\\-.,:()[] only, 10..80 chars."""
    raw = " ".join(str(graph.graph.get("title") or "").split())
    name = re.sub(r"[^A-Za-z0-9 /\\\-.,:()\[\]]+", " ", raw)
    name = " ".join(name.split()).strip(" .,:")
    if len(name) > 80:
        name = name[:80].rsplit(" ", 1)[0].rstrip(" .,:")
    if len(name) < 10:
        figid = re.sub(r"[^A-Za-z0-9 .\-]+", " ", str(graph.graph.get("figid") or "figure"))
        name = f"{name} (figure {figid})".strip() if name else f"Pathway figure {figid}"
        name = name[:80]
    return name


def description(graph: nx.MultiDiGraph) -> str:
    """Return the pathway description: the caption, extended to >= 15 words and 50 characters."""
    caption = " ".join(str(graph.graph.get("caption") or "").split())
    note = (f"Diagram generated by pathwaygen from the caption of figure {graph.graph.get('figid') or ''}"
            f"{' of ' + str(graph.graph['paper_title']) if graph.graph.get('paper_title') else ''}.")
    text = caption
    if len(text.split()) < 15 or len(text) < 50:
        text = f"{caption} {note}".strip()
    if len(text.split()) < 15:
        text += " Each interaction is one statement read from the caption text; identifiers come from HGNC, FamPlex and ChEBI."
    return text


def publications(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Return (rdf:id, bp:DB, bp:ID) of the figure's paper: PubMed when known, else DOI, else PMC."""
    pmid = str(graph.graph.get("pmid") or "").strip()
    doi = str(graph.graph.get("doi") or "").strip()
    pmcid = str(graph.graph.get("pmcid") or "").strip()
    if pmid.isdigit() and pmid != "0":
        return [("pub1", "PubMed", pmid)]
    if doi:
        return [("pub1", "DOI", re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi, flags=re.I))]
    if pmcid:
        return [("pub1", "PubMed Central", pmcid)]
    return []


class _Writer:
    """Collects the elements of one pathway, then assembles them in the XSD's order."""

    def __init__(self, graph: nx.MultiDiGraph, layout: Layout) -> None:
        self.graph = graph
        self.layout = layout
        self.datanodes: list[etree._Element] = []
        self.interactions: list[etree._Element] = []
        self.lines: list[etree._Element] = []
        self.labels: list[etree._Element] = []
        self.groups: list[etree._Element] = []
        self.pubs = publications(graph)
        # node id -> (GraphId to attach lines to, "datanode" | "group" | "label", box, GPML Type)
        self.targets: dict[str, tuple[str, str, Box, str]] = {}

    def box(self, box: Box) -> Box:
        """Shift a layout box into the board (below the title band)."""
        return Box(box.x, box.y + TITLE_BAND, box.width, box.height)

    def comment_group(self, element: etree._Element, comments: list[tuple[str, str]], pubs: bool,
                      attrs: list[tuple[str, str]]) -> None:
        """Append the CommentGroup (Comment, BiopaxRef, Attribute, in the XSD's order) to `element`."""
        for source, text in comments:
            comment = etree.SubElement(element, _g("Comment"), Source=source)
            comment.text = text
        if pubs:
            for rdf_id, _, _ in self.pubs:
                etree.SubElement(element, _g("BiopaxRef")).text = rdf_id
        for key, value in attrs:
            etree.SubElement(element, _g("Attribute"), Key=ATTR_PREFIX + key, Value=value)

    def rect_graphics(self, element: etree._Element, box: Box, node_type: str, label_node: bool = False) -> None:
        """Append the Graphics of a DataNode or Label: its box, font and the SVG's colours for its type."""
        fill, stroke, _ = NODE_STYLES.get(node_type, NODE_STYLES["gene"])
        shape = {"chemical": "Oval", "process": "Hexagon", "group": "RoundedRectangle"}.get(node_type, "Rectangle")
        attrs = {"CenterX": _num(box.cx), "CenterY": _num(box.cy), "Width": _num(box.width),
                 "Height": _num(box.height), "FontName": "Arial", "FontSize": "11", "Valign": "Middle",
                 "Color": stroke.lstrip("#"), "FillColor": fill.lstrip("#"), "ShapeType": shape,
                 "ZOrder": "32768"}
        if node_type == "group" or node_type == "mutation":
            attrs["LineStyle"] = "Broken"
        if label_node:
            attrs["LineThickness"] = "1.0"
        etree.SubElement(element, _g("Graphics"), **attrs)

    def node_attrs(self, node_id: str, data: dict[str, Any]) -> list[tuple[str, str]]:
        """Return the pathwaygen.* Attributes that let our reader restore a node exactly."""
        attrs = [("node", node_id), ("type", str(data.get("type") or "gene"))]
        if node_label(self.graph, node_id) != str(data.get("label") or node_id):
            attrs.append(("label", str(data.get("label") or node_id)))  # TextLabel shows the caption's spelling
        attrs += [(f"xref.{k}", str(v)) for k, v in sorted((data.get("xrefs") or {}).items())]
        if data.get("mentions"):
            attrs.append(("mentions", json.dumps(data["mentions"], ensure_ascii=False)))
        return attrs

    def datanode(self, graph_id: str, label: str, node_type: str, xref: tuple[str, str, str] | None, box: Box,
                 attrs: list[tuple[str, str]], group_ref: str = "") -> etree._Element:
        """Add a DataNode, or a Label when `xref` is None (no identifier), and return it."""
        if xref is None:
            element = etree.Element(_g("Label"), TextLabel=label, GraphId=graph_id)
            if group_ref:
                element.set("GroupRef", group_ref)
            self.comment_group(element, [], False, attrs)
            self.rect_graphics(element, box, node_type, label_node=True)
            self.labels.append(element)
            return element
        element = etree.Element(_g("DataNode"), TextLabel=label, GraphId=graph_id, Type=xref[0])
        if group_ref:
            element.set("GroupRef", group_ref)
        self.comment_group(element, [], False, attrs)
        self.rect_graphics(element, box, node_type)
        etree.SubElement(element, _g("Xref"), Database=xref[1], ID=xref[2])
        self.datanodes.append(element)
        return element

    def add_nodes(self) -> None:
        """Write every laid-out node: groups with member DataNodes, DataNodes, or Labels."""
        for index, node in enumerate(sorted(self.graph.nodes)):
            if node not in self.layout.nodes:
                continue
            data = self.graph.nodes[node]
            node_type = str(data.get("type") or "gene")
            label = node_label(self.graph, node)
            box = self.box(self.layout.nodes[node])
            members = [m for m in data.get("members") or [] if isinstance(m, dict) and m.get("id")]
            member_boxes = self.member_boxes(node, node_type, members, box)
            if member_boxes:
                graph_id, group_id = f"g{index:03d}", f"grp{index:03d}"
                group = etree.Element(_g("Group"), GroupId=group_id, GraphId=graph_id,
                                      Style="Complex" if node_type == "complex" else "Group", TextLabel=label)
                self.comment_group(group, [], False, self.node_attrs(node, data))
                self.groups.append(group)
                for j, (member, mbox) in enumerate(member_boxes):
                    mtype = str(member.get("type") or "gene")
                    mxrefs = {str(k): str(v) for k, v in (member.get("xrefs") or {}).items()}
                    # the whole member record, so our reader restores it exactly
                    mattrs = [("member", json.dumps(member, ensure_ascii=False)), ("member_index", str(j))]
                    self.datanode(f"n{index:03d}m{j}", str(member.get("label") or member["id"]), mtype,
                                  node_xref(mtype, mxrefs), mbox, mattrs, group_ref=group_id)
                # PathVisio draws a group around its members: lines attach to that outline
                union = Box(min(b.x for _, b in member_boxes), min(b.y for _, b in member_boxes),
                            max(b.x + b.width for _, b in member_boxes) - min(b.x for _, b in member_boxes),
                            max(b.y + b.height for _, b in member_boxes) - min(b.y for _, b in member_boxes))
                self.targets[node] = (graph_id, "group", union, "Complex" if node_type == "complex" else "GeneProduct")
                continue
            xref = node_xref(node_type, {str(k): str(v) for k, v in (data.get("xrefs") or {}).items()})
            graph_id = f"n{index:03d}"
            attrs = self.node_attrs(node, data)
            if data.get("members"):  # members GPML has no place for (an inhibitor's target, say)
                attrs.append(("members", json.dumps(list(data["members"]), ensure_ascii=False)))
            self.datanode(graph_id, label, node_type, xref, box, attrs)
            self.targets[node] = (graph_id, "datanode" if xref else "label", box, xref[0] if xref else "")

    def member_boxes(self, node: str, node_type: str, members: list[dict[str, Any]],
                     box: Box) -> list[tuple[dict[str, Any], Box]]:
        """Return the member boxes of a complex (from the layout) or a family (a compact grid)."""
        if node_type == "complex":
            found = []
            for member in members:
                mbox = self.layout.members.get((node, str(member["id"])))
                if mbox is not None:
                    found.append((member, self.box(mbox)))
            if found:
                return found
        members = grid_members(self.graph, node)
        if not members:
            return []
        # a family (or a complex drawn as one node) is one box in the drawing; in GPML its
        # members sit in a grid centred on it, in room the layout reserved
        cols, rows, cell_w, cell_h = family_grid(members)
        left = round(box.cx - cols * cell_w / 2)  # whole points: neighbouring cells share an edge exactly
        top = round(box.cy - rows * cell_h / 2)
        return [(m, Box(left + (i % cols) * cell_w, top + (i // cols) * cell_h, cell_w, cell_h))
                for i, m in enumerate(members)]

    def add_edges(self) -> None:
        """Write every routed edge: an Interaction between identified ends, else a GraphicalLine."""
        for index, route in enumerate(self.layout.edges):
            source, target, relation = route.source, route.target, route.key
            if source not in self.targets or target not in self.targets or not self.graph.has_edge(source, target, relation):
                continue
            data = self.graph.edges[source, target, relation]
            s_id, s_kind, s_box, s_type = self.targets[source]
            t_id, t_kind, t_box, t_type = self.targets[target]
            rs = style(relation)
            head = rs.gpml_arrowhead
            if head == "mim-conversion" and not (s_type == t_type == "Metabolite"):
                head = "Arrow"  # curation: conversions only between metabolites
            interaction = s_kind != "label" and t_kind != "label" and source != target
            element = etree.Element(_g("Interaction" if interaction else "GraphicalLine"), GraphId=f"i{index:03d}")
            evidence = list(data.get("evidence") or [])
            sentences = []
            for ev in evidence:
                text = " ".join(str(ev.get("text", "")).split())
                if text and text not in sentences:
                    sentences.append(text)
            attrs = [("relation", relation), ("hedged", "true" if data.get("hedged") else "false")]
            if evidence:
                attrs.append(("evidence", json.dumps(evidence, ensure_ascii=False)))
            self.comment_group(element, [("pathwaygen-evidence", s) for s in sentences], True, attrs)
            graphics = etree.SubElement(element, _g("Graphics"), ZOrder="12288", LineThickness="1.5",
                                        Color=rs.svg_color.lstrip("#"))
            if data.get("hedged") or rs.svg_dash:
                graphics.set("LineStyle", "Broken")
            start, end = self.endpoints(route.points, s_box, t_box, source == target)
            if s_kind == "group":
                start = _onto_border(start, s_box)
            if t_kind == "group":
                end = _onto_border(end, t_box)
            for (x, y), graph_ref, box, arrow in ((start, s_id, s_box, ""), (end, t_id, t_box, head)):
                rel_x = max(-1.0, min(1.0, (x - box.cx) / (box.width / 2 or 1)))
                rel_y = max(-1.0, min(1.0, (y - box.cy) / (box.height / 2 or 1)))
                point = etree.SubElement(graphics, _g("Point"), X=_num(x), Y=_num(y), GraphRef=graph_ref,
                                         RelX=f"{rel_x:.3f}", RelY=f"{rel_y:.3f}")
                if arrow and arrow != "Line":
                    point.set("ArrowHead", arrow)
            if interaction:
                etree.SubElement(element, _g("Xref"), Database="", ID="")
                self.interactions.append(element)
            else:
                self.lines.append(element)

    def endpoints(self, points: tuple[tuple[float, float], ...], s_box: Box, t_box: Box,
                  loop: bool) -> tuple[tuple[float, float], tuple[float, float]]:
        """Return the two ends of a straight GPML line: the layout route's ends, shifted into the board."""
        if loop:
            return (s_box.x + s_box.width, s_box.cy), (s_box.cx, s_box.y)
        if len(points) >= 2:
            (x0, y0), (x1, y1) = points[0], points[-1]
            return (x0, y0 + TITLE_BAND), (x1, y1 + TITLE_BAND)
        return (s_box.cx, s_box.y + s_box.height), (t_box.cx, t_box.y)

    def pathway(self) -> etree._Element:
        """Return the whole <Pathway> element, children in the order GPML2013a.xsd demands."""
        graph = self.graph
        organisms = [str(o) for o in graph.graph.get("organisms") or [] if str(o).strip()]
        root = etree.Element(_g("Pathway"), nsmap={None: GPML_NS})
        root.set("Name", pathway_name(graph))
        root.set("Organism", organisms[0] if organisms else "Homo sapiens")
        root.set("Data-Source", f"pathwaygen {__version__}")
        attrs: list[tuple[str, str]] = []
        for key in GRAPH_KEYS:
            value = graph.graph.get(key)
            if key == "organisms":
                attrs.append((key, json.dumps(list(value or []), ensure_ascii=False)))
            elif value:
                attrs.append((key, str(value)))
        self.comment_group(root, [("WikiPathways-description", description(graph))], True, attrs)
        width = max(self.layout.width, text_width(root.get("Name"), 14, True) + 40)
        etree.SubElement(root, _g("Graphics"), BoardWidth=_num(width), BoardHeight=_num(self.layout.height + TITLE_BAND))
        title = etree.Element(_g("Label"), TextLabel=root.get("Name"), GraphId="title")
        etree.SubElement(title, _g("Graphics"), CenterX=_num(12 + (width - 24) / 2), CenterY="20.0",
                         Width=_num(width - 24), Height="24.0", FontName="Arial", FontSize="14", FontWeight="Bold",
                         Valign="Middle", Align="Left", ZOrder="28672")
        isolated = isolated_top(graph, self.layout)
        self.add_nodes()
        self.add_edges()
        labels = [title]
        if isolated is not None:
            top = isolated + TITLE_BAND - 8 - LINE_HEIGHT / 2
            heading = etree.Element(_g("Label"), TextLabel="Also named in the caption, in no stated interaction:",
                                    GraphId="isolated")
            etree.SubElement(heading, _g("Graphics"), CenterX=_num(12 + 160), CenterY=_num(top), Width="320.0",
                             Height=_num(LINE_HEIGHT), FontName="Arial", FontSize="10", FontStyle="Italic",
                             Align="Left", Valign="Middle", ZOrder="28672")
            labels.append(heading)
        for element in self.datanodes + self.interactions + self.lines + labels + self.labels + self.groups:
            root.append(element)
        etree.SubElement(root, _g("InfoBox"), CenterX="0.0", CenterY="0.0")
        if self.pubs:
            biopax = etree.SubElement(root, _g("Biopax"))
            for rdf_id, db, ident in self.pubs:
                pub = etree.SubElement(biopax, f"{{{BP_NS}}}PublicationXref", nsmap={"bp": BP_NS, "rdf": RDF_NS})
                pub.set(f"{{{RDF_NS}}}id", rdf_id)
                for tag, value in (("ID", ident), ("DB", db), ("TITLE", str(graph.graph.get("paper_title") or "")),
                                   ("YEAR", str(graph.graph.get("year") or ""))):
                    if value:
                        child = etree.SubElement(pub, f"{{{BP_NS}}}{tag}")
                        child.set(f"{{{RDF_NS}}}datatype", XSD_STRING)
                        child.text = value
        return root


def _onto_border(point: tuple[float, float], box: Box) -> tuple[float, float]:
    """Move `point` onto the outline of `box` along the line through the box's centre."""
    dx, dy = point[0] - box.cx, point[1] - box.cy
    if not dx and not dy:
        return box.cx, box.y
    # the factor that takes the centre->point vector to the outline
    scale = min(box.width / 2 / abs(dx) if dx else math.inf, box.height / 2 / abs(dy) if dy else math.inf)
    return round(box.cx + dx * scale, 1), round(box.cy + dy * scale, 1)


def to_element(graph: nx.MultiDiGraph, layout: Layout | None = None) -> etree._Element:
    """Return the GPML ``<Pathway>`` element of `graph` (layout computed with dot when None)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    return _Writer(graph, layout if layout is not None else layout_graph(graph)).pathway()


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the GPML 2013a text of `graph` (UTF-8 XML declaration, deterministic bytes)."""
    root = to_element(graph, layout)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
