"""Python-Markdown extension (for MkDocs and plain Python-Markdown): fenced ``pathway`` blocks.

A fenced block whose info string is ``pathway`` becomes an inline SVG diagram::

    ```pathway title="STING signaling" align="center"
    STING then activates TBK1, which phosphorylates IRF3.
    ```

    ```pathway record="seeds/pathwaygen__demo1.md"
    ```

The body is a caption; ``record="PATH"`` (or a body that is one ``.md`` path)
draws a figure record instead. Attributes: ``title``, ``alt``, ``align`` (left, center,
right). MkDocs ``mkdocs.yml``::

    markdown_extensions:
      - pathwaygen.markdown_ext:
          base_path: .            # where record paths start (default: the working folder)
          cache_dir: .pathwaygen-cache

With plain Python-Markdown: ``markdown.markdown(text, extensions=["pathwaygen.markdown_ext"])``.
A block that cannot be drawn becomes a visible error paragraph (never a crash of the site build).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from .errors import PathwaygenError
from .gallery import diagram_svg, embed_html

_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?pathway\b(?P<attrs>[^`]*?)\}?[ \t]*$")
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def parse_attrs(text: str) -> dict[str, str]:
    """Parse ``key="value" key2='v' key3=v`` from a fence's info string."""
    return {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(text)}


class PathwayPreprocessor(Preprocessor):
    """Replace each fenced ``pathway`` block by a stashed HTML figure."""

    def __init__(self, md: Markdown, base_path: str, cache_dir: str) -> None:
        super().__init__(md)
        self.base_path = Path(base_path)
        self.cache_dir = cache_dir or None
        self.count = 0

    def render(self, body: list[str], attrs: dict[str, str]) -> str:
        """Return the HTML for one block (an error paragraph when it cannot be drawn)."""
        title = attrs.get("title", "")
        text = "\n".join(body).strip()
        record = attrs.get("record")
        if record is None and text.endswith(".md") and not any(c.isspace() for c in text):
            record = text  # one word ending in .md is a path, never a caption
        try:
            if record is not None:
                svg = diagram_svg(record=self.base_path / record, cache_dir=self.cache_dir)
            elif text:
                svg = diagram_svg(caption=" ".join(text.split()), title=title, cache_dir=self.cache_dir)
            else:
                raise PathwaygenError("pathway block: give a caption or record=\"PATH\"")
            self.count += 1
            key = hashlib.sha256(svg.encode()).hexdigest()[:8]
            return str(embed_html(svg, f"pathway{self.count}-{key}", title=title, alt=attrs.get("alt") or None,
                                  align=attrs.get("align", "center")))
        except (PathwaygenError, ValueError) as exc:
            return str(Markup('<p class="pathway-error"><strong>pathway:</strong> {}</p>').format(str(exc)))

    def run(self, lines: list[str]) -> list[str]:
        """Find fenced pathway blocks; everything else passes through unchanged."""
        out: list[str] = []
        self.count = 0  # ids restart per document: the same page gives the same bytes
        i = 0
        while i < len(lines):
            match = _OPEN.match(lines[i])
            if not match:
                out.append(lines[i])
                i += 1
                continue
            fence = match.group("fence")
            end = i + 1
            while end < len(lines) and not (lines[end].strip().startswith(fence[0] * len(fence))
                                            and set(lines[end].strip()) == {fence[0]}):
                end += 1
            html = self.render(lines[i + 1:end], parse_attrs(match.group("attrs")))
            out.extend(["", self.md.htmlStash.store(html), ""])
            i = end + 1
        return out


class PathwayExtension(Extension):
    """Register the ``pathway`` fence (before fenced_code, which would take it as code)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_path": [".", "Folder that record paths are relative to"],
            "cache_dir": ["", "Folder for cached SVGs (empty: no cache)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        """Add the preprocessor; priority 28 runs after whitespace normalising, before fenced_code (25)."""
        md.preprocessors.register(
            PathwayPreprocessor(md, self.getConfig("base_path"), self.getConfig("cache_dir")), "pathway", 28)


def makeExtension(**kwargs: Any) -> PathwayExtension:  # noqa: N802 (Python-Markdown's entry point name)
    """Entry point Python-Markdown and MkDocs call for ``pathwaygen.markdown_ext``."""
    return PathwayExtension(**kwargs)
