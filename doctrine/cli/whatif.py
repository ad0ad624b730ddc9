"""`doctrine whatif FILE`: the smallest changes of a case's facts that bring a goal about, and
(`--unknowns`) the facts the record leaves unknown that would decide it.

    doctrine whatif scenarios/billings.case --goal hearing
    doctrine whatif scenarios/buffington.case --goal relief --fix waiver_conduct --max-changes 5
    doctrine whatif scenarios/wade.case --goal relief --negate
    doctrine whatif scenarios/mackmore.case --unknowns --format json

Exit 0 when an answer was found (or the goal already holds), 1 when no change set of at most
--max-changes reaches it, 2 on bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

FORMATS = ("text", "json", "md")


def register(app: typer.Typer) -> None:
    app.command("whatif")(command)


def _check_fix(fix: list[str]) -> list[str]:
    from doctrine.cli.common import Exit
    from doctrine.language import vocabulary as V

    words = {f"{p.word}.{k.word}" if p else k.word for p, k in V.walk()}
    keys = [k for item in fix for k in item.split(",") if k]
    bad = [k for k in keys if k not in words]
    if bad:
        typer.echo(
            f"doctrine: --fix takes keys of the case language (e.g. raised_below, allegation.support), not {', '.join(bad)}",
            err=True,
        )
        raise Exit(2)
    return keys


def command(
    path: Path = typer.Argument(..., help="a case file"),
    case: str | None = typer.Option(None, "--case", help="only this case id"),
    goal: str = typer.Option(
        "relief",
        "--goal",
        help="relief, hearing, discovery, remedy, below_minimum, threshold_showing, or any conclusion",
    ),
    negate: bool = typer.Option(False, "--negate", help="find what would make the goal stop holding"),
    max_changes: int = typer.Option(4, "--max-changes", min=0, max=64, help="the most changes an answer may make"),
    fix: list[str] = typer.Option(
        [], "--fix", help="a key that may not change (repeatable; court, posture, minimum ... always are)"
    ),
    alternatives: int = typer.Option(5, "--alternatives", min=1, max=1000, help="how many answers, cheapest first"),
    unknowns: bool = typer.Option(
        False, "--unknowns", help="instead: which unknown facts would decide the case"
    ),
    all_facts: bool = typer.Option(
        False, "--all", help="with --unknowns: list every unknown fact, not only the decisive ones"
    ),
    explain: bool = typer.Option(
        False, "--explain", help="show each answer's whole verdict and why the goal holds"
    ),
    format: str = typer.Option("text", "--format", "-f", help="text, json or md"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: str | None = typer.Option(None, help="override the case's jurisdiction setting"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """The smallest changes of the facts under which the goal holds (or, --negate, stops holding)."""
    from doctrine.analysis.whatif import goal_term
    from doctrine.cli.common import Exit, cases_of, parse_as_of, require_jurisdiction
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.engine.solve import Solver
    from doctrine.language.diagnostics import DoctrineError

    if format not in FORMATS:
        typer.echo(f"doctrine: unknown format {format!r}; expected text, json or md", err=True)
        raise Exit(2)
    keys = _check_fix(fix)
    solver = Solver(load_rulebase(rules))
    require_jurisdiction(solver.rulebase, jurisdiction)
    try:
        goal_term(goal, solver.rulebase)  # a bad goal is bad input (exit 2), before any solving
    except DoctrineError as e:
        d = e.diagnostics[0]
        typer.echo(f"doctrine: --goal: {d.message} (try {d.hint})", err=True)
        raise Exit(2) from None
    date = parse_as_of(as_of)
    from doctrine.cli.progress import Ticker

    results: list[Any] = []
    pairs = cases_of(path, case)
    with Ticker("searching", total=len(pairs), quiet=quiet) as tick:
        for c, source in tick.track(pairs):
            _answer(c, source, results, solver, unknowns, goal, negate, max_changes, keys, alternatives,
                    jurisdiction, date)
    _print(results, format, unknowns, explain, all_facts, solver.rulebase)
    if not unknowns and any(not r.already and not r.alternatives for r in results):
        raise Exit(1)


def _answer(c: Any, source: str, results: list[Any], solver: Any, unknowns: bool, goal: str, negate: bool,
            max_changes: int, keys: list[str], alternatives: int, jurisdiction: str | None, date: int | None) -> None:
    """One case's answer: the decisive unknowns, or the smallest change sets reaching the goal."""
    from doctrine.analysis.whatif import decisive_unknowns, what_if

    if unknowns:
        results.append(decisive_unknowns(c, solver, jurisdiction=jurisdiction, as_of=date, source=source))
        return
    results.append(what_if(c, goal, negate=negate, max_changes=max_changes, fix=keys, alternatives=alternatives,
                           solver=solver, jurisdiction=jurisdiction, as_of=date, source=source))


def _print(results: list[Any], format: str, unknowns: bool, explain: bool, all_facts: bool, rulebase: Any) -> None:
    from doctrine.cli.common import make_console
    from doctrine.render import whatif as R
    from doctrine.render.json import document, to_json
    from doctrine.render.whatif import UNKNOWNS_SCHEMA, WHATIF_SCHEMA

    if format == "json":
        docs = [R.unknowns_json(r) if unknowns else R.whatif_json(r) for r in results]
        sys.stdout.write(to_json(document(UNKNOWNS_SCHEMA if unknowns else WHATIF_SCHEMA, docs, rulebase.digest)) + "\n")
    elif format == "md":
        sys.stdout.write(
            "\n".join(R.unknowns_markdown(r) if unknowns else R.whatif_markdown(r, explain) for r in results)
        )
    else:
        console = make_console()
        for r in results:
            console.print(R.unknowns_text(r, all_facts) if unknowns else R.whatif_text(r, explain))
