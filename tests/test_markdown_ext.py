"""The Python-Markdown extension (MkDocs path): fenced ``pathway`` blocks become inline SVG."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

markdown = pytest.importorskip("markdown")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "seeds" / "pathwaygen__demo1.md"

PAGE = """# Signaling

Some text.

```pathway title="STING & friends" alt="STING activates TBK1" align="right"
STING then activates TBK1,
which phosphorylates IRF3.
```

```pathway record="records/demo.md"
```

~~~~pathway
records/demo.md
~~~~

```python
print("a pathway fence inside code stays code")
```
"""


def convert(text: str, base: Path, cache: Path | None = None) -> lxml_html.HtmlElement:
    config = {"pathwaygen.markdown_ext": {"base_path": str(base), "cache_dir": str(cache or "")}}
    body = markdown.markdown(text, extensions=["pathwaygen.markdown_ext", "fenced_code"], extension_configs=config)
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"
    (base / "page.html").write_text(page, encoding="utf-8")
    return lxml_html.fromstring(page)


def test_fenced_blocks_become_inline_svg_figures(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    shutil.copy(DEMO, tmp_path / "records" / "demo.md")
    page = convert(PAGE, tmp_path, tmp_path / "cache")
    found = page.findall(".//figure")
    assert len(found) == 3
    assert found[0].get("class") == "pathway align-right"
    svg = found[0].find("svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == "STING activates TBK1"
    assert found[0].findtext("figcaption") == "STING & friends"
    assert "TBK1" in " ".join(t.text_content() for t in svg.iter("text"))
    assert found[1].find("svg") is not None and found[2].find("svg") is not None
    code = page.find(".//pre/code")
    assert code is not None and "pathway fence inside code" in code.text_content()
    ids = [el.get("id") for el in page.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))
    assert len(list((tmp_path / "cache").glob("*.svg"))) == 2


def test_same_page_gives_same_bytes(tmp_path: Path) -> None:
    text = "```pathway\nTP53 activates MDM2.\n```\n"
    md = markdown.Markdown(extensions=["pathwaygen.markdown_ext"])
    assert md.convert(text) == md.reset().convert(text)


def test_undrawable_block_is_a_visible_error(tmp_path: Path) -> None:
    page = convert('```pathway record="nope/missing.md"\n```\n\n```pathway\n```\n\n```pathway\nother.md\n```\n', tmp_path)
    errors = page.find_class("pathway-error")
    assert len(errors) == 3 and "missing.md" in errors[0].text_content() and "other.md" in errors[2].text_content()
