"""`pathwaygen formats`: list the output formats, one line each, from the writers' registry."""

from __future__ import annotations

import click

from ..writers import FORMATS


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """List the output formats: name, file extension, whether it carries the layout, description.

    Any of these names works in `build --formats`, and any extension in `render -o FILE.ext`.
    """
    name_width = max(len(f.name) for f in FORMATS.values())
    ext_width = max(len(f.extension) for f in FORMATS.values())
    for fmt in FORMATS.values():
        layout = "layout" if fmt.needs_layout else "graph "
        click.echo(f"{fmt.name:<{name_width}}  {fmt.extension:<{ext_width}}  {layout}  {fmt.description}")
