"""`doctrine fuzz`: check the invariants on drawn scenarios; print a shrunk counterexample.

Exit 0 when no invariant failed, 1 on a violation (its shrunk counterexample is printed as a
case file, and written to DIR with --save), 2 on bad input (an unknown invariant, rules that
do not load).

    doctrine fuzz --examples 1000 --seed 7
    doctrine fuzz --examples 10000 --workers 2
    doctrine fuzz --invariant waiver_blocks_relief --rules /tmp/planted --save found/
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import typer


def register(app: typer.Typer) -> None:
    app.command("fuzz")(command)


def command(
    examples: int | None = typer.Option(
        None, "--examples", "-n", min=1, max=10_000_000, help="scenarios to draw (default: the profile's)"
    ),
    seed: int = typer.Option(0, "--seed", min=0, max=2**32 - 1, help="hypothesis seed: the same seed draws the same scenarios"),
    invariant: list[str] | None = typer.Option(
        None, "--invariant", "-i", help="only this invariant (repeatable)"
    ),
    save: Path | None = typer.Option(None, "--save", help="write the counterexample to DIR/<invariant>.case"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    profile: str = typer.Option("ci", "--profile", help="ci (100 scenarios) or deep (5000)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    engine: str = typer.Option("compiled", "--engine", help="compiled (the ground doctrine evaluated for many cases at once) or clingo (clingo's solve: the reference)"),
    workers: int = typer.Option(0, min=0, max=1024, help="processes checking batches of scenarios (default: the number of cores); the same seed finds the same violation with any number"),
) -> None:
    """Fuzz the doctrine: every invariant on random well-formed cases, shrunk on failure."""
    from doctrine.cli.common import Exit, check_engine, invariants_named

    try:
        import hypothesis  # noqa: F401  (an optional dependency: the `fuzz` extra)
    except ImportError:
        typer.echo("doctrine: fuzz needs hypothesis: install the fuzz extra (pip install 'doctrine[fuzz]')", err=True)
        raise Exit(2) from None
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.proof.fuzz import PROFILES, counterexample_text, fuzz

    check_engine(engine)
    chosen = invariants_named(invariant)
    if profile not in PROFILES:
        typer.echo(f"doctrine: unknown profile {profile!r}; expected {' or '.join(PROFILES)}", err=True)
        raise Exit(2)
    n = examples if examples is not None else PROFILES[profile]
    if n < 1:
        typer.echo("doctrine: --examples must be at least 1", err=True)
        raise Exit(2)
    from doctrine.cli.common import refuse_broken_rules

    rulebase = load_rulebase(rules)
    refuse_broken_rules(rulebase)
    from doctrine.cli.progress import Ticker
    from doctrine.engine.batch import default_workers
    from doctrine.engine.engines import make_solver
    from doctrine.proof.context import Context

    with Ticker("fuzzing", total=n, quiet=quiet) as tick:
        report = fuzz(rulebase, chosen, n, seed, Context(rulebase, make_solver(rulebase, True, engine)),
                      progress=tick.advance, workers=workers or default_workers(), engine=engine)
    names = ", ".join(i.name for i in chosen)
    summary = (
        f"{report.examples} scenarios in {report.seconds:.1f}s ({report.rate:.1f} scenarios/s, "
        f"{report.solved} distinct fact sets solved); invariants: {names}"
    )
    v = report.violation
    if v is None:
        typer.echo(f"ok: no invariant violated. {summary}")
        return
    text = counterexample_text(v, seed)
    sys.stdout.write(text)
    name = "<counterexample>"
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        path = save / f"{v.invariant.name}.case"
        path.write_text(text, encoding="utf-8")
        name = str(path)
        typer.echo(f"saved: {path}", err=True)
    sys.stdout.write(_explanations(v, rulebase, text, name))
    typer.echo(f"violated: {v.invariant.name}: {v.message}. {summary}", err=True)
    raise Exit(1)


def _explanations(v: Any, rulebase: Any, text: str, name: str) -> str:
    """The explanations of the counterexample (read back from its text, so leaves point at its
    lines) and of the variants it was compared with, as comment lines: stdout stays a case file."""
    from rich.console import Console

    from doctrine.language.parse import parse_source
    from doctrine.language.source import Source
    from doctrine.proof.invariants import Context
    from doctrine.reasoning.explanation import explain
    from doctrine.render.text import render_text

    ctx = Context(rulebase)
    out = io.StringIO()
    console = Console(file=out, width=96, no_color=True, highlight=False, soft_wrap=False)
    try:
        shown = list(parse_source(Source(name, text)).cases)
    except Exception:
        shown = [v.scenario.case]
    shown += [c for c in v.pair or () if c != v.scenario.case]
    for case in shown:
        try:
            e = explain(ctx.outcome(case), rulebase)
        except Exception as err:
            console.print(f"(case {case.id} cannot be explained: {type(err).__name__}: {err})")
            continue
        console.print(render_text(e.verdict, e))
    lines = out.getvalue().rstrip("\n").split("\n")
    return "\n# Explanations\n" + "".join(f"# {line}".rstrip() + "\n" for line in lines)
