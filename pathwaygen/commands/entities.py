"""`pathwaygen entities RECORD_OR_DIR | --text "..."`: the entities a caption names, grounded.

Prints a table (mention, offsets, entity id, type, main xref, modifiers) or, with
``--format json``, one JSON document. With ``--gold DIR`` it scores the recognised entities of
every record against the curated graphs in DIR (node precision/recall with the one matcher
in `pathwaygen.evaluate`), which is how the entity stage measures itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import PathwaygenError, RecordError
from ..model import Figure, Mention
from ..recognize import recognize
from ..record import load_record
from ..text import prepare

_XREF_ORDER = ("hgnc", "fplx", "chebi", "go")


def _records(paths: tuple[Path, ...]) -> list[Path]:
    """Record files named directly or found (*.md) in folders, sorted, no duplicates."""
    files: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.glob("*.md")):
                files.setdefault(child, None)
        else:
            files.setdefault(path, None)
    return list(files)


def _mention_dict(mention: Mention) -> dict:
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "modifiers": sorted(mention.modifiers),
        "entities": [
            {
                "id": e.id,
                "label": e.label,
                "type": e.type,
                "xrefs": dict(e.xrefs),
                "members": [m.id for m in e.members],
            }
            for e in mention.entities
        ],
    }


def _main_xref(entity) -> str:
    for prefix in _XREF_ORDER:
        value = entity.xref(prefix)
        if value:
            return f"{prefix}:{value}"
    return ""


def _table(figid: str, mentions: list[Mention]) -> str:
    """A readable fixed-width table of mentions (rich is not needed for plain columns)."""
    rows = [("mention", "span", "entity", "type", "xref", "modifiers")]
    for m in mentions:
        for i, e in enumerate(m.entities):
            rows.append((
                m.text if i == 0 else "",
                f"{m.start}-{m.end}" if i == 0 else "",
                e.id,
                e.type,
                _main_xref(e),
                ",".join(sorted(m.modifiers)) if i == 0 else "",
            ))
    widths = [min(max(len(r[c]) for r in rows), 40) for c in range(len(rows[0]))]
    lines = [f"# {figid}: {len(mentions)} mentions, {len({e.id for m in mentions for e in m.entities})} entities"]
    for row in rows:
        lines.append("  ".join(cell[:40].ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def _score(figures: list[Figure], gold_dir: Path) -> str:
    """Node precision/recall of the recognised entities against curated graphs."""
    from ..evaluate import cooccurrence_from_mentions, score
    from ..readers.curated import read_curated

    curated, generated = {}, {}
    for fig in figures:
        gold = gold_dir / f"{fig.figid}.yaml"
        if not gold.exists():
            continue
        curated[fig.figid] = read_curated(gold)
        text = prepare(fig.caption)
        generated[fig.figid] = cooccurrence_from_mentions(text.original, (), recognize(text), figid=fig.figid)
    if not curated:
        raise PathwaygenError(f"{gold_dir}: no curated graph matches the records given")
    nodes = score(curated, generated).nodes
    return (f"{len(curated)} figures, entity nodes: precision {nodes.precision:.3f}  recall {nodes.recall:.3f}  "
            f"F1 {nodes.f1:.3f}  (tp {nodes.tp}, fp {nodes.fp}, fn {nodes.fn})")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--text", "text", default=None, help="Recognise entities in this text instead of records.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Score the records' entities against the curated graphs in this folder (node P/R).")
def cli(paths: tuple[Path, ...], text: str | None, fmt: str, gold_dir: Path | None) -> None:
    """Recognise and ground the entities of figure records (files or folders) or of --text."""
    if text is None and not paths:
        raise click.UsageError("give record files or folders, or --text")
    figures: list[Figure] = []
    if text is not None:
        figures.append(Figure(figid="text", title="", caption=text))
    files = _records(paths)
    failed = 0
    for path in files:
        try:
            figures.append(load_record(path))
        except RecordError as exc:
            if len(files) == 1:
                raise
            # one bad record in a folder is reported and the others still run
            click.echo(f"pathwaygen: error: {exc}", err=True)
            failed += 1
    if gold_dir is not None:
        click.echo(_score(figures, gold_dir))
        if failed:
            raise SystemExit(1)
        return
    results = []
    for fig in figures:
        prepared = prepare(fig.caption)
        results.append((fig, recognize(prepared)))
    if fmt == "json":
        doc = [{"figid": fig.figid, "source": fig.source, "mentions": [_mention_dict(m) for m in mentions]}
               for fig, mentions in results]
        click.echo(json.dumps(doc[0] if text is not None and len(doc) == 1 else doc, ensure_ascii=False, indent=1))
        if failed:
            raise SystemExit(1)
        return
    click.echo("\n\n".join(_table(fig.figid, mentions) for fig, mentions in results))
    if failed:
        raise SystemExit(1)
