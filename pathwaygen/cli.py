"""The `pathwaygen` command line: a click group whose subcommands live in `pathwaygen.commands`.

Subcommands are imported only when called, so `pathwaygen --help` stays fast and one
command's heavy imports (lxml, graphviz) never slow another.
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .errors import PathwaygenError

#: subcommand name -> (module under pathwaygen.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "entities": ("entities", "Recognise and ground the entities a caption names."),
    "extract": ("extract", "Extract statements and write the graph JSON of records or text."),
    "rules": ("rules", "Check the extraction rules against their examples."),
    "lexicon": ("lexicon", "Build the packaged lexicon from HGNC and FamPlex tables."),
    "evaluate": ("evaluate", "Score generated graphs against curated graphs (with a co-occurrence baseline)."),
    "render": ("render", "Render one record or graph JSON to SVG, GPML or another format."),
    "build": ("build", "Build diagrams for every record in files and folders."),
    "compare": ("compare", "Compare a curated graph with a generated one."),
    "formats": ("formats", "List the output formats."),
}


class LazyGroup(click.Group):
    """A click group that imports each subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return the subcommand names in order."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return the click command `cmd_name`, or None when unknown."""
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"pathwaygen.commands.{COMMANDS[cmd_name][0]}")
        command: click.Command = module.cli
        command.name = cmd_name
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List subcommands with their one-line help without importing them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in sorted(COMMANDS)])


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="pathwaygen")
def cli() -> None:
    """pathwaygen: turn pathway figure captions into pathway diagrams."""


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and turn project errors into one-line messages."""
    try:
        cli.main(args=argv, prog_name="pathwaygen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("pathwaygen: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except PathwaygenError as exc:
        # a file name may hold control characters: shown escaped, the message stays one line
        from .limits import terminal_safe

        click.echo(f"pathwaygen: error: {terminal_safe(str(exc), keep_newlines=False)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("pathwaygen: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
