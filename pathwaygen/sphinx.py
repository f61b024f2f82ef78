"""Sphinx extension: draw pathway diagrams inline with the ``pathway`` directive.

Enable it in ``conf.py``::

    extensions = ["pathwaygen.sphinx"]

then write either a record path (relative to the document, or ``/``-rooted at the source
folder) or a caption::

    .. pathway:: ../seeds/PMC4034077__pharmaceuticals-03-03478-g001.md
       :align: center

    .. pathway::
       :title: STING signaling
       :alt: STING activates TBK1, which phosphorylates IRF3

       STING then activates TBK1, which phosphorylates IRF3.

The diagram is inlined as accessible SVG (``role="img"``, a ``<title>``, ids unique on the
page) inside ``<figure class="pathway align-...">``. Renderings are cached by content hash in
``<doctreedir>/pathwaygen`` (or ``pathway_cache_dir``), and a record file is a dependency of
its document, so editing it rebuilds the page. Non-HTML builders skip the diagram.
"""

from __future__ import annotations

import os
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .errors import PathwaygenError
from .gallery import diagram_svg, embed_html


def _align(argument: str) -> str:
    """Validate the :align: option."""
    return directives.choice(argument, ("left", "center", "right"))


class PathwayDirective(SphinxDirective):
    """``.. pathway:: [RECORD]`` with a record path or a caption as its body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"title": directives.unchanged, "alt": directives.unchanged, "align": _align}

    def _record_path(self) -> tuple[str, str] | None:
        """(relative, absolute) path of the record the directive names, or None for a caption."""
        body = [line.strip() for line in self.content if line.strip()]
        if self.arguments:
            candidate = self.arguments[0].strip()
        elif len(body) == 1 and body[0].endswith(".md") and not any(c.isspace() for c in body[0]):
            candidate = body[0]  # one word ending in .md is a path, never a caption
        else:
            return None
        return self.env.relfn2path(candidate)

    def run(self) -> list[nodes.Node]:
        """Render the diagram (or reuse the cached one) and return it as raw HTML."""
        title = self.options.get("title", "").strip()
        alt = self.options.get("alt", "").strip() or None
        align = self.options.get("align", "center")
        cache_dir = self.config.pathway_cache_dir or os.path.join(self.env.doctreedir, "pathwaygen")
        record = self._record_path()
        try:
            if record is not None:
                self.env.note_dependency(record[0])
                svg = diagram_svg(record=record[1], cache_dir=cache_dir)
            else:
                caption = " ".join(line.strip() for line in self.content if line.strip())
                if not caption:
                    raise self.error("pathway: give a record path or a caption as the body")
                svg = diagram_svg(caption=caption, title=title, cache_dir=cache_dir)
        except PathwaygenError as exc:
            raise self.error(f"pathway: {exc}") from None
        # ids must be unique on the page: number the diagrams of each document
        count = self.env.temp_data.get("pathway_count", 0) + 1
        self.env.temp_data["pathway_count"] = count
        prefix = f"pathway{count}"
        html = embed_html(svg, prefix, title=title, alt=alt, align=align)
        node = nodes.raw("", str(html), format="html")
        self.set_source_info(node)
        return [node]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``pathway`` directive and the ``pathway_cache_dir`` setting."""
    app.add_config_value("pathway_cache_dir", "", "env", [str])
    app.add_directive("pathway", PathwayDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
