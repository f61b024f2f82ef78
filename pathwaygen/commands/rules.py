"""`pathwaygen rules check|list [--rules DIR]`: validate the relation rules and run their examples.

``check`` loads and compiles every rule (a malformed file is reported as one line naming the
file and problem), runs every example of every rule through the whole reader and lists the
failing ones; it exits with status 1 when any example fails. ``list`` prints the rules.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..rules import RULES_DIR, check_rules, load_rules


@click.group()
def cli() -> None:
    """Check or list the extraction rules (rules/relations/*.yaml)."""


_RULES_OPTION = click.option("--rules", "rules_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
                             default=RULES_DIR, show_default=True, help="Folder of rule files.")


@cli.command("check")
@_RULES_OPTION
def check(rules_dir: Path) -> None:
    """Compile every rule and run every example; report the failing ones."""
    rules = load_rules(rules_dir)
    failures = check_rules(rules)
    examples = sum(len(r.examples) for r in rules)
    for rule, example, problems in failures:
        click.echo(f"FAIL {rule.id} ({Path(rule.source).name}): {example.text!r}")
        for problem in problems:
            click.echo(f"     {problem}")
    click.echo(f"{len(rules)} rules, {examples} examples, {len(failures)} failing")
    if failures:
        raise SystemExit(1)


@cli.command("list")
@_RULES_OPTION
def list_rules(rules_dir: Path) -> None:
    """List the rules: id, relation, priority, file."""
    for rule in load_rules(rules_dir):
        click.echo(f"{rule.id:40s} {rule.relation:17s} {rule.priority:3d}  {Path(rule.source).name}")
