"""`doctrine verify`: prove the invariants over the whole fact space, or print a counterexample.

For each invariant with an ASP form and each jurisdiction, one clingo search for a scenario
that violates it: no scenario is a proof; a scenario is printed as a case file that
`doctrine check` accepts. Exit 0 when everything searched is proved, 1 on a violation, 2 on
bad input (an unknown invariant or jurisdiction).

    doctrine verify
    doctrine verify --invariant waiver_blocks_relief --jurisdiction eighth_circuit
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer


def register(app: typer.Typer) -> None:
    app.command("verify")(command)


def command(
    invariant: list[str] | None = typer.Option(
        None, "--invariant", "-i", help="only this invariant (repeatable)"
    ),
    jurisdiction: list[str] | None = typer.Option(
        None, "--jurisdiction", "-j", help="only this jurisdiction (repeatable)"
    ),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    save: Path | None = typer.Option(
        None, "--save", help="write each counterexample to DIR/<invariant>-<jurisdiction>.case"
    ),
    budget: float = typer.Option(10.0, "--budget", min=0.0, max=86400.0, help="seconds spent making a counterexample small"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Prove the invariants for every scenario of each jurisdiction (an ASP search per pair)."""
    from doctrine.analysis.space import size
    from doctrine.cli.common import Exit, invariants_named, refuse_broken_rules
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.proof.invariants import Context
    from doctrine.proof.verify import jurisdictions

    chosen = invariants_named(invariant)
    rulebase = load_rulebase(rules)
    refuse_broken_rules(rulebase)
    places = list(jurisdiction or jurisdictions(rulebase))
    unknown = [j for j in places if j not in rulebase.jurisdictions]
    if unknown:
        typer.echo(
            f"doctrine: unknown jurisdiction {unknown[0]!r}; expected one of "
            f"{', '.join(jurisdictions(rulebase))}",
            err=True,
        )
        raise Exit(2)
    typer.echo(
        f"fact space: {_magnitude(size())} well-formed scenarios in all (rules {rulebase.digest[:12]})"
    )
    typer.echo(f"{'invariant':<26} {'jurisdiction':<16} {'scenarios':>10} {'seconds':>8}  result")
    ctx = Context(rulebase)
    skipped = [inv.name for inv in chosen if not inv.asp and inv.name != "one_answer_set"]
    from doctrine.cli.progress import Ticker

    searched = [inv for inv in chosen if inv.name not in skipped]
    with Ticker("proving", total=len(searched) * len(places), quiet=quiet) as tick:
        failed = _prove_all(rulebase, searched, places, ctx, budget, save, tick)
    if skipped:
        typer.echo(
            f"not searched (properties of the case language and the pipeline, not of the doctrine; "
            f"checked by `doctrine fuzz`): {', '.join(skipped)}"
        )
    if failed:
        raise Exit(1)


def _prove_all(rulebase: Any, searched: list[Any], places: list[str], ctx: Any, budget: float, save: Path | None,
               tick: Any) -> bool:
    """One search per invariant and jurisdiction, a line each; True when any was violated."""
    from doctrine.proof.verify import verify

    failed = False
    for inv in searched:
        for j in places:
            tick.advance(0, f"proving {inv.name} in {j}")
            proof = verify(rulebase, inv, j, ctx, budget)
            result = (
                proof.status
                if proof.status != "violated" or proof.cases == ()
                else (
                    "VIOLATED"
                    if proof.confirmed
                    else "VIOLATED (not confirmed by the solver: a bug in the encoding)"
                )
            )
            typer.echo(
                f"{inv.name:<26} {j:<16} {_magnitude(proof.space):>10} {proof.seconds:>8.2f}  {result}"
                + (f": {proof.note}" if proof.note else "")
            )
            if proof.status == "violated":
                failed = True
                if proof.cases:
                    _report(proof, inv, save)
            tick.advance()
    return failed


def _magnitude(n: int) -> str:
    """12345678 -> `1.2e7`: the count is exact, its digits are not the point."""
    digits = str(n)
    return digits if n < 10**6 else f"{digits[0]}.{digits[1]}e{len(digits) - 1}"


def counterexample_text(proof: Any, inv: Any) -> str:
    """The counterexample as a case file: a comment header, then the case(s) with a note."""
    from dataclasses import replace

    from doctrine.language.syntax import CaseFile, Statement, Value, ValueKind, print_case_file

    head = [
        f"# doctrine verify: a counterexample to `{inv.name}` in {proof.jurisdiction}",
        f"# {inv.description}",
        f"# Source: {inv.source}",
        "# Branch of the open questions: " + (", ".join(f"{q} = {p}" for q, p in proof.branch) or "none"),
        f"# The solver confirms: {proof.confirmed}",
    ]
    if len(proof.cases) == 2:
        head.append(
            f"# A pair property: the first case is world w1, the second w2 (varying {', '.join(inv.varies)})."
        )
    note = Statement("note", (Value(ValueKind.STRING, f"violates {inv.name} in {proof.jurisdiction}"),))
    cases = tuple(replace(c, statements=(note, *c.statements)) for c in proof.cases)
    return "\n".join(head) + "\n" + print_case_file(CaseFile(cases))


def _report(proof: Any, inv: Any, save: Path | None) -> None:
    text = counterexample_text(proof, inv)
    sys.stdout.write(text + "\n")
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        path = save / f"{inv.name}-{proof.jurisdiction}.case"
        path.write_text(text, encoding="utf-8")
        typer.echo(f"saved: {path}", err=True)
