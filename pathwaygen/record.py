"""Read a PFOCR figure record (Markdown with YAML front matter) into a :class:`Figure`.

Two layouts exist: the current one (``organisms`` a list, OCR genes only under
``schema-jsonld.keywords``) and the older one (``organisms`` a scalar string, plus
``genes:``/``chemicals:`` blocks of OCR hits). Both are read; only ``yaml.safe_load`` is used.
Every problem raises :class:`RecordError` naming the file and the problem in one line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import RecordError
from .model import Figure

#: a figid becomes a file name: letters, digits, dot, dash, underscore; no leading dot
_SAFE_FIGID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def _front_matter(text: str, path: str) -> str:
    """Return the YAML between the opening ``---`` line and the next ``---`` line."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise RecordError(path, "no YAML front matter (the file must start with a '---' line)")
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:i])
    raise RecordError(path, "front matter is not closed by a '---' line")


def _strings(value: object) -> tuple[str, ...]:
    """A scalar or a list of scalars as a tuple of non-empty strings ("NA" dropped)."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, (str, int, float)) and str(item).strip() and str(item).strip() != "NA":
            out.append(str(item).strip())
    return tuple(out)


def _scalar(data: dict, key: str) -> str:
    """A scalar field as a stripped string ("" when absent or not a scalar)."""
    value = data.get(key)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def _ocr_genes(data: dict) -> tuple[str, ...]:
    """Genes PFOCR read from the image: schema-jsonld keywords, else the old ``genes:`` block."""
    seen: dict[str, None] = {}
    schema = data.get("schema-jsonld")
    if isinstance(schema, dict):
        for gene in _strings(schema.get("keywords")):
            seen.setdefault(gene, None)
    genes = data.get("genes")
    if isinstance(genes, list):
        for entry in genes:
            if isinstance(entry, dict):
                symbol = entry.get("hgnc_symbol") or entry.get("symbol")
                if isinstance(symbol, str) and symbol.strip():
                    seen.setdefault(symbol.strip(), None)
    return tuple(seen)


def parse_record(text: str, path: str = "<text>") -> Figure:
    """Parse the text of a figure record; `path` is only used in messages and ``Figure.source``."""
    try:
        # libyaml's safe loader when present: 10x faster, and batch builds parse thousands
        data = yaml.load(_front_matter(text, path), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise RecordError(path, f"broken YAML front matter{where}: {problem}") from None
    if not isinstance(data, dict):
        raise RecordError(path, "front matter is not a YAML mapping")
    figid = _scalar(data, "figid")
    if not figid:
        raise RecordError(path, "no figid")
    if not _SAFE_FIGID.fullmatch(figid) or ".." in figid:
        raise RecordError(path, f"figid {figid!r} is not a safe file name (letters, digits, '.', '-', '_')")
    caption = data.get("caption")
    if not isinstance(caption, str) or not caption.strip():
        raise RecordError(path, "no caption")
    return Figure(
        figid=figid,
        title=_scalar(data, "figtitle"),
        caption=caption.strip(),
        organisms=_strings(data.get("organisms")),
        pmcid=_scalar(data, "pmcid"),
        doi=_scalar(data, "doi"),
        pmid=_scalar(data, "pmid"),
        year=_scalar(data, "year"),
        paper_title=_scalar(data, "papertitle"),
        ocr_genes=_ocr_genes(data),
        source=path,
    )


def load_record(path: str | Path) -> Figure:
    """Read the figure record at `path`; raise RecordError (file + problem) when it is unusable."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordError(name, "no such file") from None
    except IsADirectoryError:
        raise RecordError(name, "is a folder, not a record file") from None
    except UnicodeDecodeError:
        raise RecordError(name, "not UTF-8 text") from None
    except OSError as exc:
        raise RecordError(name, exc.strerror or "cannot be read") from None
    return parse_record(text, name)
