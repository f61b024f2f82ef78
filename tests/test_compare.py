"""`compare`: reading either side from any format, the same numbers as `evaluate`, and the diff SVG."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from pathwaygen.cli import cli
from pathwaygen.compare import EDGE_STATUSES, NODE_STATUSES, compare_files, diff_graph, diff_svg, read_graph
from pathwaygen.errors import GraphFormatError
from pathwaygen.evaluate import compare_graphs, score
from pathwaygen.graphjson import dumps
from pathwaygen.model import Box, Layout
from pathwaygen.readers.curated import loads

SVG = "{http://www.w3.org/2000/svg}"

CURATED_YAML = (
    "figid: FIG1\n"
    "nodes:\n"
    "  STING1: {type: gene, text: [STING]}\n"
    "  TBK1: {type: gene}\n"
    "  IRF3: {type: gene}\n"
    "  EGFR: {type: gene}\n"
    "  type I interferon: {type: group, text: [type I IFNs]}\n"
    "edges:\n"
    "  - [STING1, activates, TBK1]\n"
    "  - [TBK1, phosphorylates, IRF3]\n"
    "  - [IRF3, expresses, type I interferon]\n"
    "  - [STING1, binds, EGFR]\n"
)


def generated_graph() -> nx.MultiDiGraph:
    """The curated graph with one node lost, one relation changed, one node and edge added (and
    a label that needs escaping)."""
    graph = loads(CURATED_YAML)
    graph.remove_node("EGFR")
    graph.remove_edge("TBK1", "IRF3", "phosphorylates")
    graph.add_edge("TBK1", "IRF3", key="activates", relation="activates", hedged=False, evidence=[])
    graph.add_node("A<&>B", label="A<&>B \"q\"", type="gene", xrefs={}, members=[], mentions=[])
    graph.add_edge("A<&>B", "STING1", key="inhibits", relation="inhibits", hedged=False, evidence=[])
    for node in graph.nodes:
        graph.nodes[node].pop("aliases", None)  # a generated graph has no curated text forms
    graph.nodes["type I interferon"]["mentions"] = [{"text": "type I IFNs", "start": 0, "end": 11}]
    return graph


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    curated = tmp_path / "curated.yaml"
    curated.write_text(CURATED_YAML, encoding="utf-8")
    generated = tmp_path / "generated.json"
    generated.write_text(dumps(generated_graph()), encoding="utf-8")
    return curated, generated


def test_read_graph_dispatches_on_suffix(files: tuple[Path, Path], tmp_path: Path) -> None:
    curated, generated = files
    assert sorted(read_graph(curated).nodes) == sorted(loads(CURATED_YAML).nodes)
    assert "A<&>B" in read_graph(generated)
    other = tmp_path / "graph.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="graph.txt: unknown graph file type"):
        read_graph(other)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="bad.json: invalid JSON"):
        read_graph(bad)


def test_compare_gives_the_numbers_evaluate_gives(files: tuple[Path, Path]) -> None:
    curated, generated = files
    cur_graph, gen_graph, fig = compare_files(curated, generated)
    corpus = score([loads(CURATED_YAML)], [generated_graph()])
    assert (fig.nodes, fig.lenient, fig.strict) == (corpus.nodes, corpus.lenient, corpus.strict)
    assert fig.missing_nodes == ("EGFR",) and fig.extra_nodes == ("A<&>B",)
    assert fig.wrong_relation == ((("TBK1", "phosphorylates", "IRF3"), ("TBK1", "activates", "IRF3")),)


def test_cli_text_and_json_report_the_same_numbers(files: tuple[Path, Path]) -> None:
    curated, generated = files
    fig = compare_graphs(loads(CURATED_YAML), generated_graph())
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", str(curated), str(generated), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"] == fig.nodes.as_dict() and data["edges_strict"] == fig.strict.as_dict()
    assert data["missing_edges"] == [["EGFR", "binds", "STING1"]]
    text = runner.invoke(cli, ["compare", str(curated), str(generated)])
    assert text.exit_code == 0, text.output
    strict_row = next(line for line in text.output.splitlines() if line.startswith("edges strict"))
    assert strict_row.split()[2:5] == [f"{fig.strict.precision:.3f}", f"{fig.strict.recall:.3f}", f"{fig.strict.f1:.3f}"]
    assert "missing nodes (1):\n  EGFR" in text.output
    assert "TBK1 -phosphorylates-> IRF3 (generated: activates)" in text.output
    assert "A<&>B -inhibits-> STING1" in text.output


def test_cli_reports_a_bad_file_in_one_line(tmp_path: Path, files: tuple[Path, Path]) -> None:
    from pathwaygen.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("nodes:\n  A: {type: protein}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["compare", str(bad), str(files[1])])
    assert info.value.code == 2


def test_diff_graph_marks_every_element(files: tuple[Path, Path]) -> None:
    cur_graph, gen_graph, fig = compare_files(*files)
    diff = diff_graph(cur_graph, gen_graph, fig)
    statuses = nx.get_node_attributes(diff, "status")
    assert statuses == {"STING1": "matched", "TBK1": "matched", "IRF3": "matched", "type I interferon": "matched",
                        "EGFR": "missing", "A<&>B": "extra"}
    edges = sorted((u, v, d["relation"], d["status"]) for u, v, d in diff.edges(data=True))
    assert edges == [("A<&>B", "STING1", "inhibits", "extra"), ("EGFR", "STING1", "binds", "missing"),
                     ("IRF3", "type I interferon", "expresses", "matched"),
                     ("STING1", "TBK1", "activates", "matched"), ("TBK1", "IRF3", "phosphorylates", "relation")]


def test_diff_graph_keeps_an_extra_node_whose_id_is_a_curated_key() -> None:
    curated = loads("nodes:\n  STAT3: {}\nedges: []\n")
    generated = loads("nodes:\n  STAT3: {}\n  stat-3: {}\nedges:\n  - [stat-3, activates, STAT3]\n")
    fig = compare_graphs(curated, generated)
    diff = diff_graph(curated, generated, fig)
    assert diff.number_of_nodes() == 2 and diff.number_of_edges() == 1
    assert sorted(nx.get_node_attributes(diff, "status").values()) == ["extra", "matched"]


def _check_svg(svg: str, fig_nodes: int) -> etree._Element:
    """Parse `svg` (must be well-formed), check unique ids, legend and accessible title; return the root."""
    root = etree.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for ref in root.iter():
        marker = ref.get("marker-end")
        if marker:
            assert marker[len("url(#"):-1] in ids
    assert len(root.findall(f".//{SVG}g[@class='nodes']/{SVG}g")) == fig_nodes
    legend = " ".join(root.find(f".//{SVG}g[@class='legend']").itertext())
    for word in ("matched", "missing", "extra", "other relation"):
        assert word in legend
    return root


def test_diff_svg_with_a_given_layout_is_valid_and_escapes_labels(files: tuple[Path, Path]) -> None:
    cur_graph, gen_graph, fig = compare_files(*files)
    diff = diff_graph(cur_graph, gen_graph, fig)
    boxes = {node: Box(10 + 120 * i, 10 + 60 * (i % 2), 100, 30) for i, node in enumerate(sorted(diff.nodes))}
    svg = diff_svg(diff, fig, Layout(760, 110, boxes))
    root = _check_svg(svg, diff.number_of_nodes())
    texts = ["".join(g.find(f"{SVG}text").itertext()) for g in root.findall(f".//{SVG}g[@class='nodes']/{SVG}g")]
    assert 'A<&>B "q"' in texts  # escaped in the file, intact once parsed
    classes = {g.get("class") for g in root.iter(f"{SVG}g") if g.get("class")}
    assert {f"node n-{s}" for s in NODE_STATUSES} <= classes and {f"edge e-{s}" for s in EDGE_STATUSES} <= classes
    assert svg == diff_svg(diff, fig, Layout(760, 110, boxes))  # deterministic bytes


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")
def test_cli_diff_writes_a_valid_svg_with_the_real_layout(files: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "diff.svg"
    result = CliRunner().invoke(cli, ["compare", str(files[0]), str(files[1]), "--diff", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    _check_svg(svg, 6)
    first = svg
    CliRunner().invoke(cli, ["compare", str(files[0]), str(files[1]), "--diff", str(out)])
    assert out.read_text(encoding="utf-8") == first


GPML_EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "shared" / "gpml" / "examples").glob("*.gpml"))


@pytest.mark.skipif(not GPML_EXAMPLES, reason="shared GPML examples not present")
@pytest.mark.parametrize("gpml", GPML_EXAMPLES[:3], ids=lambda p: p.stem)
def test_compare_on_a_wikipathways_gpml_gives_the_numbers_evaluate_gives(gpml: Path, tmp_path: Path) -> None:
    from pathwaygen.readers.gpml import read_gpml

    curated = read_gpml(gpml)
    generated = curated.copy()
    edges = sorted(generated.edges(keys=True))
    generated.remove_edge(*edges[0])  # one edge missed
    source, target, _ = edges[-1]
    generated.add_edge(target, source, key="inhibits", relation="inhibits")  # one reversed extra
    generated.remove_node(sorted(generated.nodes)[-1])  # one node missed (with its edges)
    path = tmp_path / "generated.json"
    path.write_text(dumps(generated), encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(gpml), str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    expected = score([curated], [generated])
    assert expected.lenient.fn >= 1 and expected.nodes.fn == 1
    assert data["nodes"] == expected.nodes.as_dict()
    assert data["edges_lenient"] == expected.lenient.as_dict() and data["edges_strict"] == expected.strict.as_dict()
    # the GPML against its own graph JSON is a perfect match
    same = tmp_path / "same.json"
    same.write_text(dumps(curated), encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["compare", str(gpml), str(same), "--format", "json"]).output)
    assert data["nodes"]["f1"] == data["edges_lenient"]["f1"] == data["edges_strict"]["f1"] == 1.0


def test_compare_on_a_graph_json_curated_side(files: tuple[Path, Path], tmp_path: Path) -> None:
    curated_json = tmp_path / "curated.json"
    curated_json.write_text(dumps(loads(CURATED_YAML)), encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["compare", str(curated_json), str(files[1]), "--format", "json"]).output)
    # graph JSON drops the curated text forms, so this pair is scored on ids and labels only
    expected = score([read_graph(curated_json)], [read_graph(files[1])])
    assert data["nodes"] == expected.nodes.as_dict() and data["edges_strict"] == expected.strict.as_dict()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")
def test_diff_svg_rasterises(files: tuple[Path, Path]) -> None:
    cairosvg = pytest.importorskip("cairosvg")
    from PIL import Image  # cairosvg depends on Pillow
    import io

    cur_graph, gen_graph, fig = compare_files(*files)
    png = cairosvg.svg2png(bytestring=diff_svg(diff_graph(cur_graph, gen_graph, fig), fig).encode("utf-8"))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    # the status colours were drawn, not just a white page
    for hex_colour in ("#1b7837", "#c2185b", "#2166ac", "#d98200"):
        rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, hex_colour
