"""`pathwaygen extract RECORD_OR_DIR | --text "..." [-o DIR] [--format json|tsv|yaml]`.

Reads each figure record (or the given text) through the pipeline and writes its graph:
``json`` is the graph JSON interchange format (pathwaygen.graphjson), ``yaml`` the same
document as YAML, ``tsv`` one line per edge (figid, source, relation, target, hedged, rules,
evidence span, sentence). With ``-o DIR`` each record goes to ``DIR/<figid>.<format>``;
otherwise everything is printed (several JSON graphs as one JSON list).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import networkx as nx
import yaml

from ..atomic import write_atomic
from ..errors import PathwaygenError
from ..graphjson import dumps, to_dict
from ..limits import terminal_safe
from ..model import Figure
from ..pipeline import figure_to_graph
from ..record import load_record

TSV_HEADER = ("figid", "source", "relation", "target", "hedged", "rules", "start", "end", "sentence")


def records(paths: tuple[Path, ...]) -> list[Path]:
    """Record files named directly or found (*.md) in folders, sorted, without duplicates."""
    files: dict[Path, None] = {}
    for path in paths:
        for child in (sorted(path.glob("*.md")) if path.is_dir() else [path]):
            files.setdefault(child, None)
    return list(files)


def _tsv_cell(value: object) -> str:
    """One TSV cell: tabs and newlines inside a value become spaces."""
    return " ".join(str(value).split())


def to_tsv(graphs: list[nx.MultiDiGraph], header: bool = True) -> str:
    """The edges of `graphs` as TSV, one line per edge, first evidence span and sentence."""
    lines = ["\t".join(TSV_HEADER)] if header else []
    for graph in graphs:
        doc = to_dict(graph)
        for edge in doc["edges"]:
            first = edge["evidence"][0] if edge["evidence"] else {"start": "", "end": "", "text": ""}
            rules = ",".join(sorted({e["rule"] for e in edge["evidence"]}))
            row = (doc["figid"], edge["source"], edge["relation"], edge["target"],
                   "true" if edge["hedged"] else "false", rules, first["start"], first["end"], first["text"])
            lines.append("\t".join(_tsv_cell(v) for v in row))
    return "\n".join(lines) + "\n"


def to_yaml(graph: nx.MultiDiGraph) -> str:
    """The graph JSON document written as YAML (same keys, same order)."""
    return yaml.safe_dump(to_dict(graph), sort_keys=False, allow_unicode=True, width=100)


def render(graphs: list[nx.MultiDiGraph], fmt: str) -> str:
    """All graphs in one text: a JSON object (one graph) or list, a YAML stream, or one TSV."""
    if fmt == "tsv":
        return to_tsv(graphs)
    if fmt == "yaml":
        return "".join(("---\n" if i else "") + to_yaml(g) for i, g in enumerate(graphs))
    if len(graphs) == 1:
        return dumps(graphs[0])
    return json.dumps([to_dict(g) for g in graphs], ensure_ascii=False, indent=1) + "\n"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--text", "text", default=None, help="Extract from this caption text instead of records.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write DIR/<figid>.<format> per record instead of printing.")
@click.option("--format", "fmt", type=click.Choice(["json", "tsv", "yaml"]), default="json", show_default=True)
def cli(paths: tuple[Path, ...], text: str | None, out_dir: Path | None, fmt: str) -> None:
    """Extract the statements of figure records (files or folders) or of --text, as graphs."""
    if text is None and not paths:
        raise click.UsageError("give record files or folders, or --text")
    figures: list[Figure] = []
    if text is not None:
        figures.append(Figure(figid="text", title="", caption=text))
    failed = 0
    # one bad record is reported on its own line and the others are still extracted
    for path in records(paths):
        try:
            figures.append(load_record(path))
        except PathwaygenError as exc:
            failed += 1
            click.echo(f"pathwaygen: error: {terminal_safe(str(exc), keep_newlines=False)}", err=True)
    graphs = [figure_to_graph(fig) for fig in figures]
    if out_dir is None:
        if graphs:
            click.echo(render(graphs, fmt), nl=False)
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        for graph in graphs:
            write_atomic(out_dir / f"{graph.graph['figid']}.{fmt}", render([graph], fmt))
        click.echo(f"wrote {len(graphs)} {fmt} file(s) to {out_dir}", err=True)
    if failed:
        raise SystemExit(1)
