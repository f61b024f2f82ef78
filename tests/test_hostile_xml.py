"""Hostile XML on input: GPML read by `render` and `compare`, SVG inlined by the gallery.

Every attack (external entities to a file or a URL, an external DTD, parameter entities,
billion laughs, quadratic blowup, XInclude, excessive depth) must end in one clean
GraphFormatError line: nothing expanded, no file read, no network request (a local HTTP
server counts them). A fuzz test mutates a real GPML file attribute by attribute: the reader
raises GraphFormatError or gives a graph every writer can write.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, strategies as st
from lxml import etree

from pathwaygen.errors import GraphFormatError, PathwaygenError
from pathwaygen.gallery import inline_svg
from pathwaygen.layout import layout_graph
from pathwaygen.pipeline import text_to_graph
from pathwaygen.readers.gpml import parse, read_gpml
from pathwaygen.writers import FORMATS, get_writer

REPO = Path(__file__).resolve().parents[1]
NS = 'xmlns="http://pathvisio.org/GPML/2013a"'
SECRET = "TOP-SECRET-CONTENT"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f'<!ENTITY leak "{SECRET}">'.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request; yields (base URL, hits)."""
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.hits
    httpd.shutdown()


def gpml(name: str, extra: str = "") -> str:
    return (f'<Pathway {NS} Name="{name}"{extra}><DataNode TextLabel="{name}" GraphId="a" Type="GeneProduct">'
            '<Graphics CenterX="1" CenterY="1" Width="1" Height="1"/><Xref Database="" ID=""/></DataNode></Pathway>')


def attacks(url: str, secret_file: Path) -> dict[str, str]:
    """Attack name -> GPML text."""
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                                                   for p, c in zip("abcdefgh", "bcdefghi"))
    return {
        "external entity (file)": f'<!DOCTYPE Pathway [<!ENTITY x SYSTEM "file://{secret_file}">]>' + gpml("&x;"),
        "external entity (network)": f'<!DOCTYPE Pathway [<!ENTITY x SYSTEM "{url}/entity">]>' + gpml("&x;"),
        "external DTD": f'<?xml version="1.0"?>\n<!DOCTYPE Pathway SYSTEM "{url}/evil.dtd">' + gpml("&leak;"),
        "parameter entity": f'<!DOCTYPE Pathway [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>' + gpml("&leak;"),
        "billion laughs": f"<!DOCTYPE Pathway [{laughs}]>" + gpml("&i;"),
        "quadratic blowup": '<!DOCTYPE Pathway [<!ENTITY a "' + "x" * 50_000 + '">]>' + gpml("&a;" * 5_000),
        "doctype after a comment": f'<!-- hi --><?pi x?><!DOCTYPE Pathway [<!ENTITY x SYSTEM "{url}/c">]>' + gpml("&x;"),
        "UTF-16 external entity": (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE Pathway '
                                   f'[<!ENTITY x SYSTEM "file://{secret_file}">]>' + gpml("&x;")),
        "excessive depth": f"<Pathway {NS}>" + "<Group>" * 50_000 + "</Group>" * 50_000 + "</Pathway>",
    }


def encoded(name: str, text: str) -> bytes:
    return text.encode("utf-16") if name.startswith("UTF-16") else text.encode("utf-8")


@pytest.mark.parametrize("name", list(attacks("http://x", Path("/x"))))
def test_each_xml_attack_is_one_clean_error(name: str, server: tuple[str, list[str]], tmp_path: Path) -> None:
    url, hits = server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    before = len(hits)
    path = tmp_path / "attack.gpml"
    path.write_bytes(encoded(name, attacks(url, secret)[name]))
    with pytest.raises(GraphFormatError) as info:
        read_gpml(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert SECRET not in message
    assert len(hits) == before, f"the parser fetched {hits[before:]}"


def test_xinclude_is_never_processed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doc = (f'<Pathway {NS} xmlns:xi="http://www.w3.org/2001/XInclude" Name="x">'
           f'<xi:include href="file://{secret}" parse="text"/></Pathway>')
    graph = parse(doc).graph
    assert SECRET not in json.dumps(graph.graph) + json.dumps(list(graph.nodes))


@pytest.mark.parametrize("command", ["render", "compare"])
def test_render_and_compare_report_an_attack_in_one_line(command: str, server: tuple[str, list[str]],
                                                         tmp_path: Path) -> None:
    url, hits = server
    before = len(hits)
    attack = tmp_path / "attack.gpml"
    attack.write_text(f'<!DOCTYPE Pathway [<!ENTITY x SYSTEM "{url}/cli">]>' + gpml("&x;"), encoding="utf-8")
    record = REPO / "seeds" / "pathwaygen__demo1.md"
    args = [str(attack), "-o", str(tmp_path / "out.svg")] if command == "render" else [str(attack), str(record)]
    result = subprocess.run([sys.executable, "-m", "pathwaygen", command, *args], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 2
    assert result.stderr == (f"pathwaygen: error: {attack}: DOCTYPE declarations are not allowed "
                             "(GPML needs none; entities and external DTDs are refused)\n")
    assert len(hits) == before and not (tmp_path / "out.svg").exists()


def test_an_oversized_graph_file_is_not_read(tmp_path: Path) -> None:
    from pathwaygen.limits import MAX_GRAPH_FILE_BYTES

    path = tmp_path / "huge.gpml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_GRAPH_FILE_BYTES + 1)
    with pytest.raises(GraphFormatError, match="over the limit"):
        read_gpml(path)


# --------------------------------------------------------------------------- SVG inlined into pages


@pytest.mark.parametrize("name", ["external entity (file)", "external DTD", "billion laughs"])
def test_inline_svg_refuses_entities(name: str, server: tuple[str, list[str]], tmp_path: Path) -> None:
    url, hits = server
    before = len(hits)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doc = attacks(url, secret)[name].replace(gpml("&x;"), "").replace(gpml("&leak;"), "").replace(gpml("&i;"), "")
    svg = doc.replace("Pathway", "svg") + '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;&leak;&i;</text></svg>'
    try:
        markup = inline_svg(svg, prefix="p")
    except (PathwaygenError, ValueError, etree.XMLSyntaxError):
        markup = ""
    assert SECRET not in markup and "aaaaaaaaaa" * 10 not in markup
    assert len(hits) == before


def test_inline_svg_drops_script_handlers_and_javascript_links() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
           '<script>alert(2)</script><foreignObject><div>x</div></foreignObject>'
           '<a href="javascript:alert(3)"><text>a</text></a><a xlink:href=" JaVaScRiPt:alert(4)"><text>b</text></a>'
           '<image href="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;"/>'
           '<set attributeName="href" to="javascript:alert(6)"/><animate attributeName="href" values="javascript:x"/>'
           '<rect id="r" fill="url(#g)"/></svg>')
    markup = str(inline_svg(svg, prefix="p"))
    lowered = markup.lower()
    assert "alert" not in lowered and "<script" not in lowered and "onload" not in lowered
    assert "javascript:" not in lowered and "foreignobject" not in lowered
    assert 'id="p-r"' in markup


# --------------------------------------------------------------------------- fuzz the GPML reader


def _base_gpml() -> bytes:
    graph = text_to_graph("TP53 activates MDM2. The TP53-MDM2 complex binds AKT1 and ERK1/2, and dsDNA activates "
                          "cGAS. cGAMP is produced by cGAS.", figid="fuzz", title="Fuzz")
    return get_writer("gpml")(graph, None).encode("utf-8")


BASE = _base_gpml()
BASE_ROOT = etree.fromstring(BASE)
ELEMENTS = [el for el in BASE_ROOT.iter() if isinstance(el.tag, str)]
VALUES = ["", " ", "x", "-1", "1e308", "nan", "0", "[]", "{}", "[1, 2]", '{"start": "x"}', '[{"start": 1}]',
          '[{"id": 1, "label": null}]', '"text"', "null", "true", "99999999999999999999", "GeneProduct", "Complex",
          "activates", "nonsense", "n000", "i000", "g000", "\u202e", "<script>", "a&b", '"', "Arrow", "TBar",
          "mim-conversion", "Line"]


@st.composite
def mutated_gpml(draw: st.DrawFn) -> bytes:
    """A copy of BASE with a few attributes changed, removed or elements deleted."""
    root = etree.fromstring(BASE)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(elements) - 1))
        element = elements[index]
        action = draw(st.sampled_from(["set", "delete-attribute", "remove-element", "new-attribute"]))
        names = list(element.attrib)
        if action == "set" and names:
            element.set(draw(st.sampled_from(names)), draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=12)
                                                                     .filter(lambda t: all(c.isprintable() for c in t)))))
        elif action == "delete-attribute" and names:
            del element.attrib[draw(st.sampled_from(names))]
        elif action == "remove-element" and element.getparent() is not None:
            element.getparent().remove(element)
            elements = [el for el in root.iter() if isinstance(el.tag, str)]
        elif action == "new-attribute":
            element.set(draw(st.sampled_from(["GroupRef", "GraphRef", "GraphId", "Type", "Style", "ArrowHead"])),
                        draw(st.sampled_from(VALUES)))
    return etree.tostring(root)


@given(mutated_gpml())
def test_a_mutated_gpml_file_is_a_graph_or_one_clean_error(data: bytes) -> None:
    try:
        graph = parse(data, "fuzz.gpml").graph
    except GraphFormatError as exc:
        assert "\n" not in str(exc)
        return
    layout = layout_graph(graph)
    for name in FORMATS:
        get_writer(name)(graph, layout)
