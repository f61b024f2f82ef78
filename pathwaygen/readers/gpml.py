"""Read GPML 2013a (WikiPathways / PathVisio) into the graph model.

- ``DataNode`` -> a node keyed by its TextLabel (WikiPathways labels are mostly HGNC symbols);
  ``Type`` -> node type (GeneProduct/Protein -> gene, Rna -> rna, Metabolite -> chemical,
  Pathway -> process, Complex -> complex); ``Xref`` -> xrefs under our lowercase prefixes
  (Entrez Gene -> ncbigene, HGNC -> hgnc.symbol, ChEBI -> chebi, ...). DataNodes drawn twice
  (same label and type) become one node.
- ``Group Style="Complex"`` -> a complex node whose ``members`` are its DataNodes; any other
  group that an interaction attaches to -> a family node of its members.
- ``Interaction`` -> an edge when both ends resolve to nodes (through a DataNode, a group, or
  an Anchor on another interaction, which stands for that interaction's target). The
  ArrowHead gives the relation and the direction (head on the first Point = reversed).
- Our own files carry ``pathwaygen.*`` Attributes (exact node ids, xrefs, mentions,
  evidence, relation, and ``GraphicalLine``s to Labels for nodes without identifiers), so
  what `pathwaygen.writers.gpml` wrote reads back into the same graph.

:func:`parse` also returns counts that account for every DataNode and Interaction (kept,
merged, folded into a group, or skipped with a reason). The parser never resolves
entities, never touches the network and refuses huge trees, so hostile XML cannot expand
or leak.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from lxml import etree

from ..errors import GraphFormatError
from ..graphjson import GRAPH_KEYS, new_graph
from ..limits import MAX_GRAPH_FILE_BYTES, special_file_problem
from .check import check_graph
from ..model import NODE_TYPES, RELATIONS

GPML_NS = "http://pathvisio.org/GPML/2013a"
BP_NS = "http://www.biopax.org/release/biopax-level3.owl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {"g": GPML_NS, "bp": BP_NS}
ATTR_PREFIX = "pathwaygen."

#: BridgeDb data source -> our xref prefix.
DATABASE_PREFIXES: dict[str, str] = {
    "Entrez Gene": "ncbigene", "HGNC": "hgnc.symbol", "HGNC Accession number": "hgnc", "Ensembl": "ensembl",
    "Uniprot-TrEMBL": "uniprot", "Uniprot-SwissProt": "uniprot", "ChEBI": "chebi", "HMDB": "hmdb",
    "PubChem-compound": "pubchem.compound", "KEGG Compound": "kegg.compound", "Gene Ontology": "go",
    "WikiPathways": "wikipathways", "MeSH": "mesh", "Wikidata": "wikidata", "CAS": "cas", "RefSeq": "refseq",
    "Reactome": "reactome", "Complex Portal": "complexportal", "DrugBank": "drugbank", "Chemspider": "chemspider",
    "LIPID MAPS": "lipidmaps", "miRBase Sequence": "mirbase", "miRBase mature sequence": "mirbase.mature",
}
TYPE_MAP: dict[str, str] = {
    "geneproduct": "gene", "protein": "gene", "gene": "gene", "rna": "rna", "mirna": "rna", "metabolite": "chemical",
    "pathway": "process", "complex": "complex", "phenotype": "process", "disease": "process", "event": "process",
}
#: ArrowHead -> relation for files we did not write.
ARROWHEAD_RELATIONS: dict[str, str] = {
    "Arrow": "activates", "mim-stimulation": "activates", "mim-necessary-stimulation": "activates",
    "mim-catalysis": "activates", "TBar": "inhibits", "mim-inhibition": "inhibits", "mim-binding": "binds",
    "mim-covalent-bond": "binds", "mim-conversion": "produces", "mim-transcription-translation": "expresses",
    "mim-modification": "phosphorylates", "mim-cleavage": "degrades", "mim-translocation": "translocates",
    "mim-gap": "activates", "Receptor": "binds", "ReceptorRound": "binds", "ReceptorSquare": "binds",
    "LigandRound": "binds", "LigandSquare": "binds",
}


@dataclass
class GpmlRead:
    """A GPML file read into a graph, with an account of every DataNode and Interaction."""

    graph: nx.MultiDiGraph
    datanodes: int = 0  # DataNode elements in the file
    datanode_nodes: int = 0  # graph nodes made from a DataNode of their own
    merged_nodes: int = 0  # DataNodes that repeat a node already made (drawn twice)
    folded_nodes: int = 0  # DataNodes that became members of a complex or family node
    interactions: int = 0  # Interaction elements in the file
    interaction_edges: int = 0  # graph edges made from an Interaction
    merged_edges: int = 0  # Interactions that repeat an edge already made
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (GraphId, why) of Interactions not read


def _attrs(element: etree._Element) -> dict[str, str]:
    """Return the element's ``pathwaygen.*`` Attributes, prefix removed."""
    out: dict[str, str] = {}
    for attribute in element.findall("g:Attribute", NS):
        key = attribute.get("Key") or ""
        if key.startswith(ATTR_PREFIX):
            out[key[len(ATTR_PREFIX):]] = attribute.get("Value") or ""
    return out


def _json(value: str, default: Any, where: str) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        raise GraphFormatError(f"{where}: invalid JSON in a pathwaygen attribute") from None


def _int(value: str | None, default: int, where: str) -> int:
    """A whole-number attribute of our own files (`default` when absent)."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise GraphFormatError(f"{where}: {value!r} is not a whole number in a pathwaygen attribute") from None


def _xrefs(element: etree._Element) -> dict[str, str]:
    xref = element.find("g:Xref", NS)
    if xref is None:
        return {}
    database, ident = (xref.get("Database") or "").strip(), (xref.get("ID") or "").strip()
    if not database or not ident:
        return {}
    prefix = DATABASE_PREFIXES.get(database, re.sub(r"[^a-z0-9]+", "", database.lower()) or "xref")
    return {prefix: ident}


def _label(element: etree._Element) -> str:
    return " ".join((element.get("TextLabel") or "").split())


def _node_type(element: etree._Element) -> str:
    return TYPE_MAP.get((element.get("Type") or "").lower(), "gene")


#: a DOCTYPE in the prolog (after an optional BOM, XML declaration, comments and processing instructions)
_DOCTYPE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<!DOCTYPE", re.S)
_NO_DOCTYPE = "DOCTYPE declarations are not allowed (GPML needs none; entities and external DTDs are refused)"


def _parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse untrusted XML: no DTD at all, no entity resolution, no network, libxml2's size limits."""
    if _DOCTYPE.match(data):
        raise GraphFormatError(f"{source}: {_NO_DOCTYPE}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise GraphFormatError(f"{source}: not well-formed XML ({' '.join(str(exc).split())})") from None
    if root.getroottree().docinfo.doctype:  # a prolog the pattern missed (another encoding)
        raise GraphFormatError(f"{source}: {_NO_DOCTYPE}")
    if root.tag != f"{{{GPML_NS}}}Pathway":
        raise GraphFormatError(f"{source}: not a GPML 2013a pathway (root is {etree.QName(root).localname!r} "
                               f"in namespace {etree.QName(root).namespace!r})")
    return root


def _graph_attrs(root: etree._Element, source: str) -> dict[str, Any]:
    ours = _attrs(root)
    if "figid" in ours:
        attrs: dict[str, Any] = {k: ours.get(k, "") for k in GRAPH_KEYS}
        attrs["organisms"] = _json(ours.get("organisms", ""), [], source)
        return attrs
    pubmed = doi = ""
    for pub in root.iter(f"{{{BP_NS}}}PublicationXref"):
        db = (pub.findtext("bp:DB", "", NS) or "").strip()
        ident = (pub.findtext("bp:ID", "", NS) or "").strip()
        if db == "PubMed" and ident and not pubmed:
            pubmed = ident
        elif db == "DOI" and ident and not doi:
            doi = ident
    description = root.find("g:Comment[@Source='WikiPathways-description']", NS)
    organism = root.get("Organism") or ""
    return {"figid": os.path.splitext(os.path.basename(source))[0] if source != "<gpml>" else "",
            "title": root.get("Name") or "", "caption": " ".join((description.text or "").split()) if description is not None else "",
            "organisms": [organism] if organism else [], "pmid": pubmed, "doi": doi}


def parse(data: str | bytes, source: str = "<gpml>") -> GpmlRead:
    """Read GPML text into a graph and account for every DataNode and Interaction."""
    root = _parse_xml(data.encode("utf-8") if isinstance(data, str) else data, source)
    graph = new_graph(**_graph_attrs(root, source))
    result = GpmlRead(graph)
    groups = {g.get("GroupId"): g for g in root.findall("g:Group", NS) if g.get("GroupId")}
    group_by_graph_id = {g.get("GraphId"): gid for gid, g in groups.items() if g.get("GraphId")}
    datanodes = root.findall("g:DataNode", NS)
    labels = root.findall("g:Label", NS)
    interactions = root.findall("g:Interaction", NS)
    lines = root.findall("g:GraphicalLine", NS)
    result.datanodes, result.interactions = len(datanodes), len(interactions)
    # Which groups become nodes: complexes, our own groups, and groups a line attaches to.
    attached = {p.get("GraphRef") for e in interactions + lines for p in e.findall("g:Graphics/g:Point", NS)}
    member_labels: dict[str, list[str]] = {}
    for element in datanodes + labels:
        if element.get("GroupRef"):
            member_labels.setdefault(element.get("GroupRef"), []).append(_label(element))
    node_groups: dict[str, str] = {}  # GroupId -> node id
    for group_id, group in groups.items():
        ours = _attrs(group)
        if "node" in ours:
            node_id, ntype = ours["node"], ours.get("type", "complex")
            label = ours.get("label") or _label(group) or ours["node"]
        elif group.get("Style") == "Complex" or group.get("GraphId") in attached:
            ntype = "complex" if group.get("Style") == "Complex" else "family"
            # an unnamed group is called what curators write: its members joined by "/"
            names = [n for n in member_labels.get(group_id, []) if n]
            label = _label(group) or ("/".join(names[:4]) + ("/…" if len(names) > 4 else "")) or f"{ntype} {group_id}"
            node_id = label if label not in graph else f"{label} ({group_id})"
        else:
            continue
        if ntype not in NODE_TYPES:
            raise GraphFormatError(f"{source}: group {group_id!r} has unknown type {ntype!r}")
        if node_id not in graph:
            graph.add_node(node_id, label=label, type=ntype,
                           xrefs={k[5:]: v for k, v in sorted(ours.items()) if k.startswith("xref.")},
                           members=[], mentions=_json(ours.get("mentions", ""), [], source))
        node_groups[group_id] = node_id
    # GraphId -> node id for everything a line can attach to.
    resolve: dict[str, str] = {}
    for group_graph_id, group_id in group_by_graph_id.items():
        if group_id in node_groups:
            resolve[group_graph_id] = node_groups[group_id]
    order: dict[str, list[int]] = {}
    seen_members: dict[str, set[str]] = {}
    for element in datanodes + labels:
        is_label = etree.QName(element).localname == "Label"
        ours = _attrs(element)
        group_node = node_groups.get(element.get("GroupRef") or "")
        if is_label and "node" not in ours and "member" not in ours:
            continue  # free text on the board, not a node
        xrefs = _xrefs(element)
        if group_node is not None:
            member = _json(ours["member"], {}, source) if "member" in ours else {
                "id": _label(element) or element.get("GraphId") or "member", "label": _label(element),
                "type": _node_type(element), "xrefs": xrefs}
            members = graph.nodes[group_node]["members"]
            # a set of seen members per group: `member not in members` is O(n) per member
            key = json.dumps(member, sort_keys=True, default=str)
            if key not in seen_members.setdefault(group_node, set()):
                seen_members[group_node].add(key)
                members.append(member)
                # our files say where a member stood (Labels follow DataNodes in GPML order)
                order.setdefault(group_node, []).append(
                    _int(ours.get("member_index"), len(order.get(group_node, [])), source))
            if not is_label:
                result.folded_nodes += 1
            if element.get("GraphId"):
                resolve[element.get("GraphId")] = group_node
            continue
        if "node" in ours:
            node_id = ours["node"]
            ntype = ours.get("type", "gene")
            xrefs = {k[5:]: v for k, v in sorted(ours.items()) if k.startswith("xref.")}
            mentions = _json(ours.get("mentions", ""), [], source)
        else:
            node_id = _label(element) or element.get("GraphId") or f"node{len(graph)}"
            ntype = _node_type(element)
            mentions = []
        if ntype not in NODE_TYPES:
            raise GraphFormatError(f"{source}: node {node_id!r} has unknown type {ntype!r}")
        if node_id in graph:
            if not is_label:
                result.merged_nodes += 1
            for key, value in xrefs.items():
                graph.nodes[node_id]["xrefs"].setdefault(key, value)
        else:
            graph.add_node(node_id, label=ours.get("label") or _label(element) or node_id, type=ntype,
                           xrefs=dict(xrefs), members=_json(ours.get("members", ""), [], source), mentions=mentions)
            if not is_label:
                result.datanode_nodes += 1
        if element.get("GraphId"):
            resolve[element.get("GraphId")] = node_id
    for group_node, positions in order.items():
        members = graph.nodes[group_node]["members"]
        if len(positions) == len(members):
            graph.nodes[group_node]["members"] = [m for _, m in sorted(zip(positions, members), key=lambda pm: pm[0])]
    # Anchors stand for the target of the line they sit on (a catalysed conversion's product).
    anchor_line: dict[str, etree._Element] = {}
    for element in interactions + lines:
        for anchor in element.findall("g:Graphics/g:Anchor", NS):
            if anchor.get("GraphId"):
                anchor_line[anchor.get("GraphId")] = element

    def end_node(ref: str | None, depth: int = 0) -> str | None:
        if not ref:
            return None
        if ref in resolve:
            return resolve[ref]
        line = anchor_line.get(ref)
        if line is None or depth > 4:
            return None
        points = line.findall("g:Graphics/g:Point", NS)
        return end_node(points[-1].get("GraphRef"), depth + 1) if points else None

    for position, element in enumerate(interactions + lines):
        is_interaction = etree.QName(element).localname == "Interaction"
        ours = _attrs(element)
        # interactions come first, so `position` is the interaction's index (no list.index: O(n) each)
        what = element.get("GraphId") or f"#{position if is_interaction else 'line'}"
        if not is_interaction and "relation" not in ours:
            continue  # a drawn line with no biological meaning
        points = element.findall("g:Graphics/g:Point", NS)
        if len(points) < 2:
            result.skipped.append((what, "fewer than two points"))
            continue
        first, last = points[0], points[-1]
        source_node, target_node = end_node(first.get("GraphRef")), end_node(last.get("GraphRef"))
        if source_node is None or target_node is None:
            result.skipped.append((what, "an end is not attached to a node"))
            continue
        if "relation" in ours:
            relation = ours["relation"]
        else:
            head_last = last.get("ArrowHead", "Line")
            head_first = first.get("ArrowHead", "Line")
            if head_last == "Line" and head_first != "Line":
                source_node, target_node, head_last = target_node, source_node, head_first
            relation = ARROWHEAD_RELATIONS.get(head_last, "binds")
        if relation not in RELATIONS:
            raise GraphFormatError(f"{source}: line {what!r} has unknown relation {relation!r}")
        evidence = _json(ours.get("evidence", ""), [], source)
        hedged = ours.get("hedged") == "true"
        if graph.has_edge(source_node, target_node, relation):
            if is_interaction:
                result.merged_edges += 1
            data = graph.edges[source_node, target_node, relation]
            data["evidence"].extend(e for e in evidence if e not in data["evidence"])
            continue
        graph.add_edge(source_node, target_node, key=relation, relation=relation, hedged=hedged, evidence=evidence)
        if is_interaction:
            result.interaction_edges += 1
    # pathwaygen.* attributes carry JSON from the file: check their shape before any writer sees it
    check_graph(graph, source)
    return result


def loads(text: str | bytes, source: str = "<gpml>") -> nx.MultiDiGraph:
    """Read GPML text into a graph; raises GraphFormatError naming `source` when it is not GPML 2013a."""
    return parse(text, source).graph


def read_gpml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GPML 2013a file into a graph; raises GraphFormatError naming the file on failure."""
    special = special_file_problem(path)
    if special is not None:
        raise GraphFormatError(f"{path}: {special}")
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_GRAPH_FILE_BYTES:
                raise GraphFormatError(f"{path}: file has {size:,} bytes, over the limit of {MAX_GRAPH_FILE_BYTES:,}")
            data = handle.read(MAX_GRAPH_FILE_BYTES + 1)
    except OSError as exc:
        raise GraphFormatError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_GRAPH_FILE_BYTES:
        raise GraphFormatError(f"{path}: file has more than {MAX_GRAPH_FILE_BYTES:,} bytes, over the limit")
    return loads(data, str(path))
