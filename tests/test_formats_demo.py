"""Every interchange format on the bundled seed `seeds/pathwaygen__demo1.md`.

Golden files: the seed's graph and layout are frozen under tests/golden/formats/
(`demo1.graph.json`, `demo1.layout.json`), so the golden outputs `demo1.<ext>` change only
when a writer or the relation table changes, not when the parser or the layout is tuned.
`PATHWAYGEN_REFREEZE=1` re-makes the frozen inputs from the live pipeline and layout;
`PATHWAYGEN_UPDATE_GOLDEN=1` rewrites the golden outputs.

Live: the current pipeline and Graphviz layout on the seed give files that each format's own
library loads, with every node and edge of the graph.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pathwaygen import graphjson
from pathwaygen.model import Box, EdgeRoute, Layout
from pathwaygen.writers import FORMATS, get_writer

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "pathwaygen__demo1.md"
GOLDEN = Path(__file__).parent / "golden" / "formats"
FROZEN_GRAPH = GOLDEN / "demo1.graph.json"
FROZEN_LAYOUT = GOLDEN / "demo1.layout.json"
NEW_FORMATS = ("cx2", "sbgn", "cyjs", "sif", "indra", "graphml")


def layout_to_json(layout: Layout) -> str:
    """Serialise a Layout (boxes, member boxes, routes) to stable JSON text."""
    data = {
        "width": layout.width,
        "height": layout.height,
        "nodes": {n: [b.x, b.y, b.width, b.height] for n, b in sorted(layout.nodes.items())},
        "members": [[c, m, b.x, b.y, b.width, b.height] for (c, m), b in sorted(layout.members.items())],
        "edges": [[r.source, r.target, r.key, [list(p) for p in r.points]] for r in layout.edges],
    }
    return json.dumps(data, indent=1) + "\n"


def layout_from_json(text: str) -> Layout:
    """Read a Layout back from `layout_to_json` text."""
    data = json.loads(text)
    return Layout(
        width=data["width"],
        height=data["height"],
        nodes={n: Box(*v) for n, v in data["nodes"].items()},
        members={(c, m): Box(x, y, w, h) for c, m, x, y, w, h in data["members"]},
        edges=tuple(EdgeRoute(s, t, k, tuple(tuple(p) for p in pts)) for s, t, k, pts in data["edges"]),
    )


def live_graph_and_layout():
    """Run the real pipeline and layout on the seed."""
    from pathwaygen.layout import layout_graph
    from pathwaygen.pipeline import figure_to_graph
    from pathwaygen.record import load_record

    graph = figure_to_graph(load_record(str(SEED)))
    return graph, layout_graph(graph)


@pytest.fixture(scope="module")
def frozen():
    if os.environ.get("PATHWAYGEN_REFREEZE") == "1":
        graph, layout = live_graph_and_layout()
        FROZEN_GRAPH.write_text(graphjson.dumps(graph), encoding="utf-8")
        FROZEN_LAYOUT.write_text(layout_to_json(layout), encoding="utf-8")
    graph = graphjson.loads(FROZEN_GRAPH.read_text(encoding="utf-8"), str(FROZEN_GRAPH))
    return graph, layout_from_json(FROZEN_LAYOUT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def live():
    return live_graph_and_layout()


def test_layout_json_round_trips(frozen):
    _graph, layout = frozen
    assert layout_from_json(layout_to_json(layout)) == layout


def test_frozen_input_is_the_seed(frozen):
    graph, layout = frozen
    assert graph.graph["figid"] == "pathwaygen__demo1"
    assert set(layout.nodes) == set(graph.nodes)
    assert graph.number_of_edges() > 0


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_demo1_golden(name, frozen):
    graph, layout = frozen
    text = get_writer(name)(graph, layout)
    path = GOLDEN / f"demo1{FORMATS[name].extension}"
    if os.environ.get("PATHWAYGEN_UPDATE_GOLDEN") == "1" or os.environ.get("PATHWAYGEN_REFREEZE") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_live_seed_opens_in_every_format_library(live, tmp_path):
    graph, layout = live
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    texts = {name: get_writer(name)(graph, layout) for name in NEW_FORMATS}
    # Writers that need coordinates compute the same layout themselves when given none.
    assert get_writer("cx2")(graph, None) == texts["cx2"]

    cx2 = pytest.importorskip("ndex2.cx2")
    network = cx2.CX2Network()
    network.create_from_raw_cx2(json.loads(texts["cx2"]))
    assert (len(network.get_nodes()), len(network.get_edges())) == (nodes, edges)

    libsbgnpy = pytest.importorskip("libsbgnpy")
    sbgn_path = tmp_path / "demo1.sbgn"
    sbgn_path.write_text(texts["sbgn"], encoding="utf-8")
    assert libsbgnpy.validate(sbgn_path) == [] and libsbgnpy.validate_schematron(sbgn_path) == []
    (sbgn_map,) = libsbgnpy.read_sbgn_from_file(sbgn_path).map
    assert (len(sbgn_map.glyph), len(sbgn_map.arc)) == (nodes, edges)

    import networkx as nx

    cyjs = nx.cytoscape_graph(json.loads(texts["cyjs"]))
    assert set(graph.edges(keys=True)) == set(cyjs.edges(keys=True))
    graphml_path = tmp_path / "demo1.graphml"
    graphml_path.write_text(texts["graphml"], encoding="utf-8")
    assert set(nx.read_graphml(graphml_path, force_multigraph=True).edges(keys=True)) == set(graph.edges(keys=True))
    assert len([line for line in texts["sif"].splitlines() if "\t" in line]) <= edges

    statements = pytest.importorskip("indra.statements")
    assert len(statements.stmts_from_json(json.loads(texts["indra"]))) == edges


def test_names_are_what_the_diagrams_draw(frozen):
    from pathwaygen.layout import node_label

    graph, layout = frozen
    drawn = {node: node_label(graph, node) for node in graph.nodes}
    cx2 = {k: v for a in json.loads(get_writer("cx2")(graph, layout)) for k, v in a.items()}
    assert {n["v"]["pathwaygen_id"]: n["v"]["name"] for n in cx2["nodes"]} == drawn
    cyjs = json.loads(get_writer("cyjs")(graph, layout))
    assert {n["data"]["id"]: n["data"]["name"] for n in cyjs["elements"]["nodes"] if n["data"]["id"] in drawn} == drawn
    sbgn = get_writer("sbgn")(graph, layout)
    assert all(f'<label text="{label}"/>' in sbgn for label in drawn.values() if label.isalnum())
    # a chemical keyed in lowercase is shown as the caption spells it
    assert any(key != label and key == key.lower() and label.lower().startswith(key[:3]) for key, label in drawn.items())
