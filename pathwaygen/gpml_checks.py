"""The WikiPathways curation checks that run offline, over a GPML 2013a document.

:func:`curation_problems` returns one line per problem, named after the WikiPathways test it
mirrors (WikiPathwaysCurator class.test, or the pull-request workflow), so an empty list
means the file would pass those checks. :func:`schema_errors` validates against the
packaged GPML2013a.xsd. Checks that need live identifier-mapping files (outdated or
secondary ids, retracted papers) are out of scope; see ``shared/gpml/NOTES.md`` section 3.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

GPML_NS = "http://pathvisio.org/GPML/2013a"
BP_NS = "http://www.biopax.org/release/biopax-level3.owl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {"g": GPML_NS, "bp": BP_NS}
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "GPML2013a.xsd"

#: BridgeDb data source full names accepted on DataNodes (the current, non-outdated ones).
BRIDGEDB_NAMES: frozenset[str] = frozenset({
    "Entrez Gene", "Ensembl", "Uniprot-TrEMBL", "HGNC", "HGNC Accession number", "ChEBI", "HMDB", "LIPID MAPS",
    "WikiPathways", "Wikidata", "PubChem-compound", "PubChem-substance", "KEGG Compound", "KEGG Genes",
    "KEGG Pathway", "KEGG Reaction", "CAS", "RefSeq", "NCBI Protein", "Enzyme Nomenclature", "Reactome",
    "Complex Portal", "DrugBank", "Chemspider", "Gene Ontology", "MeSH", "miRBase Sequence", "miRBase mature sequence",
    "Rhea", "InterPro", "Pfam", "OMIM", "Ensembl Plants", "TAIR", "SGD", "MGI", "RGD", "ZFIN", "FlyBase", "WormBase",
})
#: Names the OutdatedDataSourcesTests reject, with the name to use instead.
OUTDATED_NAMES: dict[str, str] = {
    "Uniprot": "Uniprot-TrEMBL", "UniProt": "Uniprot-TrEMBL", "Uniprot-SwissProt": "Uniprot-TrEMBL",
    "Ensembl Human": "Ensembl", "ENSEMBL": "Ensembl", "Kegg Compound": "KEGG Compound", "PubChem": "PubChem-compound",
    "PubChem Compound": "PubChem-compound", "Wikipathways": "WikiPathways", "ChemSpider": "Chemspider",
    "Entrez": "Entrez Gene", "NCBI Gene": "Entrez Gene", "CHEBI": "ChEBI", "InChI": "", "UniGene": "",
}
METABOLITE_ONLY = frozenset({"ChEBI", "HMDB", "KEGG Compound", "CAS", "PubChem-compound", "Chemspider", "LIPID MAPS"})
GENE_ONLY = frozenset({"Ensembl", "Entrez Gene"})
ARROWHEADS = frozenset({
    "Line", "Arrow", "TBar", "mim-conversion", "mim-stimulation", "mim-necessary-stimulation", "mim-inhibition",
    "mim-catalysis", "mim-binding", "mim-modification", "mim-cleavage", "mim-covalent-bond",
    "mim-transcription-translation", "mim-translocation", "mim-gap", "mim-branching-left", "mim-branching-right",
    "Receptor", "ReceptorRound", "ReceptorSquare", "LigandRound", "LigandSquare",
})
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
TITLE_CHARS = re.compile(r"^[A-Za-z0-9 /\\\-.,:()\[\]]*$")
ID_FORMS: dict[str, re.Pattern[str]] = {
    "Entrez Gene": re.compile(r"^\d+$"), "ChEBI": re.compile(r"^CHEBI:\d+$"), "HMDB": re.compile(r"^HMDB\d{7}$"),
    "KEGG Compound": re.compile(r"^C\d{5}$"), "PubChem-compound": re.compile(r"^\d+$"),
    "Chemspider": re.compile(r"^\d+$"), "Wikidata": re.compile(r"^Q\d+$"), "Gene Ontology": re.compile(r"^GO:\d{7}$"),
    "WikiPathways": re.compile(r"^WP\d+$"), "HGNC Accession number": re.compile(r"^\d+$"),
    "Ensembl": re.compile(r"^ENS[A-Z]*[GTP]\d+$"),
}


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def _parse(gpml: str | bytes | etree._Element) -> etree._Element:
    if isinstance(gpml, etree._Element):
        return gpml
    data = gpml.encode("utf-8") if isinstance(gpml, str) else gpml
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def schema_errors(gpml: str | bytes | etree._Element) -> list[str]:
    """Return the GPML2013a.xsd validation errors of a document (empty when valid)."""
    root = _parse(gpml)
    schema = _schema()
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def _name(element: etree._Element) -> str:
    return f"{etree.QName(element).localname} {element.get('GraphId') or element.get('TextLabel') or '?'}"


def curation_problems(gpml: str | bytes | etree._Element) -> list[str]:
    """Return the offline WikiPathways curation problems of a GPML 2013a document, one line each."""
    root = _parse(gpml)
    problems: list[str] = []
    add = problems.append
    # -- pathway title and description (PR workflow, GeneralTests, PathwayTests)
    name = root.get("Name") or ""
    if len(name) < 10:
        add(f"PR.titleLength: title {name!r} is shorter than 10 characters")
    if len(name) > 80:
        add("GeneralTests.titlesShortEnough: title is longer than 80 characters")
    if not TITLE_CHARS.match(name):
        add(f"GeneralTests.weirdCharacterTitles: title {name!r} has characters outside letters, digits, spaces and /\\-.,:()[]")
    if root.get("License") not in (None, "CC0"):
        add("PathwayTests.oldLicenses: License attribute other than CC0")
    descriptions = root.findall("g:Comment[@Source='WikiPathways-description']", NS)
    if not descriptions:
        add("PathwayTests.allMissingDescriptions: no WikiPathways-description comment")
    elif len(descriptions) > 1:
        add("PathwayTests.multipleDescriptions: more than one description")
    else:
        text = descriptions[0].text or ""
        if len(text.split()) < 15:
            add("PR.descriptionLength: description has fewer than 15 words")
        if len(text.strip()) < 50:
            add("PathwayTests.allShortDescriptions: description is shorter than 50 characters")
    for comment in root.iter(f"{{{GPML_NS}}}Comment"):
        if "Type your comment here" in (comment.text or ""):
            add("GeneralTests.stockComments: stock comment text")
    # -- identifiers of every element
    ids: dict[str, etree._Element] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        graph_id = element.get("GraphId")
        if graph_id is None:
            continue
        if not NCNAME.match(graph_id):
            add(f"GraphId: {graph_id!r} is not an NCName")
        if graph_id in ids:
            add(f"GraphId: {graph_id!r} is used twice")
        ids[graph_id] = element
    # -- literature (ReferencesTests)
    pubs: dict[str, tuple[str, str]] = {}
    for pub in root.iter(f"{{{BP_NS}}}PublicationXref"):
        rdf_id = pub.get(f"{{{RDF_NS}}}id") or ""
        pubs[rdf_id] = ((pub.findtext("bp:DB", "", NS) or "").strip(), (pub.findtext("bp:ID", "", NS) or "").strip())
    if not any(db in ("PubMed", "DOI", "ISBN") and ident for db, ident in pubs.values()):
        add("ReferencesTests.atLeastOneReference: no PubMed, DOI or ISBN reference")
    for db, ident in pubs.values():
        if db == "PubMed" and (not ident.isdigit() or int(ident) == 0 or int(ident) > 99_999_999):
            add(f"ReferencesTests.nonNumericPubMedIDs: PubMed id {ident!r}")
    for ref in root.iter(f"{{{GPML_NS}}}BiopaxRef"):
        if (ref.text or "").strip() not in pubs:
            add(f"BiopaxRef: {ref.text!r} names no PublicationXref")
    # -- data nodes (DataNodesTests, GeneralTests, MetabolitesTests, GeneTests, WikidataTests)
    types: dict[str, str] = {}
    xref_of: dict[str, tuple[str, str]] = {}
    for node in root.findall("g:DataNode", NS):
        what = _name(node)
        node_type = node.get("Type")
        if not node.get("GraphId"):
            add(f"GeneralTests.dataNodeWithoutGraphId: {what}")
        if node_type in (None, "", "Unknown"):
            add(f"DataNodesTests.unknownTypes: {what} has Type {node_type or 'Unknown'}")
        xref = node.find("g:Xref", NS)
        database = (xref.get("Database") if xref is not None else "") or ""
        ident = (xref.get("ID") if xref is not None else "") or ""
        if node.get("GraphId"):
            types[node.get("GraphId")] = node_type or ""
            xref_of[node.get("GraphId")] = (database, ident)
        if not database and not ident:
            add(f"DataNodesTests.dataNodesWithoutIdentifier: {what}")
            continue
        if not (node.get("TextLabel") or "").strip():
            add(f"GeneralTests.emptyLabelOfNodeWithIdentifier: {what}")
        if database == "Other":
            add(f"DataNodesTests.otherDataSource: {what}")
        if database in ("", "null", "undefined") or not ident:
            add(f"GeneralTests.emptyDataSources: {what} has Database {database!r} and ID {ident!r}")
        if ident == "undefined":
            add(f"GeneralTests.undefinedIdentifier: {what}")
        if database in OUTDATED_NAMES:
            add(f"OutdatedDataSourcesTests: {what} uses {database!r}, use {OUTDATED_NAMES[database]!r}")
        elif database and database not in BRIDGEDB_NAMES:
            add(f"DataSource: {what} has Database {database!r}, not a BridgeDb data source name")
        form = ID_FORMS.get(database)
        if form and ident and not form.match(ident):
            add(f"IdentifierForm: {what} has {database} id {ident!r}")
        if database == "HGNC" and ident.isdigit():
            add(f"GeneTests.hgncSymbols: {what} has a number under HGNC (use 'HGNC Accession number')")
        if database in METABOLITE_ONLY and node_type != "Metabolite":
            add(f"MetabolitesTests: {what} has a {database} id but Type {node_type}")
        if node_type == "Metabolite" and database in GENE_ONLY:
            add(f"MetabolitesTests: metabolite {what} has a {database} id")
        if database == "Wikidata" and node_type in ("GeneProduct", "Protein"):
            add(f"WikidataTests: {what} is a {node_type} with a Wikidata id")
        if node_type == "Pathway":
            shape = node.find("g:Graphics", NS)
            if database == "WikiPathways" and shape is not None and shape.get("ShapeType") == "None":
                add(f"PathwayTests.testRoundedRectangle: {what}")
    groups = {g.get("GroupId"): g for g in root.findall("g:Group", NS)}
    for group in groups.values():
        if not group.get("GraphId"):
            add(f"GeneralTests.groupsHaveDetail: Group {group.get('GroupId')} has no GraphId")
        elif group.get("Style") == "Complex":
            types[group.get("GraphId")] = "Complex"
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("GroupRef") and element.get("GroupRef") not in groups:
            add(f"GroupRef: {_name(element)} refers to missing group {element.get('GroupRef')!r}")
    # -- interactions (InteractionTests, CovidDiseaseMapsTests.interactionsWithoutReferences)
    for interaction in root.findall("g:Interaction", NS):
        what = _name(interaction)
        points = interaction.findall("g:Graphics/g:Point", NS)
        if len(points) < 2:
            add(f"Interaction: {what} has fewer than two points")
            continue
        for point in points:
            head = point.get("ArrowHead", "Line")
            if head not in ARROWHEADS:
                add(f"ArrowHead: {what} has unknown ArrowHead {head!r}")
        ends = []
        for point in (points[0], points[-1]):
            ref = point.get("GraphRef")
            if not ref:
                add(f"InteractionTests.interactionsWithUnconnectedPoints: {what} has an end without GraphRef")
            elif ref not in ids:
                add(f"InteractionTests.interactionsWithUnconnectedPoints: {what} points at missing {ref!r}")
            elif etree.QName(ids[ref]).localname == "Label":
                add(f"InteractionTests.interactionsWithLabels: {what} ends on Label {ref!r}")
            ends.append(ref or "")
        if any(not p.get("GraphRef") for p in points[1:-1]):
            add(f"InteractionTests.interactionsWithUnconnectedPoints: {what} has a waypoint without GraphRef")
        heads = {p.get("ArrowHead", "Line") for p in (points[0], points[-1])}
        if "mim-conversion" in heads and not all(types.get(ref) == "Metabolite" for ref in ends):
            add(f"InteractionTests.noConversions: {what} is a mim-conversion between non-metabolites")
        if (len(ends) == 2 and ends[0] in xref_of and ends[1] in xref_of and ends[0] != ends[1]
                and xref_of[ends[0]] == xref_of[ends[1]] and all(xref_of[ends[0]])
                and not heads & {"mim-translocation", "mim-transcription-translation"}):
            add(f"InteractionTests.possibleTranslocations: {what} joins two nodes of the same entity")
        if not interaction.findall("g:BiopaxRef", NS):
            add(f"CovidDiseaseMapsTests.interactionsWithoutReferences: {what} cites nothing")
    return problems
