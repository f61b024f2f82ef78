"""Tests of the interchange writers (CX2, SBGN-ML, Cytoscape.js, SIF, INDRA, GraphML).

Each writer is loaded back with the real library of its format where one exists (ndex2,
libsbgnpy, indra, networkx) and compared with golden files written from a fixed hand-made
graph and a fixed hand-made Layout (no Graphviz, so the bytes are fully determined here).
Set PATHWAYGEN_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from pathwaygen import graphjson
from pathwaygen.cli import cli
from pathwaygen.model import RELATIONS, Box, EdgeRoute, Layout
from pathwaygen.relations import style
from pathwaygen.writers import FORMATS, format_for_path, get_writer

GOLDEN = Path(__file__).parent / "golden" / "formats"
NEW_FORMATS = ("cx2", "sbgn", "cyjs", "sif", "indra", "graphml")
UPDATE = os.environ.get("PATHWAYGEN_UPDATE_GOLDEN") == "1"


def _node(node_id, ntype, label=None, xrefs=None, members=None, mention=None):
    """One node of the graph JSON form."""
    return {"id": node_id, "label": label or node_id, "type": ntype, "xrefs": xrefs or {},
            "members": members or [], "mentions": [mention] if mention else []}


def _edge(source, relation, target, text="", rule="", start=0, hedged=False):
    """One edge of the graph JSON form with one evidence record (none when text is empty)."""
    evidence = [{"text": text, "start": start, "end": start + len(text), "rule": rule}] if text else []
    return {"source": source, "target": target, "relation": relation, "hedged": hedged, "evidence": evidence}


def demo_graph():
    """A hand-made graph that uses every relation and every node type at least once."""
    s1 = "cGAS produces cGAMP, which binds STING."
    s2 = "STING activates TBK1, which phosphorylates IRF3 & IRF3 translocates to the nucleus."
    s3 = "IRF3 induces IFNB1 mRNA; PP2A dephosphorylates IRF3; SOCS1 represses IFNB1 and may degrade JAK1."
    s4 = "The JAK1:TYK2 complex inhibits apoptosis; the JAK2 inhibitor inhibits JAK2 and NF-κB binds IRF3."
    data = {
        "figid": "handmade__formats", "title": "Hand-made <formats> test", "caption": " ".join((s1, s2, s3, s4)),
        "organisms": ["Homo sapiens"], "pmcid": "PMC0000001", "pmid": "12345",
        "nodes": [
            _node("CGAS", "gene", "cGAS", {"hgnc": "21367", "hgnc.symbol": "CGAS", "uniprot": "Q8N884"},
                  mention={"text": "cGAS", "start": 0, "end": 4}),
            _node("cGAMP", "chemical", "2'3'-cGAMP", {"chebi": "CHEBI:75947"}, mention={"text": "cGAMP", "start": 14, "end": 19}),
            _node("STING1", "gene", "STING", {"hgnc": "27962"}, mention={"text": "STING", "start": 33, "end": 38}),
            _node("TBK1", "gene", xrefs={"hgnc": "11584", "ncbigene": "29110"}),
            _node("IRF3", "gene", xrefs={"hgnc": "6118"}),
            _node("nucleus", "group", xrefs={"go": "GO:0005634"}),
            _node("IFNB1 mRNA", "rna", xrefs={"hgnc": "5434"}),
            _node("PP2A", "family", xrefs={"fplx": "PP2A"}, members=[
                {"id": "PPP2CA", "label": "PPP2CA", "type": "gene", "xrefs": {"hgnc": "9299"}},
                {"id": "PPP2CB", "label": "PPP2CB", "type": "gene", "xrefs": {"hgnc": "9300"}}]),
            _node("SOCS1", "gene", xrefs={"hgnc": "19383"}),
            _node("JAK1", "gene", xrefs={"hgnc": "6190"}),
            _node("JAK1_TYK2", "complex", "JAK1:TYK2", members=[
                {"id": "JAK1", "label": "JAK1", "type": "gene", "xrefs": {"hgnc": "6190"}},
                {"id": "TYK2", "label": "TYK2", "type": "gene", "xrefs": {"hgnc": "12440"}}]),
            _node("apoptosis", "process", xrefs={"go": "GO:0006915"}),
            _node("JAK2 inhibitor", "chemical"),
            _node("JAK2", "gene", xrefs={"hgnc": "6192"}),
            _node("NFkappaB", "family", "NF-κB", {"fplx": "NFkappaB"}, mention={"text": "NF-κB", "start": 250, "end": 255}),
            _node("JAK2 V617F", "mutation", xrefs={"hgnc": "6192"}),
            _node("inflammation", "process"),
            _node("lonely", "gene"),
        ],
        "edges": [
            _edge("CGAS", "produces", "cGAMP", s1, "prod.verb", 0),
            _edge("cGAMP", "binds", "STING1", s1, "bind.which", 0),
            _edge("STING1", "activates", "TBK1", s2, "act.verb", 40),
            _edge("TBK1", "phosphorylates", "IRF3", s2, "phos.which", 40),
            _edge("IRF3", "translocates", "nucleus", s2, "transloc.to", 40),
            _edge("IRF3", "expresses", "IFNB1 mRNA", s3, "expr.induce", 125),
            _edge("PP2A", "dephosphorylates", "IRF3", s3, "dephos.verb", 125),
            _edge("SOCS1", "represses", "IFNB1 mRNA", s3, "repr.verb", 125),
            _edge("SOCS1", "degrades", "JAK1", s3, "degr.may", 125, hedged=True),
            _edge("JAK1_TYK2", "inhibits", "apoptosis", s4, "inh.verb", 225),
            _edge("JAK2 inhibitor", "inhibits", "JAK2", s4, "inh.inhibitor", 225),
            _edge("NFkappaB", "binds", "IRF3", s4, "bind.verb", 225),
            _edge("apoptosis", "activates", "JAK2 V617F"),  # a process as a source, no evidence
            _edge("NFkappaB", "activates", "inflammation", s4, "act.verb", 225),
        ],
    }
    return graphjson.from_dict(data, "handmade")


def demo_layout(graph):
    """A fixed Layout: a 4-column grid of 80x30 boxes, member boxes inside the complex, Bezier routes."""
    nodes = {}
    for i, node in enumerate(sorted(graph.nodes)):
        col, row = i % 4, i // 4
        nodes[node] = Box(20 + col * 120.5, 20 + row * 70, 80, 30)
    complex_box = nodes["JAK1_TYK2"] = Box(nodes["JAK1_TYK2"].x, nodes["JAK1_TYK2"].y, 100, 40)
    members = {
        ("JAK1_TYK2", "JAK1"): Box(complex_box.x + 4, complex_box.y + 4, 44, 32),
        ("JAK1_TYK2", "TYK2"): Box(complex_box.x + 52, complex_box.y + 4, 44, 32),
    }
    edges = []
    for source, target, key in sorted(graph.edges(keys=True)):
        if key in ("binds", "translocates"):
            continue  # some edges without a route: writers fall back to box borders
        a, b = nodes[source], nodes[target]
        start, end, mid = (a.cx, a.y + a.height), (b.cx, b.y), ((a.cx + b.cx) / 2, (a.cy + b.cy) / 2 + 0.333)
        if source < target:  # two cubic Bezier segments through `mid`, as Graphviz gives them
            points = (start, start, mid, mid, mid, end, end)
        else:  # one segment
            points = (start, (start[0], mid[1]), (end[0], mid[1]), end)
        edges.append(EdgeRoute(source, target, key, points))
    return Layout(width=520, height=400, nodes=nodes, members=members, edges=tuple(edges))


@pytest.fixture(scope="module")
def graph():
    return demo_graph()


@pytest.fixture(scope="module")
def layout(graph):
    return demo_layout(graph)


@pytest.fixture(scope="module")
def outputs(graph, layout):
    return {name: get_writer(name)(graph, layout) for name in NEW_FORMATS}


# --- registry and command -------------------------------------------------------------

def test_registry_names_every_new_format_with_its_extension():
    expected = {"cx2": ".cx2", "sbgn": ".sbgn", "cyjs": ".cyjs", "sif": ".sif", "indra": ".indra.json", "graphml": ".graphml"}
    for name, ext in expected.items():
        assert FORMATS[name].extension == ext
        assert callable(get_writer(name))
        assert format_for_path(f"out/fig{ext.upper()}").name == name
    assert format_for_path("x.indra.json").name == "indra"  # longest extension wins over .json
    assert format_for_path("x.json").name == "json"


def test_formats_command_lists_one_line_per_format():
    result = CliRunner().invoke(cli, ["formats"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(FORMATS)
    for line, fmt in zip(lines, FORMATS.values()):
        assert line.split()[:2] == [fmt.name, fmt.extension]
        assert fmt.description in line


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_same_input_gives_same_bytes(name, graph, layout, outputs):
    again = get_writer(name)(demo_graph(), demo_layout(demo_graph()))
    assert again == outputs[name]
    assert again.endswith("\n")


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_golden(name, outputs):
    path = GOLDEN / f"handmade{FORMATS[name].extension}"
    if UPDATE:
        path.write_text(outputs[name], encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with PATHWAYGEN_UPDATE_GOLDEN=1"
    assert outputs[name] == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_empty_graph_writes_a_valid_file(name):
    text = get_writer(name)(graphjson.new_graph(figid="empty"), Layout(width=10, height=10))
    assert isinstance(text, str)
    if name in ("cx2", "cyjs", "indra"):
        json.loads(text)


# --- CX2: loads into ndex2's CX2 model, which writes back the very same aspects ----------

def test_cx2_round_trips_through_ndex2(graph, outputs):
    cx2 = pytest.importorskip("ndex2.cx2")
    data = json.loads(outputs["cx2"])
    network = cx2.CX2Network()
    network.create_from_raw_cx2(data)
    assert len(network.get_nodes()) == graph.number_of_nodes()
    assert len(network.get_edges()) == graph.number_of_edges()
    attrs = network.get_network_attributes()
    assert attrs["name"] == graph.graph["title"]
    assert attrs["description"] == graph.graph["caption"]
    assert "handmade__formats" in attrs["source"]
    # ndex2 writes the loaded network back as exactly the same document, aspect for aspect.
    assert network.to_cx2() == data


def test_cx2_nodes_and_edges_carry_layout_groundings_and_evidence(graph, layout, outputs):
    data = {key: value for aspect in json.loads(outputs["cx2"]) for key, value in aspect.items()}
    by_id = {n["v"]["pathwaygen_id"]: n for n in data["nodes"]}
    assert set(by_id) == set(graph.nodes)
    tbk1 = by_id["TBK1"]
    assert (tbk1["x"], tbk1["y"]) == (layout.nodes["TBK1"].cx, layout.nodes["TBK1"].cy)
    assert tbk1["v"]["represents"] == "hgnc:11584" and "ncbigene:29110" in tbk1["v"]["alias"]
    assert by_id["cGAMP"]["v"]["represents"] == "CHEBI:75947"
    assert by_id["JAK1_TYK2"]["v"]["members"] == ["JAK1", "TYK2"]
    names = {n["id"]: n["v"]["pathwaygen_id"] for n in data["nodes"]}
    edges = {(names[e["s"]], e["v"]["interaction"], names[e["t"]]): e["v"] for e in data["edges"]}
    assert edges[("TBK1", "phosphorylates", "IRF3")]["rule"] == ["phos.which"]
    assert "phosphorylates IRF3" in edges[("TBK1", "phosphorylates", "IRF3")]["evidence"][0]
    assert edges[("SOCS1", "degrades", "JAK1")]["hedged"] is True
    assert edges[("cGAMP", "binds", "STING1")]["directed"] is False
    mapping = data["visualProperties"][0]["edgeMapping"]
    table = {prop: {m["v"]: m["vp"] for m in mapping[prop]["definition"]["map"]} for prop in mapping}
    assert table["EDGE_TARGET_ARROW_SHAPE"] == {r: style(r).cy_arrow for r in RELATIONS}
    assert table["EDGE_LINE_COLOR"] == {r: style(r).svg_color for r in RELATIONS}
    by_edge_id = {e["id"]: (names[e["s"]], e["v"]["interaction"], names[e["t"]]) for e in data["edges"]}
    assert [by_edge_id[b["id"]] for b in data["edgeBypasses"]] == [("SOCS1", "degrades", "JAK1")]
    assert data["edgeBypasses"][0]["v"] == {"EDGE_LINE_STYLE": "dashed"}


# --- SBGN-ML Activity Flow: valid for libsbgnpy's schema, specification and schematron ---

def test_sbgn_is_valid_activity_flow(tmp_path, outputs):
    libsbgnpy = pytest.importorskip("libsbgnpy")
    path = tmp_path / "map.sbgn"
    path.write_text(outputs["sbgn"], encoding="utf-8")
    assert libsbgnpy.validate(path) == []
    assert libsbgnpy.validate_schematron(path) == []


def test_sbgn_reads_back_with_glyphs_units_arcs_and_bboxes(tmp_path, graph, layout, outputs):
    libsbgnpy = pytest.importorskip("libsbgnpy")
    sbgn = libsbgnpy.read_sbgn_from_string(outputs["sbgn"])
    (sbgn_map,) = sbgn.map
    assert sbgn_map.language == libsbgnpy.MapLanguage.ACTIVITY_FLOW
    glyphs = {g.label.text: g for g in sbgn_map.glyph}
    assert len(glyphs) == graph.number_of_nodes()
    units = {label: [u.entity.name.value for u in g.glyph] for label, g in glyphs.items()}
    assert units["cGAS"] == ["macromolecule"]
    assert units["2'3'-cGAMP"] == ["simple chemical"]
    assert units["JAK1:TYK2"] == ["complex"]
    assert units["IFNB1 mRNA"] == ["nucleic acid feature"]
    assert glyphs["inflammation"].class_value == libsbgnpy.GlyphClass.PHENOTYPE and units["inflammation"] == []
    # A process that influences something must be an activity in Activity Flow.
    assert glyphs["apoptosis"].class_value == libsbgnpy.GlyphClass.BIOLOGICAL_ACTIVITY
    box = layout.nodes["TBK1"]
    bbox = glyphs["TBK1"].bbox
    assert (bbox.x, bbox.y, bbox.w, bbox.h) == (box.x, box.y, box.width, box.height)
    ids = {g.id: label for label, g in glyphs.items()}
    arcs = {(ids[a.source], ids[a.target]): a.class_value.value for a in sbgn_map.arc}
    assert len(arcs) == graph.number_of_edges()
    for source, target, relation in graph.edges(keys=True):
        label = lambda n: graph.nodes[n]["label"]  # noqa: E731
        assert arcs[(label(source), label(target))] == style(relation).sbgn_arc
    # Arcs pass through the on-curve points of the layout's Bezier routes.
    routes = {(r.source, r.target): r.points for r in layout.edges}
    by_ends = {(a.source, a.target): a for a in sbgn_map.arc}
    two = by_ends[("g_CGAS", "g_cGAMP")]  # 7 control points: start, one on-curve middle point, end
    drawn = [(two.start.x, two.start.y), *[(n.x, n.y) for n in two.next], (two.end.x, two.end.y)]
    expected = [routes[("CGAS", "cGAMP")][i] for i in (0, 3, 6)]
    assert len(drawn) == 3
    assert all(d == pytest.approx(e, abs=0.005) for d, e in zip(drawn, expected))  # rounded to 2 decimals
    one = by_ends[("g_TBK1", "g_IRF3")]  # 4 control points: no middle point
    assert one.next == [] and (one.end.x, one.end.y) == routes[("TBK1", "IRF3")][3]


def test_sbgn_annotates_groundings_and_evidence(outputs):
    from lxml import etree

    root = etree.fromstring(outputs["sbgn"].encode("utf-8"))
    ns = {"s": "http://sbgn.org/libsbgn/0.3", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "bqbiol": "http://biomodels.net/biology-qualifiers/", "h": "http://www.w3.org/1999/xhtml"}
    uris = root.xpath("//s:glyph[@id='g_cGAMP']//bqbiol:is//rdf:li/@rdf:resource", namespaces=ns)
    assert uris == ["https://identifiers.org/CHEBI:75947"]
    parts = root.xpath("//s:glyph[@id='g_JAK1_TYK2']//bqbiol:hasPart//rdf:li/@rdf:resource", namespaces=ns)
    assert parts == ["https://identifiers.org/hgnc:6190", "https://identifiers.org/hgnc:12440"]
    notes = root.xpath("//s:arc[@source='g_TBK1']/s:notes//h:p/text()", namespaces=ns)
    assert notes[0] == "phosphorylates" and notes[1].startswith("[phos.which] STING activates TBK1")


# --- Cytoscape.js: positions, compound complexes; loads with networkx ---------------------

def test_cyjs_positions_compounds_and_networkx_load(graph, layout, outputs):
    data = json.loads(outputs["cyjs"])
    nodes = {n["data"]["id"]: n for n in data["elements"]["nodes"]}
    assert nodes["TBK1"]["position"] == {"x": layout.nodes["TBK1"].cx, "y": layout.nodes["TBK1"].cy}
    child = nodes["JAK1_TYK2/TYK2"]
    assert child["data"]["parent"] == "JAK1_TYK2"
    assert child["position"]["x"] == layout.members[("JAK1_TYK2", "TYK2")].cx
    assert "parent" not in nodes["JAK1"]["data"]  # the free-standing JAK1 node is not the subunit
    for edge in data["elements"]["edges"]:
        assert edge["data"]["source"] in nodes and edge["data"]["target"] in nodes
        assert edge["data"]["arrow"] == style(edge["data"]["interaction"]).cy_arrow
        assert edge["data"]["color"] == style(edge["data"]["interaction"]).svg_color
        assert (edge["data"]["line"] == "dashed") == edge["data"]["hedged"]
    loaded = nx.cytoscape_graph(data)
    assert set(graph.nodes) <= set(loaded.nodes)
    assert set(graph.edges(keys=True)) == set(loaded.edges(keys=True))
    assert loaded.nodes["cGAMP"]["represents"] == "CHEBI:75947"


#: Where .ci/setup installs cytoscape.js (npm) for the headless load test below.
CYTOSCAPE_JS = Path(os.environ.get("PATHWAYGEN_NODE_PREFIX", Path.home() / ".cache" / "pathwaygen" / "node"))

_CYTOSCAPE_LOAD = """
const cytoscape = require(process.argv[1] + '/node_modules/cytoscape');
const doc = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({headless: true, elements: doc.elements, layout: {name: 'preset'}});
const out = {nodes: {}, edges: []};
cy.nodes().forEach(n => { out.nodes[n.id()] = {
  parent: n.isChild() ? n.parent().id() : null, x: n.position('x'), y: n.position('y'), name: n.data('name')}; });
cy.edges().forEach(e => { out.edges.push([e.source().id(), e.data('interaction'), e.target().id()]); });
console.log(JSON.stringify(out));
"""


def test_cyjs_loads_in_cytoscape_js(graph, layout, outputs, tmp_path):
    node = shutil.which("node")
    if node is None or not (CYTOSCAPE_JS / "node_modules" / "cytoscape").is_dir():
        pytest.skip("node or cytoscape.js is not installed (.ci/setup installs them)")
    path = tmp_path / "g.cyjs"
    path.write_text(outputs["cyjs"], encoding="utf-8")
    run = subprocess.run([node, "-e", _CYTOSCAPE_LOAD, str(CYTOSCAPE_JS), str(path)],
                         capture_output=True, text=True, timeout=60, check=True)
    loaded = json.loads(run.stdout)
    assert set(graph.nodes) <= set(loaded["nodes"])
    tbk1 = loaded["nodes"]["TBK1"]
    assert (tbk1["x"], tbk1["y"]) == (layout.nodes["TBK1"].cx, layout.nodes["TBK1"].cy)
    assert tbk1["name"] == "TBK1"
    assert loaded["nodes"]["JAK1_TYK2/TYK2"]["parent"] == "JAK1_TYK2"
    assert loaded["nodes"]["JAK1"]["parent"] is None
    assert sorted(map(tuple, loaded["edges"])) == sorted((s, k, t) for s, t, k in graph.edges(keys=True))


# --- SIF ------------------------------------------------------------------------------------

def test_sif_lines_use_the_relation_table(graph, outputs):
    lines = outputs["sif"].splitlines()
    triples = [line.split("\t") for line in lines if "\t" in line]
    assert all(len(t) == 3 for t in triples)
    for source, target, relation in graph.edges(keys=True):
        name = style(relation).sif
        assert [source, name, target] in triples or (name == "in-complex-with" and [target, name, source] in triples)
    assert "lonely" in lines  # a node without edges still appears
    assert lines == sorted(lines[: len(triples)]) + lines[len(triples):]


# --- INDRA -----------------------------------------------------------------------------------

def test_indra_statements_have_types_db_refs_and_evidence(graph, outputs):
    stmts = json.loads(outputs["indra"])
    assert len(stmts) == graph.number_of_edges()
    by_type = {}
    for stmt in stmts:
        by_type.setdefault(stmt["type"], []).append(stmt)
    assert set(by_type) == {style(r).indra for r in RELATIONS}
    (phos,) = by_type["Phosphorylation"]
    assert phos["enz"]["name"] == "TBK1" and phos["enz"]["db_refs"]["HGNC"] == "11584"
    assert phos["sub"]["db_refs"] == {"HGNC": "6118", "TEXT": "IRF3"}
    evidence = phos["evidence"][0]
    assert evidence["source_api"] == "pathwaygen" and evidence["annotations"]["rule"] == "phos.which"
    assert "phosphorylates IRF3" in evidence["text"]
    (conv,) = by_type["Conversion"]
    assert conv["obj_to"][0]["db_refs"]["CHEBI"] == "CHEBI:75947"
    (trans,) = by_type["Translocation"]
    assert trans["to_location"] == "nucleus"
    nfkb = [s for s in by_type["Complex"] if any(m["name"] == "NFkappaB" for m in s["members"])][0]
    assert [m for m in nfkb["members"] if m["name"] == "NFkappaB"][0]["db_refs"] == {"FPLX": "NFkappaB", "TEXT": "NF-κB"}
    hedged = [s for s in by_type["DecreaseAmount"] if s["obj"]["name"] == "JAK1"][0]
    assert hedged["evidence"][0]["epistemics"]["hypothesis"] is True
    assert len({s["id"] for s in stmts}) == len(stmts)


def test_indra_loads_with_stmts_from_json(outputs):
    statements = pytest.importorskip("indra.statements")
    data = json.loads(outputs["indra"])
    stmts = statements.stmts_from_json(data)
    assert len(stmts) == len(data)
    for stmt, raw in zip(stmts, data):
        assert type(stmt).__name__ == raw["type"]
        assert stmt.uuid == raw["id"]
        assert stmt.evidence[0].source_api == "pathwaygen"
        back = stmt.to_json()
        for key in raw:
            if key == "evidence":
                assert [{k: v for k, v in ev.items() if k != "source_hash"} for ev in back[key]] == raw[key]
            else:
                assert back[key] == raw[key], key
    complex_agent = [s for s in stmts if type(s).__name__ == "Inhibition" and s.subj.name == "JAK1"][0].subj
    assert [bc.agent.name for bc in complex_agent.bound_conditions] == ["TYK2"]


# --- GraphML -----------------------------------------------------------------------------------

def test_graphml_reads_back_with_networkx(graph, layout, outputs, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(outputs["graphml"], encoding="utf-8")
    loaded = nx.read_graphml(path, force_multigraph=True)
    assert set(loaded.nodes) == set(graph.nodes)
    assert {(s, t, k) for s, t, k in loaded.edges(keys=True)} == set(graph.edges(keys=True))
    for node, data in loaded.nodes(data=True):
        assert all(isinstance(v, (str, float, bool)) for v in data.values())
        assert data["x"] == layout.nodes[node].cx
        assert json.loads(data["members_json"]) == graph.nodes[node]["members"]
    assert loaded.nodes["cGAMP"]["xrefs"] == "CHEBI:75947"
    edge = loaded.edges["TBK1", "IRF3", "phosphorylates"]
    assert edge["interaction"] == "phosphorylates" and edge["rule"] == "phos.which"
    assert json.loads(edge["evidence_json"]) == graph.edges["TBK1", "IRF3", "phosphorylates"]["evidence"]
    assert loaded.graph["description"] == graph.graph["caption"]


# --- end to end: `render -o FILE.ext` and `build --formats` pick the writers from the registry ---

@pytest.mark.parametrize("name", NEW_FORMATS)
def test_render_picks_the_writer_from_the_extension(name, graph, tmp_path):
    from pathwaygen.layout import layout_graph

    source = tmp_path / "graph.json"
    source.write_text(graphjson.dumps(graph), encoding="utf-8")
    target = tmp_path / f"out{FORMATS[name].extension}"
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    reread = graphjson.loads(source.read_text(encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == get_writer(name)(reread, layout_graph(reread))


def test_build_writes_every_new_format(tmp_path):
    seed = Path(__file__).resolve().parents[1] / "seeds" / "pathwaygen__demo1.md"
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(seed), "-o", str(out), "--formats", ",".join(NEW_FORMATS),
                                      "--no-gallery", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    for name in NEW_FORMATS:
        assert (out / f"pathwaygen__demo1{FORMATS[name].extension}").stat().st_size > 0
