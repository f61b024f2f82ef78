"""The gallery pages (index.html, index.md), inline SVG, and the committed gallery in a real browser."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree, html as lxml_html

from pathwaygen import graphjson
from pathwaygen.atomic import write_atomic
from pathwaygen.build import MANIFEST_NAME, build
from pathwaygen.gallery import inline_svg, render_gallery

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DIAGRAMS = REPO / "diagrams"
SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def figids(folder: Path) -> list[str]:
    """The figids a build wrote into `folder` (one graph JSON each; the dot-file manifest is not one)."""
    return sorted(p.stem for p in folder.glob("*.json") if not p.name.startswith("."))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once into a temporary folder, plus one record with markup in its text."""
    base = tmp_path_factory.mktemp("gallery")
    (base / "in").mkdir()
    for src in sorted(SEEDS.glob("*.md"))[:5]:
        shutil.copy(src, base / "in" / src.name)
    hostile = (base / "in" / "zz_hostile.md")
    hostile.write_text("---\nfigid: zz_hostile\nfigtitle: '<script>alert(1)</script> & co'\n"
                       "caption: 'TP53 activates MDM2 <img src=x onerror=alert(2)>.'\n---\n", encoding="utf-8")
    report = build([base / "in"], base / "out", jobs=1)
    assert report.ok, report.failed
    return base / "out"


def test_gallery_lists_every_figure_with_counts_links_and_svg(built: Path) -> None:
    page = lxml_html.parse(str(built / "index.html")).getroot()
    articles = page.findall(".//article")
    assert sorted(a.get("data-figid") for a in articles) == figids(built)
    for article in articles:
        figid = article.get("data-figid")
        graph = graphjson.loads((built / f"{figid}.json").read_text(encoding="utf-8"))
        assert article.findtext(".//h2").strip() == (graph.graph["title"] or figid)
        assert int(article.get("data-nodes")) == graph.number_of_nodes()
        assert int(article.get("data-edges")) == graph.number_of_edges()
        meta = article.find(".//p[@class='meta']").text_content()
        assert f"{graph.number_of_nodes()} node" in meta and f"{graph.number_of_edges()} edge" in meta
        hrefs = {a.get("href") for a in article.iter("a")}
        assert {f"{figid}.gpml", f"{figid}.json"} <= hrefs
        assert all((built / href).is_file() for href in hrefs)
        assert article.find(".//div[@class='diagram']/svg") is not None
        caption = " ".join(article.find(".//p[@class='caption']").text_content().split())
        assert caption == " ".join(graph.graph["caption"].split())


def test_gallery_ids_are_unique_and_escaped(built: Path) -> None:
    text = (built / "index.html").read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    ids = [el.get("id") for el in page.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids)), "an id appears twice on the page"
    assert not page.findall(".//script") and not page.findall(".//img") and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text


def test_markdown_gallery_lists_every_figure(built: Path) -> None:
    text = (built / "index.md").read_text(encoding="utf-8")
    for figid in figids(built):
        assert f"## {figid}" in text and f"]({figid}.gpml)" in text and f"]({figid}.svg)" in text
    assert "<script>" not in text


def test_inline_svg_prefixes_ids_and_references() -> None:
    svg = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc><defs><marker id="m"/></defs>'
           '<path marker-end="url(#m)" onclick="x()"/><use xlink:href="#m"/><script>bad()</script></svg>')
    out = inline_svg(svg, "p1", alt="Alt text")
    root = etree.fromstring(str(out).encode())
    assert root.get("aria-labelledby") == "p1-t p1-d" and root.get("role") == "img" and root.get("aria-label") == "Alt text"
    assert root.find(f"{SVG}title").text == "Alt text"
    assert root.find(f".//{SVG}marker").get("id") == "p1-m"
    path = root.find(f".//{SVG}path")
    assert path.get("marker-end") == "url(#p1-m)" and path.get("onclick") is None
    assert root.find(f".//{SVG}use").get("{http://www.w3.org/1999/xlink}href") == "#p1-m"
    assert root.find(f".//{SVG}script") is None and not str(out).startswith("<?xml")


# --------------------------------------------------------------------------- the real browser

PROBE_HEAD = """<script>
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message || (e.target && e.target.outerHTML) || e)); }, true);
(function () { var original = console.error; console.error = function () {
  window.__errors.push(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); }; })();
</script>"""

PROBE_BODY = """<script>
window.addEventListener('load', function () {
  var figures = [];
  document.querySelectorAll('article.figure').forEach(function (article) {
    var svg = article.querySelector('svg');
    var info = {figid: article.dataset.figid, nodes: +article.dataset.nodes, svg: null, boxes: []};
    if (svg) {
      var r = svg.getBoundingClientRect();
      info.svg = [r.width, r.height];
      // one group per graph node (complex members are drawn inside their complex's group)
      svg.querySelectorAll('g.node:not(.member)').forEach(function (node) {
        var shape = node.querySelector('rect, ellipse, polygon, path, circle');
        var b = shape ? shape.getBBox() : {width: 0, height: 0};
        var label = node.querySelector('text');
        var t = label ? label.getBBox() : {width: 0, height: 0};
        info.boxes.push([node.id, b.width, b.height, t.width, t.height]);
      });
    }
    figures.push(info);
  });
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({figures: figures, errors: window.__errors});
  document.body.appendChild(out);
});
</script>"""


def _chromium(*args: str, profile: str) -> subprocess.CompletedProcess[str]:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--no-first-run", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               "--hide-scrollbars", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000", *args]
    # Headless Chromium now and then never exits after it has dumped the page (seen once in a
    # loaded full-suite run); kill its whole process group and try again rather than hang.
    for attempt in range(3):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=60)
            return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    pytest.fail(f"chromium did not finish in 60 s, three times: {' '.join(command)}")


def test_committed_gallery_draws_every_diagram_in_chromium(tmp_path: Path) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is not installed (bash .ci/setup installs it); CI must run the browser test")
        pytest.skip("chromium is not installed (bash .ci/setup installs it)")
    index = DIAGRAMS / "index.html"
    assert index.is_file(), "diagrams/index.html is missing: run `python3 -m pathwaygen build seeds -o diagrams`"
    probe = tmp_path / "probe"
    shutil.copytree(DIAGRAMS, probe)
    text = index.read_text(encoding="utf-8")
    text = text.replace("<head>", "<head>\n" + PROBE_HEAD, 1).replace("</body>", PROBE_BODY + "\n</body>", 1)
    (probe / "index.html").write_text(text, encoding="utf-8")

    with tempfile.TemporaryDirectory() as profile:
        result = _chromium("--dump-dom", (probe / "index.html").as_uri(), profile=profile)
    dom = lxml_html.fromstring(result.stdout)
    found = dom.get_element_by_id("probe", None)
    assert found is not None, f"the probe did not run: {result.stderr[-2000:]}"
    data = json.loads(found.text_content())
    assert data["errors"] == [], data["errors"]
    expected = figids(DIAGRAMS)
    assert sorted(f["figid"] for f in data["figures"]) == expected
    for figure in data["figures"]:
        assert figure["svg"] is not None, f"{figure['figid']}: no SVG on the page"
        width, height = figure["svg"]
        assert width > 10 and height > 10, f"{figure['figid']}: SVG drawn {width}x{height}"
        assert len(figure["boxes"]) == figure["nodes"], f"{figure['figid']}: {len(figure['boxes'])} of {figure['nodes']} nodes drawn"
        empty = [box for box in figure["boxes"] if min(box[1:]) <= 0]
        assert not empty, f"{figure['figid']}: empty node boxes or labels {empty[:3]}"

    # the screenshot the README shows (the real page, not the probe copy)
    shot = tmp_path / "gallery.png"
    with tempfile.TemporaryDirectory() as profile:
        _chromium("--window-size=1400,1300", f"--screenshot={shot}", index.as_uri(), profile=profile)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses far smaller
    target = DIAGRAMS / "gallery.png"
    if not target.is_file() or target.read_bytes() != data:
        write_atomic(target, data)


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=60), caption=st.text(max_size=200))
def test_any_title_and_caption_reach_the_page_as_text(tmp_path_factory: pytest.TempPathFactory, title: str,
                                                      caption: str) -> None:
    out = tmp_path_factory.mktemp("any")
    clean = lambda s: "".join(c for c in s if c.isprintable() and c not in "\x00\ufffe\uffff" and not 0xD800 <= ord(c) <= 0xDFFF)
    title, caption = clean(title) or "t", clean(caption)
    page, markdown_text = render_gallery(out, {"fig1": {"title": title, "caption": caption, "nodes": 1, "edges": 0}}, ["json"])
    root = lxml_html.fromstring(page)
    article = root.find(".//article")
    assert article.findtext("h2") == title
    assert article.find(".//p[@class='caption']").text_content() == caption
    assert not root.findall(".//script") and len(root.findall(".//article")) == 1
    assert "\n## fig1\n" in markdown_text and markdown_text.count("\n## ") == 1


def test_huge_gallery_links_svgs_as_lazy_images(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pathwaygen.gallery.INLINE_LIMIT", 2)
    figures = json.loads((built / MANIFEST_NAME).read_text(encoding="utf-8"))["figures"]
    page, _ = render_gallery(built, figures, ["svg", "gpml", "json"])
    root = lxml_html.fromstring(page)
    images = root.findall(".//div[@class='diagram']/img")
    assert len(images) == len(figures) > 2 and not root.findall(".//svg")
    assert all((built / img.get("src")).is_file() and img.get("loading") == "lazy" and img.get("alt") for img in images)
