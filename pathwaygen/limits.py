"""What pathwaygen accepts: size and time limits, and the characters every output can carry.

Captions and records come from the web, graph files from other tools. These limits keep one
bad input from stalling a batch: a record file is read only up to :data:`MAX_RECORD_BYTES`,
a caption may have up to :data:`MAX_CAPTION_CHARS` characters (real figure legends have a
few thousand), a graph file (GPML, JSON) up to :data:`MAX_GRAPH_FILE_BYTES`, and `build`
gives each record :data:`DEFAULT_TIME_BUDGET` seconds before it reports it and moves on.

:func:`xml_safe` replaces the characters that XML 1.0 cannot carry (NUL and other C0 controls,
lone surrogates, U+FFFE/U+FFFF) so that every output format stays well-formed and encodable
as UTF-8 whatever text came in.
"""

from __future__ import annotations

import os
import re
import stat

from .errors import PathwaygenError

#: the longest caption accepted (characters); the longest of the 90 development captions has 2,840
MAX_CAPTION_CHARS = 100_000
#: the largest record file read (bytes): a record with a 1 MB caption is still read, so that it
#: gets the caption message, which says what is wrong, rather than a file size
MAX_RECORD_BYTES = 4_000_000
#: the largest GPML or graph JSON file read by `render` and `compare` (bytes)
MAX_GRAPH_FILE_BYTES = 50_000_000
#: seconds one record may take in `build` before it is reported and skipped (`--time-budget`)
DEFAULT_TIME_BUDGET = 60.0

#: characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: the forbidden characters that are whitespace become a space, the others U+FFFD
_SPACES = {"\x0b": " ", "\x0c": " ", "\x1c": " ", "\x1d": " ", "\x1e": " ", "\x1f": " "}


def xml_safe(text: str) -> str:
    """Return `text` with every character XML 1.0 forbids replaced (a space or U+FFFD).

    The length is kept (one character for one), so offsets into the text stay valid.
    """
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda m: _SPACES.get(m.group(), "\ufffd"), text)


def all_xml_safe(texts: list[str]) -> bool:
    """Whether no text of `texts` holds a character XML 1.0 forbids (:func:`xml_safe` would
    change none of them)."""
    # (one search over them joined: a newline is no forbidden character, so the joined text
    # holds one exactly when a text does)
    return _NOT_XML.search("\n".join(texts)) is None


def caption_problem(caption: str) -> str | None:
    """Return why `caption` is refused (too long), or None when it is accepted."""
    if len(caption) > MAX_CAPTION_CHARS:
        return f"caption has {len(caption):,} characters, over the limit of {MAX_CAPTION_CHARS:,}"
    return None


def check_caption(caption: str, where: str = "caption") -> None:
    """Raise PathwaygenError (one line, naming `where`) when `caption` is over the size limit."""
    problem = caption_problem(caption)
    if problem is not None:
        raise PathwaygenError(f"{where}: {problem}")


#: the deepest nesting of YAML collections accepted (PFOCR records nest 3 deep, curated graphs 4)
MAX_YAML_DEPTH = 32


def yaml_problem(text: str) -> str | None:
    """Return why YAML `text` is refused before it is built, or None.

    Streams libyaml's events (nothing is built): an alias (``*name``) is refused, since a few
    lines of them make a "billion laughs" structure that any later repr or walk expands, and
    so is nesting deeper than :data:`MAX_YAML_DEPTH` (libyaml's composer recurses in C and
    crashes the process with SIGSEGV from about 50,000 levels). Syntax errors are left to the
    loader, which reports them with their line.
    """
    import yaml

    depth = 0
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark is not None else 0
                return f"YAML aliases (*{event.anchor}) are not allowed (line {line})"
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark is not None else 0
                    return f"YAML nested more than {MAX_YAML_DEPTH} levels deep (line {line})"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) refuses deep flow nesting itself while its
        # scanner looks ahead, before our count sees the 33rd level: same refusal, same words
        if "nesting depth" in str(getattr(exc, "problem", "") or ""):
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            return f"YAML nested more than {MAX_YAML_DEPTH} levels deep (line {line})"
        return None
    return None


def special_file_problem(path: str | os.PathLike[str]) -> str | None:
    """Return why `path` is not read, when it exists but is no regular file (a FIFO, socket, device).

    Opening a FIFO blocks until something writes to it and a device never ends: a reader of
    untrusted paths checks this first. A missing path or a folder is left to the caller.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "not a regular file (a pipe, socket or device)"


#: control characters a terminal acts on (ESC sequences can retitle a window, hide or fake text)
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str, keep_newlines: bool = True) -> str:
    """Return `text` with control characters shown as ``\\xNN``, so printing it cannot drive the terminal.

    A file name or a curated node name may hold an escape sequence. Tabs stay; newlines stay
    unless `keep_newlines` is False (a report line must stay one line).
    """
    pattern = _TERMINAL_CONTROLS if keep_newlines else re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
