"""The Sphinx extension: a tiny real Sphinx project with `pathway` directives, built to HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree, html as lxml_html

pytest.importorskip("sphinx")
from sphinx.cmd.build import main as sphinx_build  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "seeds" / "pathwaygen__demo1.md"

INDEX = """Pathways
========

.. pathway:: /records/demo.md
   :align: left

.. pathway::
   :title: STING <signaling> & more
   :alt: STING activates TBK1, which phosphorylates IRF3

   STING then activates TBK1,
   which phosphorylates IRF3.

.. pathway::

   records/demo.md
"""


def make_project(root: Path) -> Path:
    """Write conf.py, index.rst and a record under `root`/src and return the source folder."""
    src = root / "src"
    (src / "records").mkdir(parents=True)
    (src / "conf.py").write_text('project = "demo"\nextensions = ["pathwaygen.sphinx"]\n', encoding="utf-8")
    (src / "index.rst").write_text(INDEX, encoding="utf-8")
    shutil.copy(DEMO, src / "records" / "demo.md")
    return src


def sphinx(src: Path, out: Path, *extra: str) -> int:
    return sphinx_build(["-q", "-W", "-b", "html", *extra, str(src), str(out)])


def figures(out: Path) -> list[lxml_html.HtmlElement]:
    page = lxml_html.parse(str(out / "index.html")).getroot()
    return page.findall(".//figure")


def test_directive_renders_accessible_inline_svg(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    assert sphinx(src, tmp_path / "out") == 0
    found = figures(tmp_path / "out")
    assert len(found) == 3
    assert [f.get("class") for f in found] == ["pathway align-left", "pathway align-center", "pathway align-center"]
    svgs = [f.find("svg") for f in found]
    assert all(svg is not None and svg.get("role") == "img" for svg in svgs)
    # the caption form: title shown (escaped), alt is the accessible name
    assert found[1].findtext("figcaption") == "STING <signaling> & more"
    assert svgs[1].get("aria-label") == "STING activates TBK1, which phosphorylates IRF3"
    assert svgs[1].findtext("title") == "STING activates TBK1, which phosphorylates IRF3"
    labels = " ".join(t.text_content() for t in svgs[1].iter("text"))
    assert "STING" in labels and "TBK1" in labels
    # the record given as argument and as body draw the same diagram
    assert etree.tostring(svgs[0]).replace(b"pathway1", b"X") == etree.tostring(svgs[2]).replace(b"pathway3", b"X")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    ids = [el.get("id") for el in lxml_html.fromstring(page).iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))


def test_cache_is_keyed_by_content_and_records_are_dependencies(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "out"
    assert sphinx(src, out) == 0
    cache = out / ".doctrees" / "pathwaygen"
    cached = sorted(cache.glob("*.svg"))
    assert len(cached) == 2  # the record (used twice) and the caption

    # a full re-read uses the cache: a marker planted in every cached file shows up on the page
    for path in cached:
        path.write_text(path.read_text(encoding="utf-8").replace("</svg>", '<g id="from-cache"/></svg>'),
                        encoding="utf-8")
    assert sphinx(src, out, "-E") == 0
    assert (out / "index.html").read_text(encoding="utf-8").count("-from-cache") == 3

    # editing the record rebuilds the page (dependency) with a new cache entry
    record = src / "records" / "demo.md"
    record.write_text(record.read_text(encoding="utf-8").replace("figtitle: ", "figtitle: Edited ", 1), encoding="utf-8")
    assert sphinx(src, out) == 0
    assert len(sorted(cache.glob("*.svg"))) == 3
    assert "Edited" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("directive", [".. pathway:: records/missing.md\n", ".. pathway::\n\n   records/missing.md\n"])
def test_missing_record_is_a_sphinx_error(tmp_path: Path, directive: str, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_project(tmp_path)
    (src / "index.rst").write_text("T\n=\n\n" + directive, encoding="utf-8")
    assert sphinx(src, tmp_path / "out") != 0  # -W: the directive's error fails the build
    assert "missing.md" in capsys.readouterr().err
