"""Read a PFOCR figure record (Markdown with YAML front matter) into a :class:`Figure`.

Two layouts exist: the current one (``organisms`` a list, OCR genes only under
``schema-jsonld.keywords``) and the older one (``organisms`` a scalar string, plus
``genes:``/``chemicals:`` blocks of OCR hits). Both are read; only safe YAML loading is used (pathwaygen.yaml_io).
Every problem raises :class:`RecordError` naming the file and the problem in one line.

Records come from the web, so the loader is defensive: a file over
:data:`pathwaygen.limits.MAX_RECORD_BYTES` is not read, YAML aliases (``*name``, the
"billion laughs" of YAML) and nesting deeper than
:data:`pathwaygen.limits.MAX_YAML_DEPTH` are refused before
the document is built (libyaml's composer recurses in C and crashes the process on very deep
nesting), a caption over :data:`pathwaygen.limits.MAX_CAPTION_CHARS` is refused, and the
characters XML cannot carry (NUL, other control characters, lone surrogates) are replaced
in every text field, one character for one (:func:`pathwaygen.limits.xml_safe`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .errors import RecordError
from .limits import MAX_RECORD_BYTES, caption_problem, special_file_problem, xml_safe, yaml_problem
from .model import Figure
from .yaml_io import load_yaml

#: a figid becomes a file name: letters, digits, dot, dash, underscore; no leading dot
_SAFE_FIGID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
#: device names Windows will not use as file names, whatever the extension
_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                             *(f"lpt{i}" for i in range(1, 10))})


def figid_problem(figid: str) -> str | None:
    """Return why `figid` cannot name output files, or None when it can."""
    if not _SAFE_FIGID.fullmatch(figid) or ".." in figid or figid.split(".")[0].lower() in _RESERVED_NAMES:
        return f"figid {figid!r} is not a safe file name (letters, digits, '.', '-', '_')"
    return None


def size_problem(size: int) -> str | None:
    """Return why a record file of `size` bytes is not read, or None when it is small enough."""
    if size > MAX_RECORD_BYTES:
        return f"file has {size:,} bytes, over the record limit of {MAX_RECORD_BYTES:,}"
    return None


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


def _type_name(value: object) -> str:
    """The YAML name of a value's type, for messages ("a list", "a mapping", "a number")."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"


def _load_front(front: str, path: str) -> object:
    """Parse the front matter YAML safely; every YAML problem is a one-line RecordError."""
    problem = yaml_problem(front)
    if problem is not None:
        # the line counts from the front matter; the file has the opening '---' above it
        problem = re.sub(r"\(line (\d+)\)$", lambda m: f"(line {int(m.group(1)) + 1})", problem)
        raise RecordError(path, problem.replace(" are not allowed", " are not allowed in a record"))
    try:
        return load_yaml(front)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        line = front.count("\n", 0, exc.position) + 2
        raise RecordError(path, f"broken YAML front matter at line {line}: character U+{ord(char):04X} "
                                f"is not allowed in YAML") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = " ".join(str(getattr(exc, "problem", None) or "invalid YAML").split())
        raise RecordError(path, f"broken YAML front matter{where}: {problem}") from None
    except RecursionError:  # the pure-Python loader, should the depth check ever miss a case
        raise RecordError(path, "YAML nested too deeply") from None


def parse_record(text: str, path: str = "<text>") -> Figure:
    """Parse the text of a figure record; `path` is only used in messages and ``Figure.source``."""
    if not text.strip():
        raise RecordError(path, "empty file")
    data = _load_front(_front_matter(text, path), path)
    if not isinstance(data, dict):
        raise RecordError(path, "front matter is not a YAML mapping")
    raw_figid = data.get("figid")
    if raw_figid is not None and not isinstance(raw_figid, (str, int, float)) or isinstance(raw_figid, bool):
        raise RecordError(path, f"figid is {_type_name(raw_figid)}, not text")
    figid = _scalar(data, "figid")
    if not figid:
        raise RecordError(path, "no figid")
    problem = figid_problem(figid)
    if problem is not None:
        raise RecordError(path, problem)
    caption = data.get("caption")
    if caption is not None and not isinstance(caption, str):
        raise RecordError(path, f"caption is {_type_name(caption)}, not text")
    caption = xml_safe(caption or "").strip()
    if not caption:
        raise RecordError(path, "no caption")
    problem = caption_problem(caption)
    if problem is not None:
        raise RecordError(path, problem)
    return Figure(
        figid=figid,
        title=xml_safe(_scalar(data, "figtitle")),
        caption=caption,
        organisms=tuple(xml_safe(o) for o in _strings(data.get("organisms"))),
        pmcid=xml_safe(_scalar(data, "pmcid")),
        doi=xml_safe(_scalar(data, "doi")),
        pmid=xml_safe(_scalar(data, "pmid")),
        year=xml_safe(_scalar(data, "year")),
        paper_title=xml_safe(_scalar(data, "papertitle")),
        ocr_genes=tuple(xml_safe(g) for g in _ocr_genes(data)),
        source=path,
    )


def load_record(path: str | Path) -> Figure:
    """Read the figure record at `path`; raise RecordError (file + problem) when it is unusable."""
    name = str(path)
    try:
        special = special_file_problem(path)
        if special is not None:
            raise RecordError(name, special)
        with open(path, "rb") as handle:
            problem = size_problem(os.fstat(handle.fileno()).st_size)
            if problem is not None:
                raise RecordError(name, problem)
            # read one byte past the limit: a file that grows (or a pipe) is still bounded
            data = handle.read(MAX_RECORD_BYTES + 1)
    except FileNotFoundError:
        raise RecordError(name, "no such file") from None
    except IsADirectoryError:
        raise RecordError(name, "is a folder, not a record file") from None
    except OSError as exc:
        raise RecordError(name, exc.strerror or "cannot be read") from None
    if len(data) > MAX_RECORD_BYTES:
        raise RecordError(name, f"file has more than {MAX_RECORD_BYTES:,} bytes, over the record limit")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return parse_record(text, name)
