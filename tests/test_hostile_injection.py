"""Injection: hostile figids, titles, captions and labels never become markup or choose a path.

Records whose every text field carries ``<script>``, ``]]>``, quotes, ``&``, Markdown link
syntax, control characters and right-to-left overrides are built into every format plus the
gallery; then every output is grepped and parsed:

- no markup output (SVG, GPML, SBGN, GraphML, HTML, Markdown) contains an unescaped
  ``<script``, ``<img`` or ``<iframe``, an ``on...=`` handler or a ``javascript:`` URL (grepped,
  then XML and HTML parsed and Markdown rendered to HTML); the JSON formats are data and hold
  the payload only inside string values;
- every file lands in OUTDIR (nothing above it, nothing in a subfolder), unsafe figids are
  refused with one line, and the hostile text survives as text (it is escaped, not dropped).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from lxml import etree, html as lxml_html

from pathwaygen.writers import FORMATS

REPO = Path(__file__).resolve().parents[1]
PAYLOAD = ('<script>alert(1)</script> ]]> <![CDATA[x]]> "dq" \'sq\' & &amp; &#x3C;b&#x3E; '
           '<img src=x onerror=alert(2)> <iframe src="javascript:alert(3)"></iframe> [link](javascript:alert(4)) '
           '{{ 7*7 }} ${x} \u202eevil\u202c \x1b[31m')
UNSAFE_FIGIDS = ["../../etc/passwd", "/etc/passwd", "..", ".hidden", "a/b", "a\\b", "<script>", "x\"y", "c:evil",
                 "CON", "aux.txt", "~root", "a b", "-rf"]
#: a tag that runs code or loads a document; escaped text never holds a raw "<", so any hit is markup
MARKUP = re.compile(r"<\s*/?\s*(?:[a-z]+:)?(script|img|iframe|object|embed|foreignObject|applet|frame)\b", re.I)


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar of `text` (escapes for quotes, backslashes and controls)."""
    return json.dumps(text, ensure_ascii=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """Build hostile records into every format; returns (input folder, OUTDIR, the finished process)."""
    base = tmp_path_factory.mktemp("inject")
    seeds = base / "in"
    seeds.mkdir()
    good = {"evil1": "TP53 activates MDM2 " + PAYLOAD, "evil.2": PAYLOAD + " AKT1 inhibits GSK3B.",
            "evil-3_x": "The <b>NF-κB</b> & \"IL-6\" ]]> complex binds TNF. " + PAYLOAD}
    for figid, caption in good.items():
        (seeds / f"{figid}.md").write_text(
            f"---\nfigid: {figid}\nfigtitle: {yaml_quote(PAYLOAD)}\ncaption: {yaml_quote(caption)}\n"
            f"organisms: [{yaml_quote(PAYLOAD)}]\npapertitle: {yaml_quote(PAYLOAD)}\ndoi: {yaml_quote(PAYLOAD)}\n---\n",
            encoding="utf-8")
    for i, figid in enumerate(UNSAFE_FIGIDS):
        (seeds / f"unsafe{i:02d}.md").write_text(f"---\nfigid: {yaml_quote(figid)}\ncaption: TP53 activates MDM2.\n---\n",
                                                 encoding="utf-8")
    out = base / "nested" / "out"
    result = subprocess.run([sys.executable, "-m", "pathwaygen", "build", str(seeds), "-o", str(out), "--jobs", "2",
                             "--formats", ",".join(FORMATS)], capture_output=True, text=True, cwd=REPO, timeout=300)
    return seeds, out, result


def test_unsafe_figids_are_refused_and_the_others_built(built) -> None:
    seeds, out, result = built
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(UNSAFE_FIGIDS)
    for i, line in enumerate(sorted(lines)):
        assert line.startswith(f"{seeds / f'unsafe{i:02d}.md'}: figid ") and "is not a safe file name" in line
    assert "built 3, skipped 0, failed 14" in result.stdout


def test_every_file_is_inside_outdir(built) -> None:
    seeds, out, _ = built
    base = out.parent.parent
    everything = {Path(root) / name for root, _, names in os.walk(base) for name in names}
    outside = {p for p in everything if not p.is_relative_to(seeds) and p.parent != out}
    assert not outside, f"written outside OUTDIR: {outside}"
    figids = {"evil1", "evil.2", "evil-3_x"}
    expected = {f"{f}{fmt.extension}" for f in figids for fmt in FORMATS.values()}
    assert {p.name for p in out.iterdir()} == expected | {"index.html", "index.md", ".pathwaygen-manifest.json"}


def test_no_markup_output_contains_markup_from_the_records(built) -> None:
    _, out, _ = built
    for path in sorted(out.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert "\x1b" not in text and "\x00" not in text
        if path.name.endswith(".json") or path.suffix in (".cx2", ".cyjs", ".sif"):
            continue  # data, not markup: the JSON tests below check the text comes back as text
        hits = [m.group(0) for m in MARKUP.finditer(text)]
        assert not hits, f"{path.name}: unescaped markup {hits[:3]}"


@pytest.mark.parametrize("suffix", [".svg", ".gpml", ".sbgn", ".graphml"])
def test_xml_outputs_parse_and_keep_the_payload_as_text(built, suffix: str) -> None:
    _, out, _ = built
    for path in out.glob(f"*{suffix}"):
        root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            assert etree.QName(element).localname not in ("script", "foreignObject", "iframe"), path.name
            assert not [a for a in element.attrib if etree.QName(a).localname.lower().startswith("on")], path.name
            for attr in ("href", "src", "{http://www.w3.org/1999/xlink}href"):
                assert not (element.get(attr) or "").strip().lower().startswith("javascript"), path.name
        texts = " ".join(root.itertext()) + " ".join(v for el in root.iter() if isinstance(el.tag, str)
                                                     for v in el.attrib.values())
        if suffix in (".svg", ".gpml", ".sbgn"):  # the formats that carry the title or caption
            assert "<script>alert(1)</script>" in texts, f"{path.name}: the title was dropped, not escaped"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("suffix", [".json", ".cx2", ".cyjs", ".indra.json"])
def test_json_outputs_hold_the_payload_only_as_string_values(built, suffix: str) -> None:
    _, out, _ = built
    paths = [p for p in out.glob(f"*{suffix}") if not (suffix == ".json" and p.name.endswith(".indra.json"))]
    assert paths
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        strings = _strings(data)
        if suffix in (".json", ".cx2"):  # the formats that carry the title
            assert any("<script>alert(1)</script> ]]>" in s for s in strings), path.name
        # the structure around the strings is the writer's own: no payload leaked into keys of the top level
        assert all("<" not in key for key in (data if isinstance(data, dict) else {}))
    manifest = json.loads((out / ".pathwaygen-manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["figures"]) == {"evil1", "evil.2", "evil-3_x"}


def test_gallery_page_has_no_script_no_handlers_and_only_local_links(built) -> None:
    _, out, _ = built
    root = lxml_html.fromstring((out / "index.html").read_bytes())
    assert not root.findall(".//script") and not root.findall(".//iframe") and not root.findall(".//img[@onerror]")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.tag
        for attr in ("href", "src"):
            value = element.get(attr)
            if value is not None:
                assert value.startswith("#") or ("/" not in value and ":" not in value), value
    h2 = [el.text_content() for el in root.findall(".//article/h2")]
    assert h2 and all(PAYLOAD.split(" \x1b")[0] in title for title in h2)  # shown as text


def test_markdown_gallery_renders_the_payload_as_text(built) -> None:
    _, out, _ = built
    source = (out / "index.md").read_text(encoding="utf-8")
    page = markdown.markdown(source, extensions=["tables"])
    root = lxml_html.fromstring(f"<div>{page}</div>")
    assert not root.findall(".//script") and not root.findall(".//iframe")
    assert not [el for el in root.iter() if isinstance(el.tag, str) and any(a.startswith("on") for a in el.attrib)]
    links = [a.get("href") for a in root.iter("a")] + [i.get("src") for i in root.iter("img")]
    assert links and all(not link.lower().startswith("javascript") for link in links)
    assert "<script>alert(1)</script>" in root.text_content()  # escaped text, read back as the title
