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
    TIMEOUT_HELP,
    Exit,
    check_engine,
    engine_option,
    load_good,
    make_console,
    no_case,
    parse_as_of,
    report_failures,
    require_jurisdiction,
)

OUT_HELP = "with --format dot or svg: write one file per case (CASE.dot, CASE.svg) into this directory"


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
    quiet: bool = False,
    cases_out: dict[Any, Any] | None = None,
    timeout: float | None = None,
    engine: str = "compiled",
) -> tuple[list[tuple[Any, Any]], int]:
    """The (verdict, explanation) of every good case, and the exit code the batch has earned:
    2 when a file was bad input, 1 when a case could not be decided, else 0."""
    from doctrine.reasoning.evaluate import evaluate

    files, bad_input = load_good(paths)
    if jurisdiction is not None:
        from doctrine.engine.rulebase import load_rulebase

        require_jurisdiction(load_rulebase(rules), jurisdiction)
    pairs = [(c, f.source) for f in files for c in f.cases if case is None or c.id == case]
    if case is not None and not pairs:
        no_case(case, paths, [c.id for f in files for c in f.cases])
    # processes pay off only for large batches (each worker grounds the doctrine once)
    n_workers = workers if len(pairs) >= 200 else 1
    if cases_out is not None:
        cases_out.update(((source, c.id), c) for c, source in pairs)
    from doctrine.cli.progress import Ticker

    failures: list[Any] = []
    results = evaluate(pairs, rules, n_workers, explain, jurisdiction, parse_as_of(as_of), why, why_not,
                       timeout=timeout, failures=failures, engine=check_engine(engine))
    with Ticker("solving", total=len(pairs), quiet=quiet) as tick:
        out = [(r.verdict, r.explanation) for r in tick.track(results)]
    report_failures(failures)
    return out, 2 if bad_input else 1 if failures else 0


def _emit_graphs(results: list[tuple[Any, Any]], fmt: str, out: Path | None) -> None:
    """DOT or SVG: one valid document per case in `out`, or one document (a cluster per case) on stdout."""
    from doctrine.render.graph import GraphvizError, dot_to_svg, render_dot, render_dot_many, render_svg_many

    explanations = [e for _v, e in results if e is not None]
    try:
        if out is None and len(explanations) == 1:
            dot = render_dot(explanations[0])
            sys.stdout.write(dot_to_svg(dot) if fmt == "svg" else dot)
            return
        if out is None:
            sys.stdout.write(render_svg_many(explanations) if fmt == "svg" else render_dot_many(explanations))
            return
        out.mkdir(parents=True, exist_ok=True)
        for e in explanations:
            dot = render_dot(e)
            target = out / f"{e.verdict.case}.{fmt}"
            target.write_text(dot_to_svg(dot) if fmt == "svg" else dot)
            typer.echo(f"wrote {target}", err=True)
    except GraphvizError as err:
        typer.echo(f"doctrine: {err}", err=True)
        raise Exit(2)
    except OSError as err:
        typer.echo(f"doctrine: cannot write to {out}: {err.strerror}", err=True)
        raise Exit(2)


def _emit(results: list[tuple[Any, Any]], fmt: str, rules: str | None, out: Path | None = None) -> None:
    # each form imports only its own renderer (a single `doctrine explain` is mostly start-up)
    if fmt == "json":
        from doctrine.engine.rulebase import load_rulebase
        from doctrine.render.json import result_document, to_json, verdict_json

        doc = result_document((verdict_json(v, e) for v, e in results), load_rulebase(rules))
        sys.stdout.write(to_json(doc) + "\n")
    elif fmt == "md":
        from doctrine.render.markdown import render_markdown

        sys.stdout.write("\n".join(render_markdown(v, e) for v, e in results))
    elif fmt == "html":
        from doctrine.render.html import render_html

        sys.stdout.write(render_html(results))
    elif fmt in ("dot", "svg"):
        _emit_graphs(results, fmt, out)
    elif fmt == "text":
        from doctrine.render.text import render_text

        console = make_console()
        for v, e in results:
            console.print(render_text(v, e))
    else:
        typer.echo(f"doctrine: unknown format {fmt!r}; expected {FORMAT_HELP}", err=True)
        raise Exit(2)


def run(
    paths: list[Path] = typer.Argument(..., help="case files or directories"),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP + "; csv or jsonl: one row per case"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: str | None = typer.Option(None, help="override the case's jurisdiction setting"),
    workers: int = typer.Option(0, min=0, max=1024, help="processes for large batches (default: the number of cores)"),
    timeout: float = typer.Option(60.0, min=0.01, max=86400.0, help=TIMEOUT_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no tally on stderr"),
    out: Path | None = typer.Option(None, "--out", help=OUT_HELP),
    engine: str = engine_option(),
) -> None:
    """Decide every case: relief, its kinds, authority below a minimum, and the holdings.

    Every good case is decided even when others are bad: each bad file is reported with its
    diagnostics (exit 2) and each case that could not be decided with why (exit 1)."""
    from doctrine.engine.batch import default_workers
    from doctrine.render.table import tally_line

    explain = format in ("dot", "svg", "html")
    cases: dict[Any, Any] = {}
    results, code = _evaluate(paths, rules, as_of, jurisdiction, explain, workers=workers or default_workers(),
                              quiet=quiet, cases_out=cases, timeout=timeout, engine=engine)
    if format in ("csv", "jsonl"):
        from doctrine.render.table import case_row, render_csv, render_jsonl

        rows = [case_row(cases.get((v.source, v.case)), v) for v, _ in results]
        sys.stdout.write(render_csv(rows) if format == "csv" else render_jsonl(rows))
    else:
        _emit(results, format, rules, out)
    if len(results) > 1:  # the tally ends the text; beside a document it goes to stderr
        tally = tally_line(v for v, _ in results)
        if format == "text":
            make_console().print(tally)
        elif not quiet:
            typer.echo(tally, err=True)
    if code:
        raise Exit(code)


def explain(
    path: Path = typer.Argument(..., help="a case file"),
    case: str | None = typer.Option(None, "--case", help="only this case id"),
    why: str | None = typer.Option(None, "--why", help="explain this conclusion, e.g. review or relief(discovery)"),
    why_not: str | None = typer.Option(None, "--why-not", help="why a conclusion did not hold: relief, hearing, threshold_showing ..."),
    format: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    as_of: str | None = typer.Option(None, "--as-of", help="apply only authorities decided by this date"),
    jurisdiction: str | None = typer.Option(None, help="override the case's jurisdiction setting"),
    out: Path | None = typer.Option(None, "--out", help=OUT_HELP),
) -> None:
    """Explain a case: each holding down to the case-file lines and the opinions' words."""
    for flag, goal in (("--why", why), ("--why-not", why_not)):
        _check_goal(flag, goal, rules)
    results, code = _evaluate([path], rules, as_of, jurisdiction, True, case, why, why_not)
    if code == 2:
        raise Exit(2)
    _emit(results, format, rules, out)
    if code:
        raise Exit(code)


def _check_goal(flag: str, goal: str | None, rules: str | None) -> None:
    """A goal is a conclusion some rule derives (`relief`, `review(plain_error)`, or a word such as
    `hearing`); anything else is bad usage, answered with the conclusions there are."""
    if goal is None:
        return
    from doctrine.analysis.whatif import conclusion_names, goal_term
    from doctrine.cli.common import visible
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.language.diagnostics import DoctrineError
    from doctrine.reasoning.why_not import GOAL_ALIASES

    rulebase = load_rulebase(rules)
    try:
        goal_term(goal, rulebase)
    except DoctrineError as e:
        known = ", ".join(sorted({*conclusion_names(rulebase), *GOAL_ALIASES}))
        typer.echo(f"doctrine: {flag} expects a conclusion some rule derives ({visible(e.diagnostics[0].message)}); "
                   f"the conclusions are: {known}", err=True)
        raise Exit(2) from None
