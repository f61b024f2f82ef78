"""`pathwaygen build SEEDS... -o OUTDIR`: build diagrams and the gallery for every record."""

from __future__ import annotations

import sys

import click

from ..build import build
from ..limits import DEFAULT_TIME_BUDGET, terminal_safe
from ..writers import FORMATS


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    """Parse "svg,gpml,json" into a tuple of known format names."""
    names = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return names


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("seeds", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for <figid>.svg/.gpml/.json, index.html and index.md.")
@click.option("--formats", default="svg,gpml,json", show_default=True, callback=_formats,
              help=f"Comma-separated output formats, of: {', '.join(FORMATS)}.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores].")
@click.option("--force", is_flag=True, help="Rebuild every figure, even unchanged ones.")
@click.option("--no-gallery", is_flag=True, help="Do not write index.html and index.md.")
@click.option("--time-budget", "time_budget", type=click.FloatRange(min=0), default=DEFAULT_TIME_BUDGET,
              show_default=True, metavar="SECONDS",
              help="Seconds one record may take; a slower one is reported and skipped (0: no limit).")
def cli(seeds: tuple[str, ...], outdir: str, formats: tuple[str, ...], jobs: int | None, force: bool,
        no_gallery: bool, time_budget: float) -> None:
    """Build a diagram for every record in SEEDS (record files or folders of *.md records).

    Unchanged figures (same record, rules, lexicon, version and formats) are skipped. A bad
    record is reported as "file: problem" and the others still build; so is a record that
    takes longer than --time-budget. The exit code is 1 when any record failed. Ctrl-C stops
    cleanly: no half-written file is left behind.
    """
    report = build(seeds, outdir, formats=formats, jobs=jobs, force=force, gallery=not no_gallery,
                   progress=sys.stderr.isatty(), time_budget=time_budget,
                   report_failure=lambda line: click.echo(terminal_safe(line, keep_newlines=False), err=True))
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)
