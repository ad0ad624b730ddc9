"""`doctrine compare FILE`: one case under every jurisdiction setting and every branch of an
unsettled question, where the outcomes diverge and which holdings cause it; `--timeline`:
the outcome as of each date an authority was decided, and which decision changed it.

    doctrine compare scenarios/billings.case
    doctrine compare tests/fixtures/rounsavall.case --jurisdictions seventh_circuit,eighth_circuit
    doctrine compare scenarios/billings.case --as-of 2008-01-01
    doctrine compare scenarios/mackmore.case --timeline --format md

Exit 0 (a comparison is a report, not a check), 2 on bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

FORMATS = ("text", "json", "md")


def register(app: typer.Typer) -> None:
    app.command("compare")(command)


def _jurisdictions(value: str | None, known: Any) -> list[str] | None:
    from doctrine.cli.common import Exit

    if not value:
        return None
    names = [j.strip() for j in value.split(",") if j.strip()]
    bad = [j for j in names if j not in known]
    if bad:
        typer.echo(
            f"doctrine: unknown jurisdiction {', '.join(bad)}; the rules have {', '.join(sorted(known))}",
            err=True,
        )
        raise Exit(2)
    return names


def command(
    path: Path = typer.Argument(..., help="a case file"),
    case: str | None = typer.Option(None, "--case", help="only this case id"),
    jurisdictions: str | None = typer.Option(
        None, "--jurisdictions", help="a comma-separated list (default: every setting in rules/jurisdictions)"
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    timeline: bool = typer.Option(
        False, "--timeline", help="instead: the outcome as of each authority's date"
    ),
    format: str = typer.Option("text", "--format", "-f", help="text, json or md"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
) -> None:
    """The outcome across jurisdictions and branches (or, --timeline, across dates)."""
    from doctrine.analysis.compare import compare, timeline as timeline_of
    from doctrine.cli.common import Exit, cases_of, make_console, parse_as_of
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.engine.solve import Solver
    from doctrine.render import compare as R
    from doctrine.render.json import document, to_json

    if format not in FORMATS:
        typer.echo(f"doctrine: unknown format {format!r}; expected text, json or md", err=True)
        raise Exit(2)
    solver = Solver(load_rulebase(rules))
    names = _jurisdictions(jurisdictions, solver.rulebase.jurisdictions)
    date = parse_as_of(as_of)
    results: list[Any] = []
    for c, source in cases_of(path, case):
        if timeline:
            each: list[str | None] = list(names) if names else [None]
            results += [timeline_of(c, solver, jurisdiction=j, source=source) for j in each]
        else:
            results.append(compare(c, solver, jurisdictions=names, as_of=date, source=source))
    if format == "json":
        docs = [R.timeline_json(r) if timeline else R.comparison_json(r) for r in results]
        schema = R.TIMELINE_SCHEMA if timeline else R.COMPARE_SCHEMA
        sys.stdout.write(to_json(document(schema, docs, solver.rulebase.digest)) + "\n")
    elif format == "md":
        sys.stdout.write(
            "\n".join(R.timeline_markdown(r) if timeline else R.comparison_markdown(r) for r in results)
        )
    else:
        console = make_console()
        for r in results:
            console.print(R.timeline_text(r) if timeline else R.comparison_text(r))
