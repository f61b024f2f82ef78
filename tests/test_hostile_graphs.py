"""Malformed graph files read by `render` and `compare`: graph JSON, curated YAML.

Each is one `pathwaygen: error: FILE: problem` line and exit code 2, never a traceback; a
fuzz test mutates a real graph JSON value by value and checks that `render`'s loader either
refuses it with GraphFormatError or gives a graph every writer can write.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pathwaygen import graphjson
from pathwaygen.commands.render import load_graph
from pathwaygen.errors import GraphFormatError
from pathwaygen.layout import layout_graph
from pathwaygen.pipeline import text_to_graph
from pathwaygen.writers import FORMATS, get_writer

REPO = Path(__file__).resolve().parents[1]
BASE = graphjson.to_dict(text_to_graph("TP53 activates MDM2 and the TP53-MDM2 complex binds AKT1. ERK1/2 may "
                                       "phosphorylate ELK1.", figid="fuzz", title="Fuzz"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pathwaygen", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120)


def mutate(path: list, value: object) -> dict:
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


MALFORMED = {
    "xrefs a list": (mutate(["nodes", 0, "xrefs"], [1, 2]), "not a pathwaygen graph JSON (AttributeError"),
    "member xrefs a list": (mutate(["nodes", 0, "members"], [{"id": "A", "xrefs": [1]}]),
                            "a member's 'xrefs' must map prefixes to id strings"),
    "mention without offsets": (mutate(["nodes", 0, "mentions"], [{"text": "x"}]), "each of 'mentions' needs"),
    "mention a number": (mutate(["nodes", 0, "mentions"], [5]), "each of 'mentions' needs"),
    "member without id": (mutate(["nodes", 0, "members"], [{"label": "x"}]), "each member needs a string 'id'"),
    "evidence end before start": (mutate(["edges", 0, "evidence"], [{"text": "x", "start": 5, "end": 1, "rule": "r"}]),
                                  "each of 'evidence' needs"),
    "hedged a string": (mutate(["edges", 0, "hedged"], "yes"), None),  # graphjson reads any value as a bool
    "title a mapping": (mutate(["title"], {"a": 1}), "graph attribute 'title' must be a string"),
    "organisms a string": (mutate(["organisms"], "Homo sapiens"), "'organisms' must be a list of strings"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_graph_json_is_one_error_line(name: str, tmp_path: Path) -> None:
    data, problem = MALFORMED[name]
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("render", str(path), "-o", str(tmp_path / "out.svg"))
    if problem is None:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2
    assert result.stderr.startswith(f"pathwaygen: error: {path}: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(("data", "problem"), [
    (b"[" * 100_000 + b"]" * 100_000, "invalid JSON (maximum recursion depth exceeded"),
    (b'{"nodes": [], "edges": [], "title": "\xed\xa0\x80"}', "cannot read"),
    (b"\x89PNG\r\n", "cannot read"),
], ids=["deep nesting", "lone surrogate bytes", "binary"])
def test_hostile_json_bytes_are_one_error_line(data: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_bytes(data)
    result = run("render", str(path), "-o", str(tmp_path / "out.svg"))
    assert result.returncode == 2 and problem in result.stderr and result.stderr.count("\n") == 1


def test_escaped_controls_and_surrogates_in_graph_json_render_clean(tmp_path: Path) -> None:
    data = mutate(["title"], "x\u0000y\ud800z<script>")
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="ascii")  # JSON escapes: valid JSON, hostile strings
    for suffix in (".svg", ".gpml", ".json", ".sbgn"):  # the formats that carry the title
        out = tmp_path / f"out{suffix}"
        result = run("render", str(path), "-o", str(out))
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert "x\ufffdy\ufffdz" in text or "x\\ufffdy\\ufffdz" in text
        if suffix != ".json":  # in XML the title is text, never markup
            assert "<script>" not in text


@pytest.mark.parametrize(("yaml_text", "problem"), [
    ("nodes: &n {A: {type: gene}}\nedges: []\nextra: *n\n", "YAML aliases (*n) are not allowed (line 3)"),
    ("nodes:\n  A: {type: gene}\nedges: " + "[" * 60_000 + "]" * 60_000 + "\n", "YAML nested more than 32 levels"),
    ("nodes:\n  A: {type: [gene]}\nedges: []\n", "unknown type ['gene']"),
], ids=["alias", "deep nesting", "wrong type"])
def test_hostile_curated_yaml_is_one_error_line(yaml_text: str, problem: str, tmp_path: Path) -> None:
    curated = tmp_path / "curated.yaml"
    curated.write_text(yaml_text, encoding="utf-8")
    generated = tmp_path / "generated.json"
    generated.write_text(json.dumps(BASE), encoding="utf-8")
    result = run("compare", str(curated), str(generated))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"pathwaygen: error: {curated}: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1


def test_compare_checks_a_malformed_generated_graph(tmp_path: Path) -> None:
    curated = tmp_path / "curated.yaml"
    curated.write_text("nodes:\n  TP53: {type: gene}\nedges: []\n", encoding="utf-8")
    generated = tmp_path / "generated.json"
    generated.write_text(json.dumps(MALFORMED["xrefs a list"][0]), encoding="utf-8")
    result = run("compare", str(curated), str(generated))
    assert result.returncode == 2 and "not a readable graph (AttributeError" in result.stderr
    generated.write_text(json.dumps(MALFORMED["member xrefs a list"][0]), encoding="utf-8")
    result = run("compare", str(curated), str(generated))
    assert result.returncode == 2 and "a member's 'xrefs' must map prefixes to id strings" in result.stderr


def _paths(value: object, prefix: list) -> list[list]:
    """Every path to a value inside the JSON document."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, prefix + [key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, prefix + [index])
    return out


PATHS = _paths(BASE, [])
json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-5, 10**20), st.floats(allow_nan=False),
                                     st.text(max_size=10)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.sampled_from(["id", "text", "start", "end", "rule",
                                                                                    "label", "type", "xrefs", "hgnc"]),
                                                                   inner, max_size=4)),
                           max_leaves=6)


@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4))
def test_a_mutated_graph_json_is_a_graph_or_one_clean_error(changes: list, tmp_path_factory: pytest.TempPathFactory) -> None:
    data = copy.deepcopy(BASE)
    for path, value in changes:
        target = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the way there
    path = tmp_path_factory.mktemp("fuzz") / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        graph = load_graph(path)
    except GraphFormatError as exc:
        assert "\n" not in str(exc)
        return
    layout = layout_graph(graph)
    for name in FORMATS:
        get_writer(name)(graph, layout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
@pytest.mark.parametrize("name", ["graph.json", "graph.gpml", "curated.yaml"])
def test_a_fifo_given_to_render_or_compare_is_refused_not_read(name: str, tmp_path: Path) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    other = tmp_path / "generated.json"
    other.write_text(json.dumps(BASE), encoding="utf-8")
    args = ("compare", str(fifo), str(other)) if name.endswith(".yaml") else ("render", str(fifo), "-o",
                                                                             str(tmp_path / "out.svg"))
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr == f"pathwaygen: error: {fifo}: not a regular file (a pipe, socket or device)\n"


def test_compare_diff_of_hostile_curated_names_is_well_formed_svg(tmp_path: Path) -> None:
    from lxml import etree

    curated = tmp_path / "curated.yaml"
    curated.write_text('nodes:\n  "TP53\\0<script>": {type: gene}\n  MDM2: {type: gene}\n'
                       'edges:\n  - ["TP53\\0<script>", activates, MDM2]\n', encoding="utf-8")
    diff = tmp_path / "diff.svg"
    result = run("compare", str(curated), str(REPO / "seeds" / "pathwaygen__demo1.md"), "--diff", str(diff))
    assert result.returncode == 0, result.stderr
    root = etree.fromstring(diff.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    assert not [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "script"]
    assert "TP53\ufffd<script>" in "".join(root.itertext())


def test_compare_report_shows_control_characters_escaped(tmp_path: Path) -> None:
    curated = tmp_path / "curated.yaml"
    curated.write_text('nodes:\n  "RED\\e[31mX": {type: gene}\nedges: []\n', encoding="utf-8")
    result = run("compare", str(curated), str(REPO / "seeds" / "pathwaygen__demo1.md"))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "RED\\x1b[31mX" in result.stdout


def test_an_unwritable_output_is_one_error_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "out.svg"  # a folder that is a file: the write fails
    result = run("render", str(REPO / "seeds" / "pathwaygen__demo1.md"), "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.startswith(f"pathwaygen: error: {target}: cannot write (") and result.stderr.count("\n") == 1


# (st.characters() leaves out lone surrogates: the forbidden and the allowed controls are drawn too)
_ANY_CHAR = st.one_of(st.sampled_from("\x00\x08\x0b\x1f\ud800\udfff\ufffe\uffff\t\n\r"), st.characters())


@given(st.lists(st.text(alphabet=_ANY_CHAR), max_size=6))
def test_all_xml_safe_agrees_with_xml_safe_of_each_text(texts: list[str]) -> None:
    """The writers' one-search check of a graph's strings says clean exactly when xml_safe
    would change none of them."""
    from pathwaygen.limits import all_xml_safe, xml_safe
    assert all_xml_safe(texts) == all(xml_safe(text) is text for text in texts)


def test_strings_finds_every_string_in_nested_graph_data() -> None:
    """The writers' walk over graph data reaches keys and values at any depth."""
    from pathwaygen.writers._common import _strings
    data = [{"a": ("b", ["c", {"d": "e"}]), 1: None}, ("f",), "g"]
    assert sorted(_strings(data)) == list("abcdefg")
