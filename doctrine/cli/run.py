"""`doctrine run PATH...` and `doctrine explain FILE`: decide cases, and explain them.

    doctrine run scenarios/ --format json
    doctrine explain scenarios/mackmore.case --why-not relief
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from doctrine.cli.common import (
    FORMAT_HELP,
    Exit,
    check_engine,
    engine_option,
    load_all,
    make_console,
    parse_as_of,
)


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(explain)


def _evaluate(
    paths: list[Path],
    rules: str | None,
    as_of: str | None,
    jurisdiction: str | None,
    explain: bool,
    case: str | None = None,
    why: str | None = None,
    why_not: str | None = None,
    workers: int = 1,
    engine: str = "compiled",
) -> list[tuple[Any, Any]]:
    from doctrine.reasoning.evaluate import evaluate

    files = list(load_all(paths))
    if jurisdiction is not None:
        from doctrine.engine.rulebase import load_rulebase

        known = sorted(load_rulebase(rules).jurisdictions)
        if jurisdiction not in known:
            typer.echo(f"doctrine: unknown jurisdiction {jurisdiction!r}; the rules have {', '.join(known)}", err=True)
            raise Exit(2)
    pairs = [(c, f.source) for f in files for c in f.cases if case is None or c.id == case]
    if case is not None and not pairs:
        typer.echo(f"doctrine: no case `{case}` in " + ", ".join(map(str, paths)), err=True)
        raise Exit(2)
    # processes pay off only for large batches (each worker grounds the doctrine once)
    n_workers = workers if len(pairs) >= 200 else 1
    results: Any = evaluate(
        pairs, rules, n_workers, explain, jurisdiction, parse_as_of(as_of), why, why_not, engine=check_engine(engine)
    )
    if len(pairs) > 20 and sys.stderr.isatty():
        from rich.progress import track

        results = track(results, total=len(pairs), description="solving", console=make_console(True))
    return [(r.verdict, r.explanation) for r in results]


def _emit(results: list[tuple[Any, Any]], fmt: str, rules: str | None) -> None:
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.render.graph import render_dot, render_svg
    from doctrine.render.html import render_html
    from doctrine.render.json import result_document, to_json, verdict_json
    from doctrine.render.markdown import render_markdown
    from doctrine.render.text import render_text

    if fmt == "json":
        doc = result_document((verdict_json(v, e) for v, e in results), load_rulebase(rules))
        sys.stdout.write(to_json(doc) + "\n")
    elif fmt == "md":
        sys.stdout.write("\n".join(render_markdown(v, e) for v, e in results))
    elif fmt == "html":
        sys.stdout.write(render_html(results))
    elif fmt in ("dot", "svg"):
        for _v, e in results:
            if e is None:
                continue
            if fmt == "svg":
                try:
                    sys.stdout.write(render_svg(e))
                except RuntimeError as err:
                    typer.echo(f"doctrine: {err}", err=True)
                    raise Exit(2)
            else:
                sys.stdout.write(render_dot(e))
    elif fmt == "text":
        console = make_console()
        for v, e in results:
            console.print(render_text(v, e))
    else:
        typer.echo(f"doctrine: unknown format {fmt!r}; expected {FORMAT_HELP}", err=True)
        raise Exit(2)


def run(
    paths: list[Path] = typer.Argument(..., help="case files or directories"),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: str | None = typer.Option(None, help="override the case's jurisdiction setting"),
    workers: int = typer.Option(0, help="processes for large batches (default: the number of cores)"),
    engine: str = engine_option(),
) -> None:
    """Decide every case: relief, its kinds, authority below a minimum, and the holdings."""
    from doctrine.engine.batch import default_workers

    explain = format in ("dot", "svg", "html")
    results = _evaluate(paths, rules, as_of, jurisdiction, explain, workers=workers or default_workers(), engine=engine)
    _emit(results, format, rules)


def explain(
    path: Path = typer.Argument(..., help="a case file"),
    case: str | None = typer.Option(None, "--case", help="only this case id"),
    why: str | None = typer.Option(None, "--why", help="explain this conclusion, e.g. review or relief(discovery)"),
    why_not: str | None = typer.Option(None, "--why-not", help="why a conclusion did not hold: relief, hearing, threshold_showing ..."),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: str | None = typer.Option(None, help="override the case's jurisdiction setting"),
) -> None:
    """Explain a case: each holding down to the case-file lines and the opinions' words."""
    for flag, goal in (("--why", why), ("--why-not", why_not)):
        _check_goal(flag, goal)
    results = _evaluate([path], rules, as_of, jurisdiction, True, case, why, why_not)
    _emit(results, format, rules)


def _check_goal(flag: str, goal: str | None) -> None:
    """A goal is a conclusion term (`relief`, `review(plain_error)`); anything else is bad usage."""
    if goal is None:
        return
    import clingo

    try:
        sym = clingo.parse_term(goal)
    except RuntimeError:
        sym = None
    if sym is None or sym.type != clingo.SymbolType.Function:
        typer.echo(f"doctrine: {flag} expects a conclusion such as `relief`, `hearing` or `review(plain_error)`, not {goal!r}", err=True)
        raise Exit(2)
