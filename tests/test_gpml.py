"""GPML 2013a: valid against the XSD, passes the offline curation checks, reads back, loads real files."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from lxml import etree
from test_layout_graphs import big_graph, sting_graph

from pathwaygen import graphjson
from pathwaygen.errors import GraphFormatError
from pathwaygen.gpml_checks import curation_problems, schema_errors
from pathwaygen.layout import layout_graph
from pathwaygen.model import NODE_TYPES
from pathwaygen.readers.gpml import parse, read_gpml
from pathwaygen.writers.gpml import dumps

SHARED = Path(os.environ.get("PATHWAYGEN_SHARED", Path(__file__).resolve().parents[2] / "shared"))
EXAMPLES = SHARED / "gpml" / "examples"
NS = {"g": "http://pathvisio.org/GPML/2013a"}


def _root(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("make", [sting_graph, big_graph])
def test_valid_and_curation_clean(make) -> None:
    text = dumps(make())
    assert schema_errors(text) == []
    assert curation_problems(text) == []


def test_also_valid_against_the_shared_schema() -> None:
    shared_xsd = SHARED / "gpml" / "GPML2013a.xsd"
    if not shared_xsd.exists():
        pytest.skip("shared/ not present")
    schema = etree.XMLSchema(etree.parse(str(shared_xsd)))
    assert schema.validate(_root(dumps(sting_graph())))


def test_datanodes_xrefs_groups_and_labels() -> None:
    root = _root(dumps(sting_graph()))
    nodes = {n.get("TextLabel"): n for n in root.findall("g:DataNode", NS)}
    xref = nodes["TBK1"].find("g:Xref", NS)
    assert (nodes["TBK1"].get("Type"), xref.get("Database"), xref.get("ID")) == ("GeneProduct", "Entrez Gene", "29110")
    chem = nodes["2'3'-cGAMP"]
    assert chem.get("Type") == "Metabolite" and chem.find("g:Xref", NS).get("Database") == "ChEBI"
    groups = {g.get("TextLabel"): g for g in root.findall("g:Group", NS)}
    assert groups["IKK"].get("Style") == "Complex" and groups["NF-κB"].get("Style") == "Group"
    ikk_members = [n.get("TextLabel") for n in root.findall("g:DataNode", NS) if n.get("GroupRef") == groups["IKK"].get("GroupId")]
    assert sorted(ikk_members) == ["CHUK", "IKBKB", "IKBKG"]
    labels = {lab.get("TextLabel") for lab in root.findall("g:Label", NS)}
    assert "inflammation" in labels  # no identifier: a Label, not an unidentified DataNode
    line_refs = [p.get("GraphRef") for line in root.findall("g:GraphicalLine", NS) for p in line.findall(".//g:Point", NS)]
    inflammation_id = next(lab.get("GraphId") for lab in root.findall("g:Label", NS) if lab.get("TextLabel") == "inflammation")
    assert inflammation_id in line_refs
    # interactions to the complex attach to the group's GraphId
    targets = [i.findall(".//g:Point", NS)[-1].get("GraphRef") for i in root.findall("g:Interaction", NS)]
    assert groups["IKK"].get("GraphId") in targets


def _assert_no_gpml_overlap(root: etree._Element) -> None:
    boxes = []
    for element in root.findall("g:DataNode", NS) + root.findall("g:Label", NS):
        g = element.find("g:Graphics", NS)
        cx, cy, w, h = (float(g.get(k)) for k in ("CenterX", "CenterY", "Width", "Height"))
        boxes.append((element.get("TextLabel"), cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    for a, b in itertools.combinations(boxes, 2):
        assert a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2], (a, b)


@pytest.mark.parametrize("make", [sting_graph, big_graph])
def test_gpml_boxes_do_not_overlap(make) -> None:
    """Family members (a grid in GPML) get room in the layout too, so PathVisio shows no overlaps."""
    _assert_no_gpml_overlap(_root(dumps(make())))


def test_line_ends_sit_on_their_boxes() -> None:
    """Each line's end Points lie on the box they GraphRef (a group's box: the union of its members)."""
    root = _root(dumps(big_graph()))
    boxes: dict[str, list[float]] = {}
    group_ids = {g.get("GroupId"): g.get("GraphId") for g in root.findall("g:Group", NS)}
    for element in root.findall("g:DataNode", NS) + root.findall("g:Label", NS):
        g = element.find("g:Graphics", NS)
        cx, cy, w, h = (float(g.get(k)) for k in ("CenterX", "CenterY", "Width", "Height"))
        box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
        boxes[element.get("GraphId")] = box
        group = group_ids.get(element.get("GroupRef"))
        if group:
            old = boxes.get(group, box)
            boxes[group] = [min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3])]
    lines = root.findall("g:Interaction", NS) + root.findall("g:GraphicalLine", NS)
    assert lines
    for line in lines:
        for point in (line.findall(".//g:Point", NS)[0], line.findall(".//g:Point", NS)[-1]):
            x0, y0, x1, y1 = boxes[point.get("GraphRef")]
            x, y = float(point.get("X")), float(point.get("Y"))
            slack = 8.0
            assert x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack, (line.get("GraphId"), point.attrib)
            assert -1.0 <= float(point.get("RelX")) <= 1.0 and -1.0 <= float(point.get("RelY")) <= 1.0


def test_description_reference_and_title() -> None:
    graph = sting_graph()
    root = _root(dumps(graph))
    assert root.get("Name") == "cGAS-STING signalling type I interferon demo"  # & < > dropped for WikiPathways
    comment = root.find("g:Comment[@Source='WikiPathways-description']", NS)
    assert len(comment.text.split()) >= 15
    pubs = root.findall(".//{http://www.biopax.org/release/biopax-level3.owl#}PublicationXref")
    assert [p.findtext("{http://www.biopax.org/release/biopax-level3.owl#}ID") for p in pubs] == ["30233674"]
    for interaction in root.findall("g:Interaction", NS):
        assert interaction.find("g:BiopaxRef", NS).text == "pub1"
    graph.graph.update(caption="TP53 binds MDM2.", pmid="", doi="10.1000/xyz", title="p53")
    short = _root(dumps(graph))
    assert len(short.find("g:Comment", NS).text.split()) >= 15
    assert len(short.get("Name")) >= 10
    assert curation_problems(short) == []


def test_conversion_only_between_metabolites() -> None:
    graph = sting_graph()
    graph.add_node("cAMP", label="cAMP", type="chemical", xrefs={"chebi": "CHEBI:17489"}, members=[], mentions=[])
    graph.add_edge("cGAMP", "cAMP", key="produces", relation="produces", hedged=False, evidence=[])
    root = _root(dumps(graph))
    heads = {}
    ids = {n.get("GraphId"): n.get("TextLabel") for n in root.findall("g:DataNode", NS)}
    for interaction in root.findall("g:Interaction", NS):
        points = interaction.findall(".//g:Point", NS)
        heads[(ids.get(points[0].get("GraphRef")), ids.get(points[-1].get("GraphRef")))] = points[-1].get("ArrowHead")
    assert heads[("CGAS", "2'3'-cGAMP")] == "Arrow"
    assert heads[("2'3'-cGAMP", "cAMP")] == "mim-conversion"
    assert curation_problems(root) == []


def test_graph_ids_deterministic_and_bytes_stable() -> None:
    first, second = dumps(big_graph()), dumps(big_graph())
    assert first == second
    ids = re.findall(r'GraphId="([^"]+)"', first)
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)


@pytest.mark.parametrize("make", [sting_graph, big_graph])
def test_own_files_round_trip(make) -> None:
    graph = make()
    again = parse(dumps(graph, layout_graph(graph))).graph
    assert graphjson.dumps(again) == graphjson.dumps(graph)


def _bad(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_checks_catch_each_problem() -> None:
    good = dumps(sting_graph())
    cases = {
        "dataNodesWithoutIdentifier": _bad(good, 'Database="Entrez Gene" ID="29110"', 'Database="" ID=""'),
        "unknownTypes": _bad(good, 'Type="GeneProduct"', 'Type="Unknown"'),
        "OutdatedDataSourcesTests": _bad(good, 'Database="Entrez Gene" ID="29110"', 'Database="Entrez" ID="29110"'),
        "atLeastOneReference": _bad(good, ">PubMed<", ">URL<"),
        "PR.descriptionLength": re.sub(r'(<Comment Source="WikiPathways-description">)[^<]*', r"\1Too short.", good),
        "weirdCharacterTitles": _bad(good, 'Name="cGAS', 'Name="cGAS!?'),
        "noConversions": _bad(good, 'ArrowHead="mim-stimulation"', 'ArrowHead="mim-conversion"'),
        "interactionsWithoutReferences": re.sub(r"(<Interaction [^>]*>\s*(?:<Comment[^>]*>[^<]*</Comment>\s*)*)<BiopaxRef>pub1</BiopaxRef>",
                                                r"\1", good, count=1),
        "IdentifierForm": _bad(good, 'ID="CHEBI:75947"', 'ID="75947"'),
    }
    for name, text in cases.items():
        problems = curation_problems(text)
        assert any(name in p for p in problems), (name, problems)
    # an interaction pointed at a Label, and one with a dangling end
    root = _root(good)
    label_id = next(lab.get("GraphId") for lab in root.findall("g:Label", NS) if lab.get("TextLabel") == "inflammation")
    point = root.find("g:Interaction", NS).findall(".//g:Point", NS)[-1]
    point.set("GraphRef", label_id)
    assert any("interactionsWithLabels" in p for p in curation_problems(root))
    del point.attrib["GraphRef"]
    assert any("interactionsWithUnconnectedPoints" in p for p in curation_problems(root))


def _readme_counts() -> dict[str, tuple[int, int]]:
    """file -> (nodes, interactions) from the table in shared/gpml/README.md."""
    counts = {}
    for line in (SHARED / "gpml" / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and re.fullmatch(r"WP\d+", cells[0]):
            counts[cells[0]] = (int(cells[3]), int(cells[5]))
    return counts


@pytest.mark.skipif(not EXAMPLES.exists(), reason="shared/gpml/examples not present")
def test_all_examples_load_with_the_files_counts() -> None:
    counts = _readme_counts()
    files = sorted(EXAMPLES.glob("*.gpml"))
    assert len(files) == 12 and set(counts) == {f.stem for f in files}
    for path in files:
        result = parse(path.read_bytes(), str(path))
        nodes, interactions = counts[path.stem]
        root = etree.parse(str(path)).getroot()
        assert result.datanodes == nodes == len(root.findall("g:DataNode", NS)), path.stem
        assert result.datanode_nodes + result.merged_nodes + result.folded_nodes == nodes, path.stem
        assert result.interactions == interactions, path.stem
        assert result.interaction_edges + result.merged_edges + len(result.skipped) == interactions, path.stem
        graph = result.graph
        assert graph.number_of_edges() >= result.interaction_edges > 0, path.stem
        assert all(graph.nodes[n]["type"] in NODE_TYPES for n in graph.nodes)
        assert graph.graph["title"] == root.get("Name")
        graphjson.loads(graphjson.dumps(graph))  # a valid graph of our model


@pytest.mark.skipif(not EXAMPLES.exists(), reason="shared/gpml/examples not present")
def test_example_details_map_to_the_model() -> None:
    graph = read_gpml(EXAMPLES / "WP5358.gpml")
    complexes = [n for n in graph.nodes if graph.nodes[n]["type"] == "complex"]
    assert complexes and all(graph.nodes[c]["members"] for c in complexes)
    assert any(x.get("ncbigene") or x.get("ensembl") for x in (graph.nodes[n]["xrefs"] for n in graph.nodes))
    assert graph.graph["pmid"] == "30233674"
    # unnamed groups are named by their members, as curators write them
    assert any("/" in c and set(c.split("/")) == {m["label"] for m in graph.nodes[c]["members"]} for c in complexes)


def test_hostile_xml_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    laughs = ('<?xml version="1.0"?><!DOCTYPE Pathway [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
              f'<!ENTITY x SYSTEM "file://{secret}">]>'
              '<Pathway xmlns="http://pathvisio.org/GPML/2013a" Name="&c;&x;">'
              '<DataNode TextLabel="&c;&x;" GraphId="a1" Type="GeneProduct"><Graphics CenterX="1" CenterY="1" '
              'Width="1" Height="1"/><Xref Database="" ID=""/></DataNode><InfoBox CenterX="0" CenterY="0"/></Pathway>')
    try:
        graph = parse(laughs).graph
    except GraphFormatError:
        return
    text = graphjson.dumps(graph)
    assert "TOP-SECRET" not in text and "aaaaaaaaaa" * 10 not in text


def test_not_gpml_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match="not a GPML 2013a"):
        parse('<Pathway xmlns="http://pathvisio.org/GPML/2021" title="x"/>')
    with pytest.raises(GraphFormatError, match="not well-formed"):
        parse("<Pathway")
    with pytest.raises(GraphFormatError, match="cannot read"):
        read_gpml(tmp_path / "missing.gpml")


GOLD = SHARED / "corpus" / "gold"
FIGURES = SHARED / "corpus" / "figures"


@pytest.mark.skipif(not GOLD.exists(), reason="shared corpus not present")
def test_every_curated_corpus_graph_exports_cleanly() -> None:
    """All 90 curated graphs (with their record's metadata) give valid, curation-clean GPML and an SVG."""
    from pathwaygen.readers.curated import read_curated
    from pathwaygen.record import load_record
    from pathwaygen.writers.svg import dumps as svg_dumps

    files = sorted(GOLD.glob("*.yaml"))
    assert files
    for path in files:
        graph = read_curated(path)
        record = FIGURES / f"{path.stem}.md"
        if record.exists():
            figure = load_record(record)
            graph.graph.update(title=figure.title, caption=figure.caption, doi=figure.doi, pmid=figure.pmid,
                               pmcid=figure.pmcid, organisms=list(figure.organisms))
        layout = layout_graph(graph)
        text = dumps(graph, layout)
        assert schema_errors(text) == [], path.name
        problems = curation_problems(text)
        if not (graph.graph.get("doi") or graph.graph.get("pmid")):
            problems = [p for p in problems if "atLeastOneReference" not in p]
        assert problems == [], (path.name, problems)
        assert svg_dumps(graph, layout).startswith("<?xml")


def test_every_seed_renders_valid_gpml_and_svg() -> None:
    pytest.importorskip("pathwaygen.pipeline")
    from pathwaygen.pipeline import figure_to_graph
    from pathwaygen.record import load_record
    from pathwaygen.writers.svg import dumps as svg_dumps

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.md"))
    assert seeds
    for path in seeds:
        figure = load_record(path)
        graph = figure_to_graph(figure)
        layout = layout_graph(graph)
        text = dumps(graph, layout)
        assert schema_errors(text) == [], path.name
        problems = curation_problems(text)
        if not (figure.pmid or figure.doi):
            # WikiPathways counts PubMed, DOI and ISBN only; a record with just a PMCID (or no
            # paper) cannot cite one offline, and that is all the checks may report
            problems = [p for p in problems if "atLeastOneReference" not in p
                        and ("interactionsWithoutReferences" not in p or figure.pmcid != "")]
        assert problems == [], (path.name, problems)
        _assert_no_gpml_overlap(_root(text))
        assert graphjson.dumps(parse(text).graph) == graphjson.dumps(graph), path.name
        etree.fromstring(svg_dumps(graph, layout).encode("utf-8"))
