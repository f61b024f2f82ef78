"""The curated-graph YAML reader: the corpus gold files load; malformed files fail with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathwaygen.errors import GraphFormatError
from pathwaygen.readers.curated import loads, read_curated

GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.yaml"))


@pytest.mark.skipif(not GOLD_FILES, reason="shared corpus not present")
def test_every_gold_file_reads_with_all_its_nodes_and_edges() -> None:
    for path in GOLD_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        graph = read_curated(path)
        assert graph.graph["figid"] == data["figid"]
        assert set(graph.nodes) == {str(k) for k in data["nodes"]}
        expected = {(s, r, t) for s, r, t in data["edges"]}
        assert {(s, d["relation"], t) for s, t, d in graph.edges(data=True)} == expected
        for key, attrs in data["nodes"].items():
            assert graph.nodes[key]["type"] == attrs["type"]
            assert graph.nodes[key]["aliases"] == list(attrs.get("text") or [])


def test_node_fields_and_edges() -> None:
    graph = loads(
        "figid: F1\n"
        "nodes:\n"
        "  STING1: {type: gene, text: [STING]}\n"
        "  NFkappaB: {type: family, text: ['NF-κB']}\n"
        "  cGAMP: {type: chemical}\n"
        "edges:\n"
        "  - [STING1, activates, NFkappaB]\n"
        "  - [STING1, binds, cGAMP]\n"
    )
    assert graph.graph["figid"] == "F1"
    assert graph.nodes["NFkappaB"] == {"label": "NFkappaB", "type": "family", "xrefs": {}, "members": [],
                                        "mentions": [], "aliases": ["NF-κB"]}
    assert sorted(graph.edges(keys=True)) == [("STING1", "NFkappaB", "activates"), ("STING1", "cGAMP", "binds")]


def test_yaml_11_booleans_stay_names() -> None:
    # "NO" is nitric oxide, not False.
    graph = loads("figid: F\nnodes:\n  NO: {type: chemical}\n  ON: {type: gene}\nedges:\n  - [NO, activates, ON]\n")
    assert set(graph.nodes) == {"NO", "ON"}
    assert list(graph.edges(keys=True)) == [("NO", "ON", "activates")]


def test_empty_sections_and_missing_figid_uses_file_name(tmp_path: Path) -> None:
    path = tmp_path / "FIG_X.yaml"
    path.write_text("nodes:\nedges:\n", encoding="utf-8")
    graph = read_curated(path)
    assert graph.graph["figid"] == "FIG_X"
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("nodes: [a, b]\nedges: []\n", "'nodes' must be a mapping"),
        ("- 1\n- 2\n", "not a curated graph"),
        ("edges: []\n", "no 'nodes'"),
        ("nodes:\n  A: {type: protein}\nedges: []\n", "unknown type 'protein'"),
        ("nodes:\n  A: {type: gene, colour: red}\nedges: []\n", "unknown field(s) colour"),
        ("nodes:\n  A: {type: gene, text: {a: 1}}\nedges: []\n", "'text' must be a list"),
        ("nodes:\n  A: {}\n  B: {}\nedges:\n  - [A, promotes, B]\n", "unknown relation 'promotes'"),
        ("nodes:\n  A: {}\nedges:\n  - [A, activates, C]\n", "'C' is not a node"),
        ("nodes:\n  A: {}\nedges:\n  - [A, activates]\n", "expected [source, relation, target]"),
        ("nodes:\n  A: {}\nedges: {A: B}\n", "'edges' must be a list"),
        ("nodes: {A: {type: gene}\n", "invalid YAML"),
        ("nodes:\n  A: gene\n", "expected a mapping"),
    ],
)
def test_bad_files_raise_one_line_naming_the_file(text: str, problem: str) -> None:
    with pytest.raises(GraphFormatError) as info:
        loads(text, "bad.yaml")
    message = str(info.value)
    assert message.startswith("bad.yaml: ")
    assert problem in message
    assert "\n" not in message


def test_unreadable_file_is_a_graph_format_error(tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match="missing.yaml: cannot read"):
        read_curated(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(GraphFormatError, match="binary.yaml"):
        read_curated(binary)


def test_python_tags_are_refused() -> None:
    with pytest.raises(GraphFormatError, match="invalid YAML"):
        loads("nodes: !!python/object/apply:os.system ['true']\n")
