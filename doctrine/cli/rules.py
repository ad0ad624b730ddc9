"""`doctrine rules`: the rule catalogue -- every rule, its authority and weight, pin cite, quote
and opinion, and the bundled cases it fires in.

    doctrine rules                                  # text
    doctrine rules --format md > docs/rules.md      # the generated docs/rules.md
    doctrine rules --court eighth_circuit --format json

Exit 0, 2 on bad input (an unknown format or court, rules that do not load).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

FORMATS = ("text", "md", "json")


def register(app: typer.Typer) -> None:
    app.command("rules")(command)


def _bundled_cases() -> list[Path]:
    """scenarios/ and corpus/ of the checkout (or beside the installed package, when shipped)."""
    from doctrine.resources import _ROOT

    return [_ROOT / name for name in ("scenarios", "corpus") if (_ROOT / name).is_dir()]


def command(
    format: str = typer.Option("text", "--format", "-f", help="text, md or json"),
    court: str | None = typer.Option(
        None, "--court", "--jurisdiction", help="state each rule's weight for this circuit (default: its own reach)"
    ),
    cases: list[Path] | None = typer.Option(
        None, "--cases", help="the cases to find where each rule fires (default: the bundled scenarios/ and corpus/)"
    ),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """The rule catalogue: each rule's question, authority, weight, pin, quote and the cases it fires in."""
    from doctrine.analysis.catalogue import catalogue
    from doctrine.cli.common import Exit, load_all
    from doctrine.cli.progress import Ticker
    from doctrine.engine.batch import default_workers
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.render.catalogue import catalogue_json, catalogue_markdown, catalogue_text
    from doctrine.render.json import to_json

    if format not in FORMATS:
        typer.echo(f"doctrine: unknown format {format!r}; expected text, md or json", err=True)
        raise Exit(2)
    rulebase = load_rulebase(rules)
    courts = sorted({a.court for a in rulebase.authorities.values()} | set(rulebase.jurisdictions) - {"default"})
    if court is not None and court not in courts:
        typer.echo(f"doctrine: unknown court {court!r}; expected one of {', '.join(courts)}", err=True)
        raise Exit(2)
    root = _bundled_cases() if cases is None else cases
    files = list(load_all(root)) if root else []
    pairs = [(c, _shown(f.source)) for f in files for c in f.cases]
    with Ticker("running the bundled cases", total=len(pairs), quiet=quiet) as tick:
        cat = catalogue(rulebase, pairs, court, default_workers() if len(pairs) > 50 else 1, tick.advance)
    if format == "json":
        sys.stdout.write(to_json(catalogue_json(cat)) + "\n")
    elif format == "md":
        sys.stdout.write(catalogue_markdown(cat))
    else:
        sys.stdout.write(catalogue_text(cat))


def _shown(source: str) -> str:
    """A bundled case file by its path in the project (the same on every machine)."""
    from doctrine.resources import _ROOT

    try:
        return Path(source).resolve().relative_to(_ROOT).as_posix()
    except ValueError:
        return source
