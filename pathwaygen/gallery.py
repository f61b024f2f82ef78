"""The gallery of a build: ``OUTDIR/index.html`` and ``OUTDIR/index.md``.

``index.html`` is one static page (no script, no external resource, so it works from
``file://``) listing every figure with its title, inline SVG, caption, node and edge counts
and links to its GPML and JSON. Past :data:`INLINE_LIMIT` figures the SVGs are linked as
lazily loaded images instead, so a huge collection still gives a page a browser can open. ``index.md`` is the same list for a Markdown viewer.

Also home of :func:`inline_svg`, which makes an SVG file safe to inline into an HTML page
next to other SVGs (ids prefixed, scripts dropped, accessible name set); the Sphinx and
Markdown extensions use it too.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2
from lxml import etree
from markupsafe import Markup

from . import __version__
from .atomic import write_atomic
from .errors import GraphFormatError, RecordError
from .limits import xml_safe
from .writers import FORMATS

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
_ID_LIST_ATTRS = ("aria-labelledby", "aria-describedby")

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).resolve().parent / "templates")),
    autoescape=True,  # every caption and title is escaped; only inline_svg output is Markup
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def _markdown_escape(text: str) -> Markup:
    """Return `text` as one line of Markdown that reads back as exactly this text.

    Markdown punctuation is backslash-escaped; ``&``, ``<`` and ``>`` become character
    references, since Markdown passes raw HTML through (a title ``<script>`` would run) and
    not every renderer honours a backslash before ``<``. Returned as Markup, so the template's
    autoescape does not escape it twice (``\\&lt;`` shows a stray backslash).
    """
    line = re.sub(r"([\\`*_\[\]|#!])", r"\\\1", " ".join(str(text).split()))
    line = re.sub(r"^([-+])|^(\d+)([.)])", lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)  # not a list
    return Markup(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


_ENV.filters["md"] = _markdown_escape


class SvgError(GraphFormatError, ValueError):
    """An SVG cannot be inlined: not well-formed, not an SVG, or it declares a DOCTYPE."""


#: elements that run code or embed other documents: never inlined
_DROPPED_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"})
#: SVG animation elements: they can rewrite an href to a javascript: URL after load
_ANIMATIONS = frozenset({"set", "animate", "animateTransform", "animateMotion", "animateColor"})
#: URL schemes that run code or smuggle a document when followed
_UNSAFE_URL = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.I)
#: CSS that fetches from outside the page (anything but a url(#fragment))
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)", re.I)


def _scheme_text(value: str) -> str:
    """A URL as a browser reads its scheme: without whitespace and control characters."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def _sanitize(root: etree._Element) -> None:
    """Drop what can run code or fetch from outside: scripts, handlers, unsafe links, external CSS."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if element is not root and (name in _DROPPED_ELEMENTS or name in _ANIMATIONS
                                    or etree.QName(element).namespace not in (SVG_NS, None)):
            element.getparent().remove(element)
            continue
        if name == "style" and element.text and _EXTERNAL_CSS.search(element.text):
            element.getparent().remove(element)
            continue
        for attr in list(element.attrib):
            local = etree.QName(attr).localname.lower()
            value = element.attrib[attr]
            if local.startswith("on") or _UNSAFE_URL.match(_scheme_text(value)) \
                    or (local == "style" and _EXTERNAL_CSS.search(value)):
                del element.attrib[attr]
            elif local == "href" and name != "a" and not value.startswith("#"):
                del element.attrib[attr]  # <use>, <image>, <feImage>: only references inside the SVG


def inline_svg(svg_text: str | bytes, prefix: str, alt: str | None = None) -> Markup:
    """Return `svg_text` as markup ready to inline into HTML.

    Every ``id`` gets `prefix` (and each ``url(#id)``, ``href="#id"`` and ARIA id reference
    follows), so several diagrams on one page never share an id. Whatever could run code or
    fetch from elsewhere is dropped: scripts, ``foreignObject``, animation elements, ``on*``
    attributes, ``javascript:``/``data:`` URLs, external references and CSS imports; a DOCTYPE
    (entities, external DTDs) is refused with :class:`SvgError`. The XML declaration goes.
    When `alt` is given it becomes the SVG's accessible name (``<title>`` and ``aria-label``);
    ``role="img"`` is always set.
    """
    data = svg_text.encode("utf-8") if isinstance(svg_text, str) else svg_text
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False,
                             load_dtd=False, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SvgError(f"not a well-formed SVG ({' '.join(str(exc).split())})") from None
    if root.getroottree().docinfo.doctype:
        raise SvgError("an SVG with a DOCTYPE is not inlined (entities and external DTDs are refused)")
    if etree.QName(root).localname != "svg":
        raise SvgError("not an SVG document")
    _sanitize(root)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}

    def rename(ident: str) -> str:
        return f"{prefix}-{ident}" if ident in ids else ident

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if name == "id":
                element.set(name, rename(value))
            elif name in ("href", XLINK_HREF) and value.startswith("#"):
                element.set(name, "#" + rename(value[1:]))
            elif name in _ID_LIST_ATTRS:
                element.set(name, " ".join(rename(v) for v in value.split()))
            elif "url(#" in value:
                element.set(name, _URL_REF.sub(lambda m: f"url(#{rename(m.group(1))})", value))
        if etree.QName(element).localname == "style" and element.text and "url(#" in element.text:
            element.text = _URL_REF.sub(lambda m: f"url(#{rename(m.group(1))})", element.text)
    root.set("role", "img")
    # without a size an inline SVG fills its container: a two-node diagram would be drawn
    # page-wide. Its natural size is the viewBox; CSS may still shrink it (max-width: 100%).
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4 and root.get("width") is None and root.get("height") is None:
        root.set("width", box[2])
        root.set("height", box[3])
    if alt is not None:
        title = root.find(f"{{{SVG_NS}}}title")
        if title is None:
            title = etree.Element(f"{{{SVG_NS}}}title")
            root.insert(0, title)
        for child in list(title):
            title.remove(child)
        title.text = alt
        root.set("aria-label", alt)
    return Markup(etree.tostring(root, encoding="unicode"))


#: above this many figures the page links each SVG as a lazily loaded <img> instead of inlining
#: it: 10,000 inline diagrams make a 200 MB page no browser opens comfortably
INLINE_LIMIT = 1000


def gallery_entries(outdir: Path, figures: Mapping[str, Mapping[str, Any]], formats: Sequence[str]) -> list[dict[str, Any]]:
    """The template rows: one per figure, with its inline SVG (or image link) and its file links."""
    rows = []
    inline = len(figures) <= INLINE_LIMIT
    for number, (figid, info) in enumerate(figures.items(), start=1):
        svg = image = None
        svg_path = outdir / f"{figid}.svg"
        if "svg" in formats and svg_path.is_file():
            if inline:
                svg = inline_svg(svg_path.read_bytes(), prefix=f"f{number}", alt=None)
            else:
                image = svg_path.name
        links = [(FORMATS[name].name.upper(), f"{figid}{FORMATS[name].extension}") for name in formats]
        # the anchor GitHub and Python-Markdown's toc give the "## <figid>" heading
        anchor = re.sub(r"[^a-z0-9_\- ]", "", figid.lower()).replace(" ", "-")
        # xml_safe: a control character or lone surrogate would make the page unwritable as UTF-8
        rows.append({"figid": figid, "anchor": anchor, "title": xml_safe(str(info.get("title") or figid)),
                     "caption": xml_safe(str(info.get("caption", ""))),
                     "nodes": info.get("nodes", 0), "edges": info.get("edges", 0), "svg": svg, "image": image,
                     "links": links})
    return rows


def render_gallery(outdir: Path, figures: Mapping[str, Mapping[str, Any]], formats: Sequence[str]) -> tuple[str, str]:
    """Return the (index.html, index.md) texts for `figures` (figid -> manifest entry), in order."""
    rows = gallery_entries(outdir, figures, formats)
    context = {"figures": rows, "version": __version__, "formats": list(formats)}
    return _ENV.get_template("gallery.html.j2").render(context), _ENV.get_template("gallery.md.j2").render(context)


def write_gallery(outdir: str | Path, figures: Mapping[str, Mapping[str, Any]], formats: Sequence[str]) -> None:
    """Write ``index.html`` and ``index.md`` into `outdir` (atomically, deterministic bytes)."""
    out = Path(outdir)
    html, markdown = render_gallery(out, figures, formats)
    from .build import write_if_changed

    write_if_changed(out / "index.html", html)
    write_if_changed(out / "index.md", markdown)


# --------------------------------------------------------------------------- embedding in docs


@functools.lru_cache(maxsize=None)
def _svg_settings() -> str:
    """The settings hash of an SVG rendering (code, rules, lexicon, version), computed once."""
    from .build import settings_digest

    return settings_digest(("svg",))


def diagram_svg(*, record: str | Path | None = None, caption: str | None = None, title: str = "",
                cache_dir: str | Path | None = None) -> str:
    """Return the SVG text for a record file or for a caption, cached by content hash.

    The cache key covers the record bytes (or the caption and title) and everything else that
    decides the drawing (:func:`pathwaygen.build.settings_digest`), so a cached file is reused
    only when it would come out identical. `cache_dir` None disables the cache.
    """
    if (record is None) == (caption is None):
        raise ValueError("give exactly one of record= and caption=")
    if record is not None:
        try:
            payload = b"record\0" + Path(record).read_bytes()
        except OSError as exc:
            raise RecordError(str(record), f"cannot read ({exc.strerror or exc})") from None
    else:
        payload = b"caption\0" + title.encode("utf-8") + b"\0" + str(caption).encode("utf-8")
    key = hashlib.sha256(_svg_settings().encode() + b"\0" + payload).hexdigest()
    cached = Path(cache_dir) / f"{key}.svg" if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    from .pipeline import figure_to_graph, text_to_graph
    from .record import load_record
    from .writers import get_writer

    if record is not None:
        graph = figure_to_graph(load_record(str(record)))
    else:
        graph = text_to_graph(str(caption), figid=f"pathway-{key[:12]}", title=title)
    svg = get_writer("svg")(graph, None)
    if cached is not None:
        write_atomic(cached, svg)
    return svg


def embed_html(svg_text: str, prefix: str, *, title: str = "", alt: str | None = None, align: str = "center") -> Markup:
    """Wrap a diagram as ``<figure class="pathway align-...">`` with inline SVG and a caption.

    `alt` (default: the title, else the SVG's own title) is the SVG's accessible name; the
    title, when given, is shown as the ``<figcaption>``.
    """
    if align not in ("left", "center", "right"):
        raise ValueError(f"align must be left, center or right, not {align!r}")
    svg = inline_svg(svg_text, prefix, alt=alt if alt else (title or None))
    caption = Markup("<figcaption>{}</figcaption>").format(title) if title else Markup("")
    return Markup('<figure class="pathway align-{}">{}{}</figure>').format(align, svg, caption)
